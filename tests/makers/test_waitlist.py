"""The waiting list: join a taken slot, offer on release, claim by signed link, pass on when late."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from makers import booking as booking_services
from makers import services, waitlist
from makers.models import VenueBooking, WaitingListEntry
from makers.tasks import expire_holds, expire_waitlist_offers
from tests.makers.factories import BookingFactory

pytestmark = pytest.mark.django_db


def entry_for(booking, email):
    return WaitingListEntry(
        venue=booking.venue,
        date=booking.date,
        start_time=booking.start_time,
        end_time=booking.end_time,
        purpose="Les",
        contact_name=email.split("@")[0],
        contact_email=email,
    )


@pytest.fixture
def taken():
    return BookingFactory(status=VenueBooking.Status.CONFIRMED)


def test_only_a_taken_slot_has_a_waiting_list(taken):
    free = entry_for(taken, "bo@example.org")
    free.start_time, free.end_time = datetime.time(14), datetime.time(15)
    with pytest.raises(services.DirectoryError, match="vrij"):
        waitlist.waitlist_join(entry=free)
    waitlist.waitlist_join(entry=entry_for(taken, "bo@example.org"))
    with pytest.raises(services.DirectoryError, match="al op de wachtlijst"):
        waitlist.waitlist_join(entry=entry_for(taken, "bo@example.org"))


def test_a_cancellation_offers_the_slot_to_the_first_in_line_by_email(
    taken, mailoutbox, django_capture_on_commit_callbacks, client
):
    first = waitlist.waitlist_join(entry=entry_for(taken, "eerste@example.org"))
    second = waitlist.waitlist_join(entry=entry_for(taken, "tweede@example.org"))
    with django_capture_on_commit_callbacks(execute=True):
        booking_services.venue_booking_cancel(booking=taken)
    first.refresh_from_db(), second.refresh_from_db()
    assert (first.status, second.status) == ("offered", "waiting")
    assert [m.to for m in mailoutbox] == [["eerste@example.org"]]
    link = next(line for line in mailoutbox[0].body.splitlines() if "/wachtlijst/" in line)
    path = link[link.index("/wachtlijst/") :]
    assert client.get(path).status_code == 200
    response = client.post(path)
    booking = VenueBooking.objects.get(contact_email="eerste@example.org")
    assert response.url == reverse("makers:booking_status", kwargs={"token": booking.token})
    assert booking.status == "requested"
    first.refresh_from_db()
    assert first.status == "claimed" and first.booking == booking


def test_an_offer_is_made_once_however_often_the_release_is_handled(
    taken, django_capture_on_commit_callbacks
):
    waitlist.waitlist_join(entry=entry_for(taken, "eerste@example.org"))
    waitlist.waitlist_join(entry=entry_for(taken, "tweede@example.org"))
    VenueBooking.objects.filter(pk=taken.pk).update(status="cancelled")
    slot = {
        "venue_id": taken.venue_id,
        "date": taken.date,
        "start_time": taken.start_time,
        "end_time": taken.end_time,
    }
    assert waitlist.waitlist_offer_next(**slot) is not None
    assert waitlist.waitlist_offer_next(**slot) is None
    assert WaitingListEntry.objects.filter(status="offered").count() == 1


def test_an_unclaimed_offer_passes_to_the_next(taken, mailoutbox, django_capture_on_commit_callbacks):
    first = waitlist.waitlist_join(entry=entry_for(taken, "eerste@example.org"))
    waitlist.waitlist_join(entry=entry_for(taken, "tweede@example.org"))
    with django_capture_on_commit_callbacks(execute=True):
        booking_services.venue_booking_cancel(booking=taken)
    WaitingListEntry.objects.filter(pk=first.pk).update(
        offer_expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert expire_waitlist_offers() == 1
    assert expire_waitlist_offers() == 0
    assert dict(WaitingListEntry.objects.values_list("contact_email", "status")) == {
        "eerste@example.org": "lapsed",
        "tweede@example.org": "offered",
    }
    assert [m.to for m in mailoutbox] == [["eerste@example.org"], ["tweede@example.org"]]
    with pytest.raises(services.DirectoryError, match="verlopen"):
        waitlist.waitlist_claim(entry=first)


def test_an_expired_hold_frees_the_slot_for_the_waiting_list(mailoutbox, django_capture_on_commit_callbacks):
    hold = BookingFactory(hold_expires_at=timezone.now() + datetime.timedelta(hours=1))
    waitlist.waitlist_join(entry=entry_for(hold, "wacht@example.org"))
    VenueBooking.objects.filter(pk=hold.pk).update(
        hold_expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        expire_holds()
    assert WaitingListEntry.objects.get().status == "offered"
    assert len(mailoutbox) == 1


def test_a_slot_taken_before_the_claim_keeps_the_claimant_in_line(taken, django_capture_on_commit_callbacks):
    entry = waitlist.waitlist_join(entry=entry_for(taken, "eerste@example.org"))
    with django_capture_on_commit_callbacks(execute=True):
        booking_services.venue_booking_cancel(booking=taken)
    services.venue_booking_request(booking=BookingFactory.build(venue=taken.venue, date=taken.date), by=None)
    with pytest.raises(services.BookingConflict, match="wachtlijst"):
        waitlist.waitlist_claim(entry=entry)
    entry.refresh_from_db()
    assert entry.status == "waiting"


def test_a_forged_or_old_claim_link_is_404(taken, client, settings, django_capture_on_commit_callbacks):
    entry = waitlist.waitlist_join(entry=entry_for(taken, "eerste@example.org"))
    with django_capture_on_commit_callbacks(execute=True):
        booking_services.venue_booking_cancel(booking=taken)
    value = waitlist.claim_link_value(WaitingListEntry.objects.get(pk=entry.pk))
    assert client.get(reverse("makers:waitlist_claim", kwargs={"signed": value + "x"})).status_code == 404
    settings.MAKERS_WAITLIST_OFFER_HOURS = 0
    assert client.get(reverse("makers:waitlist_claim", kwargs={"signed": value})).status_code == 404


def test_the_join_page_keeps_input_on_error_and_lists_the_entry(taken, client):
    url = reverse("makers:waitlist_join", kwargs={"slug": taken.venue.slug})
    page = client.get(url, {"date": taken.date.isoformat(), "start_time": "10:00", "end_time": "12:00"})
    assert page.status_code == 200 and page.context["form"].initial["start_time"] == "10:00"
    data = {
        "date": taken.date.isoformat(),
        "start_time": "10:00",
        "end_time": "12:00",
        "purpose": "Toneel",
        "contact_name": "Bo",
        "contact_email": "geen-adres",
    }
    response = client.post(url, data)
    assert response.status_code == 400 and "Toneel" in response.content.decode()
    response = client.post(url, data | {"contact_email": "bo@example.org"})
    assert response.status_code == 302
    assert WaitingListEntry.objects.get().contact_email == "bo@example.org"


def test_a_freed_slot_of_a_removed_venue_offers_nothing():
    from makers.tasks import offer_freed_slot

    assert offer_freed_slot(venue_id=999_999, date="2030-01-01", start_time="10:00", end_time="11:00") is None
