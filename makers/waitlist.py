"""The waiting list of a taken slot: join, offer on release, claim through a signed link.

An offer does not hold the slot in the database (only bookings do): it gives the first in line a
signed link valid for MAKERS_WAITLIST_OFFER_HOURS; the claim books it like any request, so if
someone else was quicker the claimant is told so and stays in line.
"""

import datetime
import logging

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cultuur.queue import enqueue_on_commit
from makers import services, slots
from makers.models import Venue, VenueBooking, WaitingListEntry

log = logging.getLogger("makers")

CLAIM_SALT = "makers.waitlist.claim"


def _offer_window() -> datetime.timedelta:
    return datetime.timedelta(hours=settings.MAKERS_WAITLIST_OFFER_HOURS)


def claim_link_value(entry: WaitingListEntry) -> str:
    """The signed, time-stamped value in the claim URL (no pk: the entry's random token)."""
    return signing.dumps(str(entry.token), salt=CLAIM_SALT, compress=False)


def entry_from_claim(value: str) -> WaitingListEntry | None:
    try:
        token = signing.loads(value, salt=CLAIM_SALT, max_age=_offer_window())
    except signing.BadSignature:  # SignatureExpired is a BadSignature
        return None
    return WaitingListEntry.objects.select_related("venue").filter(token=token).first()


def _overlap(queryset, *, date, start_time, end_time):
    return queryset.filter(date=date, start_time__lt=end_time, end_time__gt=start_time)


def waitlist_join(*, entry: WaitingListEntry, by=None) -> WaitingListEntry:
    if not entry.venue.is_published:
        raise services.DirectoryError(_("Deze locatie is niet te boeken."))
    if entry.date < timezone.localdate():
        raise services.DirectoryError(_("Kies een datum vandaag of later."))
    if getattr(by, "is_authenticated", False):
        entry.requested_by = by
    entry.full_clean()
    with transaction.atomic():
        slots.lock_venue(entry.venue_id)
        taken = slots.occupying(
            venue_id=entry.venue_id, dates=[entry.date], start_time=entry.start_time, end_time=entry.end_time
        )
        if not taken.exists():
            raise services.DirectoryError(_("Dit tijdstip is vrij: je kunt het direct boeken."))
        already = WaitingListEntry.objects.filter(
            venue_id=entry.venue_id,
            date=entry.date,
            start_time=entry.start_time,
            end_time=entry.end_time,
            contact_email__iexact=entry.contact_email,
            status__in=[WaitingListEntry.Status.WAITING, WaitingListEntry.Status.OFFERED],
        )
        if already.exists():
            raise services.DirectoryError(_("Je staat al op de wachtlijst voor dit tijdstip."))
        entry.save()
    log.info("makers.waitlist.joined id=%s by=%s", entry.pk, getattr(by, "pk", None))
    return entry


@transaction.atomic
def waitlist_offer_next(*, venue_id: int, date, start_time, end_time, now=None) -> WaitingListEntry | None:
    """Offer a freed slot to the first in line whose wish now fits. Idempotent: while a live offer
    overlaps the slot nobody else is offered it, and an entry is claimed with a conditional update."""
    now = now or timezone.now()
    if Venue.objects.select_for_update().filter(pk=venue_id).values_list("pk", flat=True).first() is None:
        return None  # the venue was removed after the slot was freed
    entries = WaitingListEntry.objects.filter(venue_id=venue_id)
    live_offers = _overlap(
        entries.filter(status=WaitingListEntry.Status.OFFERED, offer_expires_at__gt=now),
        date=date,
        start_time=start_time,
        end_time=end_time,
    )
    if live_offers.exists():
        return None
    waiting = _overlap(
        entries.filter(status=WaitingListEntry.Status.WAITING),
        date=date,
        start_time=start_time,
        end_time=end_time,
    ).order_by("created_at", "pk")
    for entry in waiting:
        if slots.occupying(
            venue_id=venue_id, dates=[entry.date], start_time=entry.start_time, end_time=entry.end_time
        ).exists():
            continue
        updated = WaitingListEntry.objects.filter(pk=entry.pk, status=WaitingListEntry.Status.WAITING).update(
            status=WaitingListEntry.Status.OFFERED, offered_at=now, offer_expires_at=now + _offer_window()
        )
        if updated:
            log.info("makers.waitlist.offered id=%s by=None", entry.pk)
            enqueue_on_commit("makers.tasks.send_waitlist_offer", pk=entry.pk)
            return entry
    return None


def waitlist_claim(*, entry: WaitingListEntry, by=None) -> VenueBooking:
    """Book the offered slot for the person on the list; a slot taken meanwhile keeps them in line."""
    with transaction.atomic():
        entry = WaitingListEntry.objects.select_for_update().select_related("venue").get(pk=entry.pk)
        if entry.status == WaitingListEntry.Status.CLAIMED:
            raise services.DirectoryError(_("Je hebt dit tijdstip al geboekt."))
        if entry.status != WaitingListEntry.Status.OFFERED or entry.offer_expires_at <= timezone.now():
            raise services.DirectoryError(_("Dit aanbod is verlopen."))
        booking = VenueBooking(
            venue=entry.venue,
            date=entry.date,
            start_time=entry.start_time,
            end_time=entry.end_time,
            purpose=entry.purpose,
            contact_name=entry.contact_name,
            contact_email=entry.contact_email,
        )
        try:
            booking = services.venue_booking_request(booking=booking, by=by)
        except services.BookingConflict:
            entry.status = WaitingListEntry.Status.WAITING
            entry.offered_at = entry.offer_expires_at = None
            entry.save(update_fields=["status", "offered_at", "offer_expires_at"])
            booking = None
        else:
            entry.status = WaitingListEntry.Status.CLAIMED
            entry.booking = booking
            entry.save(update_fields=["status", "booking"])
    if booking is None:
        raise services.BookingConflict(
            _("Helaas, iemand anders was je voor. Je blijft op de wachtlijst voor dit tijdstip.")
        )
    log.info("makers.waitlist.claimed id=%s booking=%s", entry.pk, booking.pk)
    return booking


def waitlist_expire_offers(*, now=None) -> int:
    """The beat sweep: an unclaimed offer lapses and the slot goes to the next in line."""
    now = now or timezone.now()
    lapsed = 0
    due = WaitingListEntry.objects.filter(status=WaitingListEntry.Status.OFFERED, offer_expires_at__lt=now)
    for entry in due[:500]:
        with transaction.atomic():
            updated = WaitingListEntry.objects.filter(
                pk=entry.pk, status=WaitingListEntry.Status.OFFERED, offer_expires_at__lt=now
            ).update(status=WaitingListEntry.Status.LAPSED)
            if updated:
                lapsed += 1
                log.info("makers.waitlist.lapsed id=%s by=None", entry.pk)
                waitlist_offer_next(
                    venue_id=entry.venue_id,
                    date=entry.date,
                    start_time=entry.start_time,
                    end_time=entry.end_time,
                    now=now,
                )
    return lapsed
