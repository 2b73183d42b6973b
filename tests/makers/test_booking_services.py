import datetime

import pytest
from django.db import IntegrityError, connection

from makers import services
from makers.models import VenueBooking
from tests.factories import UserFactory
from tests.makers.factories import BookingFactory, VenueFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def advisor():
    return UserFactory(roles=["advisor"])


@pytest.mark.skipif(
    connection.vendor == "postgresql", reason="there the constraint keeps the second hold from existing"
)
def test_an_overlapping_booking_cannot_be_confirmed(advisor):
    """Overlapping holds exist only without the constraint (SQLite, rows from before holds)."""
    venue = VenueFactory()
    first = BookingFactory(venue=venue, start_time=datetime.time(10), end_time=datetime.time(12))
    second = BookingFactory(venue=venue, start_time=datetime.time(11), end_time=datetime.time(13))
    services.venue_booking_confirm(booking=first, by=advisor)

    with pytest.raises(services.BookingConflict, match="al geboekt"):
        services.venue_booking_confirm(booking=second, by=advisor)

    second.refresh_from_db()
    assert second.status == VenueBooking.Status.REQUESTED


def test_back_to_back_bookings_are_both_confirmed(advisor):
    venue = VenueFactory()
    first = BookingFactory(venue=venue, start_time=datetime.time(10), end_time=datetime.time(12))
    second = BookingFactory(venue=venue, start_time=datetime.time(12), end_time=datetime.time(14))
    services.venue_booking_confirm(booking=first, by=advisor)
    services.venue_booking_confirm(booking=second, by=advisor)
    assert VenueBooking.objects.filter(status="confirmed").count() == 2


def test_the_same_time_in_another_venue_is_fine(advisor):
    first = BookingFactory()
    second = BookingFactory(date=first.date)
    services.venue_booking_confirm(booking=first, by=advisor)
    services.venue_booking_confirm(booking=second, by=advisor)
    assert VenueBooking.objects.filter(status="confirmed").count() == 2


def test_the_database_refuses_a_booking_that_ends_before_it_starts():
    with pytest.raises(IntegrityError):
        BookingFactory(start_time=datetime.time(14), end_time=datetime.time(13))


def test_the_requester_hears_of_the_decision(advisor, mailoutbox, django_capture_on_commit_callbacks):
    booking = BookingFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.venue_booking_decline(booking=booking, reason="Er is onderhoud.", by=advisor)
    assert mailoutbox[0].to == ["anna@example.org"]
    assert "Er is onderhoud." in mailoutbox[0].body


def test_a_maker_cannot_confirm_a_booking():
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.venue_booking_confirm(booking=BookingFactory(), by=UserFactory(roles=["maker"]))
