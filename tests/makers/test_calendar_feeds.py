"""iCal feeds behind secret tokens: venue, maker, advisor, school; rotation kills the old URL."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from makers import booking as booking_services
from makers import calendars
from makers.models import VenueBooking
from tests.factories import DistrictFactory, advisor_in
from tests.makers.factories import BookingFactory, OwnedMakerFactory, VenueFactory
from tests.schools.factories import SchoolFactory, icc_of

pytestmark = pytest.mark.django_db


def fetch(client, feed):
    response = client.get(reverse("makers:calendar_feed", kwargs={"token": feed.token}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def events(calendar):
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_a_venue_feed_lists_its_bookings_with_stable_uids_and_a_timezone(client):
    venue = VenueFactory(name="De Kolk")
    confirmed = BookingFactory(venue=venue, status="confirmed", purpose="Koor")
    cancelled = BookingFactory(
        venue=venue, status="cancelled", start_time=datetime.time(14), end_time=datetime.time(15)
    )
    BookingFactory()  # another venue
    feed = calendars.feed_for("venue", venue.pk)
    found = events(fetch(client, feed))
    assert set(found) == {
        f"booking-{b.token}@{calendars.feed_url(feed).split('/')[2]}" for b in (confirmed, cancelled)
    }
    event = next(e for e in found.values() if "Koor" in str(e["summary"]))
    assert event.decoded("dtstart") == datetime.datetime.combine(
        confirmed.date, confirmed.start_time, tzinfo=calendars.TZ
    )
    assert "De Kolk" in str(event["location"]) and str(event["status"]) == "CONFIRMED"
    assert "dtstamp" in event
    assert [str(e["status"]) for e in found.values() if e is not event] == ["CANCELLED"]
    assert fetch(client, feed).walk("VTIMEZONE")[0]["tzid"] == "Europe/Amsterdam"
    assert set(events(fetch(client, feed))) == set(found)  # the same UIDs on every fetch


def test_a_forged_token_and_a_rotated_one_are_404(client):
    maker = OwnedMakerFactory()
    feed = calendars.feed_for("maker", maker.pk)
    old = feed.token
    assert client.get(reverse("makers:calendar_feed", kwargs={"token": old[:-2] + "xx"})).status_code == 404
    client.force_login(maker.user)
    response = client.post(reverse("makers:feed_rotate"), {"token": old})
    assert response.status_code == 302
    assert client.get(reverse("makers:calendar_feed", kwargs={"token": old})).status_code == 404
    feed.refresh_from_db()
    assert feed.token != old
    fetch(client, feed)


def test_nobody_rotates_another_owners_feed(client):
    feed = calendars.feed_for("maker", OwnedMakerFactory().pk)
    client.force_login(OwnedMakerFactory().user)
    assert client.post(reverse("makers:feed_rotate"), {"token": feed.token}).status_code == 404


def test_a_maker_feed_has_their_venues_and_their_own_bookings(client):
    maker = OwnedMakerFactory()
    own_venue = BookingFactory(venue=VenueFactory(maker=maker), purpose="Bij mij")
    mine_elsewhere = BookingFactory(requested_by=maker.user, purpose="Ik boek")
    BookingFactory(purpose="Niet van mij")
    found = events(fetch(client, calendars.feed_for("maker", maker.pk)))
    assert sorted(str(e["summary"]).split(": ")[1] for e in found.values()) == ["Bij mij", "Ik boek"]
    assert {own_venue.token, mine_elsewhere.token} == {
        VenueBooking.objects.get(purpose=p).token for p in ("Bij mij", "Ik boek")
    }


def test_an_advisor_feed_has_their_districts_and_their_requests(client):
    district = DistrictFactory()
    advisor = advisor_in(district)
    BookingFactory(venue=VenueFactory(district=district), purpose="In mijn wijk")
    BookingFactory(requested_by=advisor, purpose="Door mij")
    BookingFactory(purpose="Elders")
    found = events(fetch(client, calendars.feed_for("advisor", advisor.pk)))
    assert sorted(str(e["summary"]).split(": ")[1] for e in found.values()) == ["Door mij", "In mijn wijk"]


def test_a_school_feed_has_the_bookings_its_icc_made(client):
    school = SchoolFactory()
    icc = icc_of(school)
    first = datetime.date.today() + datetime.timedelta(days=7)
    from makers.models import BookingSeries

    series = BookingSeries(
        venue=VenueFactory(),
        weekday=first.weekday(),
        start_time=datetime.time(9),
        end_time=datetime.time(10),
        first_date=first,
        count=2,
        purpose="Muziekles groep 5",
        contact_name="Ine",
        contact_email="ine@example.org",
    )
    booking_services.series_book(series=series, by=icc)
    BookingFactory(purpose="Niet van de school")
    found = events(fetch(client, calendars.feed_for("school", school.pk)))
    assert len(found) == 2 and all("groep 5" in str(e["summary"]) for e in found.values())
    client.force_login(icc)
    page = client.get(reverse("makers:my_feeds"))
    assert calendars.feed_url(calendars.feed_for("school", school.pk)) in page.content.decode()


def test_the_feeds_page_lists_the_users_feeds_with_instructions(client):
    maker = OwnedMakerFactory(name="Studio Klank")
    VenueFactory(maker=maker, name="Klankkamer")
    client.force_login(maker.user)
    page = client.get(reverse("makers:my_feeds")).content.decode()
    assert "Studio Klank" in page and "Klankkamer" in page and "Outlook" in page and "Google" in page


def test_a_maker_feed_also_has_their_activities_as_all_day_events(client):
    from tests.impact.factories import ActivityFactory

    maker = OwnedMakerFactory()
    start = datetime.date.today() + datetime.timedelta(days=10)
    activity = ActivityFactory(
        title="Zomerschool theater", starts_on=start, ends_on=start + datetime.timedelta(days=2)
    )
    activity.makers.add(maker)
    ActivityFactory(title="Van een ander", starts_on=start)
    found = events(fetch(client, calendars.feed_for("maker", maker.pk)))
    [event] = [e for e in found.values() if str(e["uid"]).startswith("activity-")]
    assert str(event["summary"]) == "Zomerschool theater"
    assert event.decoded("dtstart") == start and event.decoded("dtend") == start + datetime.timedelta(days=3)


@pytest.mark.parametrize("venues", [1, 6])
def test_the_feeds_page_costs_a_fixed_number_of_queries(client, venues, django_assert_max_num_queries):
    maker = OwnedMakerFactory()
    for _ in range(venues):
        VenueFactory(maker=maker)
    client.force_login(maker.user)
    client.get(reverse("makers:my_feeds"))  # the first visit makes the feeds
    with django_assert_max_num_queries(9):
        response = client.get(reverse("makers:my_feeds"))
    assert len(response.context["feeds"]) == venues + 1
