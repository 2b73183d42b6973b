"""Recurring series (all or nothing), holds that expire, cancelling."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from makers import booking as booking_services
from makers import services
from makers.models import BookingSeries, VenueBooking
from makers.tasks import expire_holds
from tests.factories import UserFactory
from tests.makers.factories import BookingFactory, VenueFactory

pytestmark = pytest.mark.django_db

NEXT_MONDAY = datetime.date.today() + datetime.timedelta(days=7 - datetime.date.today().weekday())


def weekly(venue, **overrides):
    fields = {
        "venue": venue,
        "weekday": 0,
        "start_time": datetime.time(19),
        "end_time": datetime.time(21),
        "first_date": NEXT_MONDAY,
        "count": 6,
        "purpose": "Repetitie koor",
        "contact_name": "Anna",
        "contact_email": "anna@example.org",
    }
    return BookingSeries(**(fields | overrides))


@pytest.fixture
def maker():
    return UserFactory(roles=["maker"])


def test_a_series_books_every_date_as_holds(maker):
    venue = VenueFactory()
    series = booking_services.series_book(series=weekly(venue), by=maker)
    dates = list(series.occurrences.values_list("date", flat=True))
    assert dates == [NEXT_MONDAY + datetime.timedelta(weeks=n) for n in range(6)]
    assert set(series.occurrences.values_list("status", flat=True)) == {"requested"}
    assert all(b.hold_expires_at > timezone.now() for b in series.occurrences.all())


def test_every_other_week_until_a_last_date(maker):
    series = weekly(
        VenueFactory(), count=None, interval_weeks=2, last_date=NEXT_MONDAY + datetime.timedelta(weeks=5)
    )
    assert series.dates() == [NEXT_MONDAY + datetime.timedelta(weeks=n) for n in (0, 2, 4)]


def test_staff_book_a_series_confirmed():
    advisor = UserFactory(roles=["advisor"])
    series = booking_services.series_book(series=weekly(VenueFactory(), count=2), by=advisor)
    assert set(series.occurrences.values_list("status", flat=True)) == {"confirmed"}


def test_one_clash_books_nothing_and_every_clashing_date_is_named(maker):
    venue = VenueFactory()
    for week in (1, 4):
        BookingFactory(
            venue=venue,
            date=NEXT_MONDAY + datetime.timedelta(weeks=week),
            start_time=datetime.time(20),
            end_time=datetime.time(22),
            status=VenueBooking.Status.CONFIRMED,
        )
    with pytest.raises(booking_services.SeriesConflict) as caught:
        booking_services.series_book(series=weekly(venue), by=maker)
    assert caught.value.dates == [NEXT_MONDAY + datetime.timedelta(weeks=w) for w in (1, 4)]
    assert "Er is niets geboekt" in str(caught.value) and "2 datum(s)" in str(caught.value)
    assert not BookingSeries.objects.exists()
    assert VenueBooking.objects.count() == 2


def test_a_live_hold_clashes_but_an_expired_one_gives_way(maker):
    venue = VenueFactory()
    hold = services.venue_booking_request(
        booking=BookingFactory.build(
            venue=venue, date=NEXT_MONDAY, start_time=datetime.time(19), end_time=datetime.time(20)
        ),
        by=None,
    )
    with pytest.raises(booking_services.SeriesConflict):
        booking_services.series_book(series=weekly(venue), by=maker)
    VenueBooking.objects.filter(pk=hold.pk).update(
        hold_expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    series = booking_services.series_book(series=weekly(venue), by=maker)
    assert series.occurrences.count() == 6
    hold.refresh_from_db()
    assert hold.status == VenueBooking.Status.EXPIRED


def test_back_to_back_with_a_series_is_fine(maker):
    venue = VenueFactory()
    BookingFactory(
        venue=venue,
        date=NEXT_MONDAY,
        start_time=datetime.time(17),
        end_time=datetime.time(19),
        status="confirmed",
    )
    assert booking_services.series_book(series=weekly(venue), by=maker).occurrences.count() == 6


def test_a_series_needs_an_end_and_a_login():
    with pytest.raises(ValidationError):
        booking_services.series_book(
            series=weekly(VenueFactory(), count=None), by=UserFactory(roles=["maker"])
        )
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        booking_services.series_book(series=weekly(VenueFactory()), by=AnonymousUser())


def test_a_request_holds_the_slot_against_a_second_request():
    venue = VenueFactory()
    first = services.venue_booking_request(booking=BookingFactory.build(venue=venue), by=None)
    assert first.hold_expires_at > timezone.now() + datetime.timedelta(hours=47)
    with pytest.raises(services.BookingConflict, match="wachtlijst"):
        services.venue_booking_request(booking=BookingFactory.build(venue=venue), by=None)


def test_the_sweep_expires_lapsed_holds_once(django_capture_on_commit_callbacks):
    lapsed = BookingFactory(hold_expires_at=timezone.now() - datetime.timedelta(hours=1))
    live = BookingFactory(hold_expires_at=timezone.now() + datetime.timedelta(hours=1))
    confirmed = BookingFactory(
        status="confirmed", hold_expires_at=timezone.now() - datetime.timedelta(hours=1)
    )
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert expire_holds() == 1
    assert len(callbacks) == 1  # the freed slot goes to the waiting list
    assert expire_holds() == 0
    statuses = {b.pk: b.status for b in VenueBooking.objects.all()}
    assert statuses == {lapsed.pk: "expired", live.pk: "requested", confirmed.pk: "confirmed"}


def test_cancel_one_date_or_the_rest_of_the_series(maker):
    series = booking_services.series_book(series=weekly(VenueFactory(), count=4), by=maker)
    first = series.occurrences.order_by("date").first()
    booking_services.venue_booking_cancel(booking=first, by=maker)
    with pytest.raises(services.DirectoryError):
        booking_services.venue_booking_cancel(booking=first, by=maker)
    assert booking_services.series_cancel(series=series, by=maker) == 3
    assert set(series.occurrences.values_list("status", flat=True)) == {"cancelled"}


def test_staff_confirm_a_held_series_at_once(maker):
    series = booking_services.series_book(series=weekly(VenueFactory(), count=3), by=maker)
    with pytest.raises(PermissionDenied):
        booking_services.series_confirm(series=series, by=maker)
    assert booking_services.series_confirm(series=series, by=UserFactory(roles=["advisor"])) == 3
