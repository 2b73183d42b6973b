import datetime

import pytest
from django.urls import reverse

from makers.models import VenueBooking
from tests.factories import PASSWORD, UserFactory
from tests.makers.factories import BookingFactory, VenueFactory

pytestmark = pytest.mark.django_db

NEXT_WEEK = datetime.date.today() + datetime.timedelta(days=7)


def _request(**extra):
    data = {
        "date": NEXT_WEEK.isoformat(),
        "start_time": "19:00",
        "end_time": "21:00",
        "purpose": "Repetitie van ons buurtkoor",
        "contact_name": "Fatma Yilmaz",
        "contact_email": "fatma@example.org",
    }
    data.update(extra)
    return data


def test_anyone_can_ask_to_book_a_published_venue(client):
    venue = VenueFactory()
    response = client.post(reverse("makers:booking_request", args=[venue.slug]), _request())
    booking = VenueBooking.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("makers:booking_status", args=[booking.token])
    assert booking.status == VenueBooking.Status.REQUESTED
    assert "Aangevraagd" in client.get(response["Location"]).content.decode()


def test_a_booking_whose_end_is_before_its_start_is_refused_clearly(client):
    venue = VenueFactory()
    response = client.post(
        reverse("makers:booking_request", args=[venue.slug]), _request(start_time="21:00", end_time="19:00")
    )
    assert response.status_code == 400
    assert "De eindtijd moet na de begintijd liggen." in response.content.decode()
    assert 'value="Repetitie van ons buurtkoor"' in response.content.decode()
    assert not VenueBooking.objects.exists()


@pytest.mark.parametrize(
    "bad",
    [
        {"date": "2020-01-01"},
        {"date": "niet-een-datum"},
        {"start_time": "25:99"},
        {"contact_email": "geen-adres"},
        {"purpose": ""},
    ],
)
def test_other_bad_booking_input_is_refused_without_a_crash(client, bad):
    venue = VenueFactory()
    response = client.post(reverse("makers:booking_request", args=[venue.slug]), _request(**bad))
    assert response.status_code == 400
    assert not VenueBooking.objects.exists()


def test_an_unpublished_venue_cannot_be_booked(client):
    venue = VenueFactory(is_published=False)
    assert client.post(reverse("makers:booking_request", args=[venue.slug]), _request()).status_code == 404


def test_the_availability_shows_when_a_venue_is_taken_but_not_by_whom(client):
    venue = VenueFactory()
    BookingFactory(
        venue=venue, date=NEXT_WEEK, status=VenueBooking.Status.CONFIRMED, contact_name="Geheime Gast"
    )
    BookingFactory(venue=venue, date=NEXT_WEEK, start_time=datetime.time(14), end_time=datetime.time(15))
    BookingFactory(
        venue=venue,
        date=NEXT_WEEK,
        start_time=datetime.time(16),
        end_time=datetime.time(17),
        status="expired",
    )
    content = client.get(venue.get_absolute_url()).content.decode()
    assert "10:00–12:00" in content
    assert "14:00–15:00 (optie)" in content  # a live hold blocks the venue too
    assert "16:00–17:00" not in content  # an expired one does not
    assert "Geheime Gast" not in content


def test_a_bad_start_date_for_the_availability_is_ignored(client):
    venue = VenueFactory()
    assert client.get(venue.get_absolute_url(), {"vanaf": "gisteren"}).status_code == 200


def test_a_second_overlapping_request_gets_a_clear_message_and_staff_confirm_the_first(client):
    """The first request holds the slot, so the second is refused when asked, not when confirmed."""
    venue = VenueFactory()
    url = reverse("makers:booking_request", args=[venue.slug])
    client.post(url, _request(start_time="10:00", end_time="12:00"))
    response = client.post(url, _request(start_time="11:00", end_time="13:00"))
    assert response.status_code == 400 and "al bezet" in response.content.decode()
    [first] = VenueBooking.objects.all()
    advisor = UserFactory(roles=["advisor"])
    client.login(email=advisor.email, password=PASSWORD)
    client.post(reverse("makers:booking_confirm", args=[first.token]))
    assert list(VenueBooking.objects.filter(status="confirmed")) == [first]


def test_a_maker_cannot_confirm_a_booking_through_the_page(client):
    booking = BookingFactory()
    maker = UserFactory(roles=["maker"])
    client.login(email=maker.email, password=PASSWORD)
    assert client.post(reverse("makers:booking_confirm", args=[booking.token])).status_code == 403
