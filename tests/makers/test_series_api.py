"""The booking-series API: book all or nothing, clashes listed, scoped reads, cancel."""

import datetime

import pytest
from rest_framework.test import APIClient

from makers.models import BookingSeries
from tests.factories import UserFactory
from tests.makers.factories import BookingFactory, OwnedMakerFactory, VenueFactory

pytestmark = pytest.mark.django_db

NEXT_MONDAY = datetime.date.today() + datetime.timedelta(days=7 - datetime.date.today().weekday())
URL = "/api/booking-series/"


def payload(venue, **overrides):
    return {
        "venue": venue.slug,
        "weekday": 0,
        "start_time": "19:00",
        "end_time": "21:00",
        "first_date": NEXT_MONDAY.isoformat(),
        "count": 3,
        "purpose": "Koor",
        "contact_name": "Anna",
        "contact_email": "anna@example.org",
    } | overrides


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_book_a_series_and_read_it_back():
    user = UserFactory(roles=["maker"])
    venue = VenueFactory()
    response = client_for(user).post(URL, payload(venue), format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["occurrence_count"] == 3 and len(response.json()["dates"]) == 3
    token = response.json()["token"]
    assert client_for(user).get(f"{URL}{token}/").status_code == 200
    assert client_for(UserFactory(roles=["maker"])).get(f"{URL}{token}/").status_code == 404
    assert client_for(UserFactory(roles=["manager"])).get(f"{URL}{token}/").status_code == 200


def test_a_clash_is_a_400_listing_the_dates():
    venue = VenueFactory()
    BookingFactory(
        venue=venue,
        date=NEXT_MONDAY,
        start_time=datetime.time(20),
        end_time=datetime.time(22),
        status="confirmed",
    )
    response = client_for(UserFactory(roles=["maker"])).post(URL, payload(venue), format="json")
    assert response.status_code == 400
    assert response.json()["clashes"] == [NEXT_MONDAY.isoformat()]
    assert not BookingSeries.objects.exists()


def test_only_the_booker_or_staff_cancel():
    user = UserFactory(roles=["maker"])
    venue = VenueFactory(maker=OwnedMakerFactory())
    token = client_for(user).post(URL, payload(venue), format="json").json()["token"]
    assert client_for(venue.maker.user).post(f"{URL}{token}/cancel/").status_code == 403
    response = client_for(user).post(f"{URL}{token}/cancel/")
    assert response.status_code == 200 and response.json()["live_count"] == 0


@pytest.mark.parametrize("series_count", [2, 8])
def test_the_list_costs_a_fixed_number_of_queries(series_count, django_assert_max_num_queries):
    user = UserFactory(roles=["maker"])
    client = client_for(user)
    for week in range(series_count):
        client.post(
            URL,
            payload(VenueFactory(), first_date=(NEXT_MONDAY + datetime.timedelta(weeks=week)).isoformat()),
            format="json",
        )
    with django_assert_max_num_queries(5):
        response = client.get(URL)
    assert response.json()["count"] == series_count
