"""E-mails from the directory, in plain Dutch."""

from django.conf import settings
from django.template.loader import render_to_string

from cultuur import mail
from makers.models import Course, Maker, VenueBooking


def review_result(*, kind: str, pk: int) -> None:
    model = Maker if kind == "maker" else Course
    obj = (
        model.objects.select_related(*(["user"] if kind == "maker" else ["maker__user"]))
        .filter(pk=pk)
        .first()
    )
    if obj is None:
        return
    user = obj.user if kind == "maker" else (obj.maker.user if obj.maker else None)
    if user is None or not user.email:
        return
    context = {"obj": obj, "kind": kind, "site_url": settings.SITE_URL}
    mail.send(
        subject=render_to_string("makers/email/review_subject.txt", context).strip(),
        body=render_to_string("makers/email/review_body.txt", context),
        to=[user.email],
        language="nl",
    )


def booking_decision(*, pk: int) -> None:
    booking = VenueBooking.objects.select_related("venue").filter(pk=pk).first()
    if booking is None:
        return
    context = {"booking": booking, "site_url": settings.SITE_URL}
    mail.send(
        subject=render_to_string("makers/email/booking_subject.txt", context).strip(),
        body=render_to_string("makers/email/booking_body.txt", context),
        to=[booking.contact_email],
        language="nl",
    )


def invitation(*, maker_id: int) -> None:
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str
    from django.urls import reverse

    maker = Maker.objects.select_related("user").filter(pk=maker_id).first()
    if maker is None or maker.user is None:
        return
    user = maker.user
    path = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)},
    )
    context = {"maker": maker, "link": settings.SITE_URL + path, "site_url": settings.SITE_URL}
    mail.send(
        subject=render_to_string("makers/email/invitation_subject.txt", context).strip(),
        body=render_to_string("makers/email/invitation_body.txt", context),
        to=[user.email],
        language="nl",
    )


def waitlist_offer(*, pk: int) -> None:
    from django.urls import reverse

    from makers.models import WaitingListEntry
    from makers.waitlist import claim_link_value

    entry = WaitingListEntry.objects.select_related("venue").filter(pk=pk).first()
    if entry is None or entry.status != WaitingListEntry.Status.OFFERED:
        return
    link = settings.SITE_URL + reverse("makers:waitlist_claim", kwargs={"signed": claim_link_value(entry)})
    context = {"entry": entry, "link": link, "site_url": settings.SITE_URL}
    mail.send(
        subject=render_to_string("makers/email/waitlist_offer_subject.txt", context).strip(),
        body=render_to_string("makers/email/waitlist_offer_body.txt", context),
        to=[entry.contact_email],
        language="nl",
    )
