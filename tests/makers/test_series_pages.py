"""The series form, its status page, cancelling, and the venue calendar (query counts pinned)."""

import datetime

import pytest
from django.urls import reverse

from makers.models import BookingSeries, VenueBooking
from tests.factories import UserFactory
from tests.makers.factories import BookingFactory, VenueFactory

pytestmark = pytest.mark.django_db

NEXT_MONDAY = datetime.date.today() + datetime.timedelta(days=7 - datetime.date.today().weekday())


def form_data(**overrides):
    return {
        "weekday": "0",
        "start_time": "19:00",
        "end_time": "21:00",
        "interval_weeks": "1",
        "first_date": NEXT_MONDAY.isoformat(),
        "count": "4",
        "purpose": "Repetitie harmonie",
        "contact_name": "Anna",
        "contact_email": "anna@example.org",
    } | overrides


def test_the_series_form_needs_a_login(client):
    venue = VenueFactory()
    response = client.get(reverse("makers:series_create", kwargs={"slug": venue.slug}))
    assert response.status_code == 302 and "login" in response.url


def test_a_clash_keeps_the_input_and_lists_the_dates_then_another_time_books(client):
    venue = VenueFactory()
    BookingFactory(
        venue=venue,
        date=NEXT_MONDAY + datetime.timedelta(weeks=2),
        start_time=datetime.time(20),
        end_time=datetime.time(21),
        status="confirmed",
    )
    client.force_login(UserFactory(roles=["maker"]))
    url = reverse("makers:series_create", kwargs={"slug": venue.slug})
    response = client.post(url, form_data())
    assert response.status_code == 400
    page = response.content.decode()
    assert "Repetitie harmonie" in page and "Er is niets geboekt" in page
    assert response.context["clashes"] == [NEXT_MONDAY + datetime.timedelta(weeks=2)]
    assert not BookingSeries.objects.exists()
    response = client.post(url, form_data(start_time="17:00", end_time="19:00"))
    series = BookingSeries.objects.get()
    assert response.url == reverse("makers:series_status", kwargs={"token": series.token})
    status = client.get(response.url)
    assert status.status_code == 200 and len(status.context["occurrences"]) == 4


def test_cancel_a_date_and_the_series_from_the_status_page(client):
    client.force_login(UserFactory(roles=["maker"]))
    venue = VenueFactory()
    client.post(reverse("makers:series_create", kwargs={"slug": venue.slug}), form_data())
    series = BookingSeries.objects.get()
    first = series.occurrences.order_by("date").first()
    client.logout()  # the secret link is enough
    response = client.post(reverse("makers:booking_cancel", kwargs={"token": first.token}))
    assert response.url == reverse("makers:series_status", kwargs={"token": series.token})
    client.post(reverse("makers:series_cancel", kwargs={"token": series.token}))
    assert set(series.occurrences.values_list("status", flat=True)) == {"cancelled"}


def test_a_taken_single_request_offers_the_waiting_list(client):
    taken = BookingFactory(status="confirmed")
    response = client.post(
        reverse("makers:booking_request", kwargs={"slug": taken.venue.slug}),
        {
            "date": taken.date.isoformat(),
            "start_time": "10:00",
            "end_time": "11:00",
            "purpose": "Les",
            "contact_name": "Bo",
            "contact_email": "bo@example.org",
        },
    )
    assert response.status_code == 400
    assert reverse("makers:waitlist_join", kwargs={"slug": taken.venue.slug}) in response.content.decode()


@pytest.mark.parametrize("page_size", [5, 25])
def test_the_venue_calendar_costs_a_fixed_number_of_queries(
    client, settings, page_size, django_assert_max_num_queries
):
    settings.MAKERS_CALENDAR_PAGE_SIZE = page_size
    venue = VenueFactory()
    for day in range(30):
        BookingFactory(venue=venue, date=datetime.date.today() + datetime.timedelta(days=day + 1))
    client.force_login(UserFactory(roles=["advisor"]))
    url = reverse("makers:venue_calendar", kwargs={"slug": venue.slug})
    with django_assert_max_num_queries(13):
        response = client.get(url)
    assert len(response.context["page"]) == page_size
    assert "Repetitie koor" in response.content.decode()  # staff see what for


def test_the_public_venue_calendar_shows_times_not_who(client):
    booking = BookingFactory(purpose="Geheim overleg")
    page = client.get(reverse("makers:venue_calendar", kwargs={"slug": booking.venue.slug})).content.decode()
    assert "10:00" in page and "Geheim overleg" not in page


@pytest.mark.parametrize("count", [2, 12])
def test_the_series_status_page_costs_a_fixed_number_of_queries(client, count, django_assert_max_num_queries):
    from makers import booking as booking_services

    series = BookingSeries(
        venue=VenueFactory(),
        weekday=0,
        start_time=datetime.time(9),
        end_time=datetime.time(10),
        first_date=NEXT_MONDAY,
        count=count,
        purpose="Les",
        contact_name="Anna",
        contact_email="anna@example.org",
    )
    booking_services.series_book(series=series, by=UserFactory(roles=["maker"]))
    with django_assert_max_num_queries(6):
        response = client.get(reverse("makers:series_status", kwargs={"token": series.token}))
    assert len(response.context["occurrences"]) == count
    assert VenueBooking.objects.count() == count


def test_staff_confirm_a_held_series_from_its_page_and_others_may_not(client):
    client.force_login(UserFactory(roles=["maker"]))
    client.post(reverse("makers:series_create", kwargs={"slug": VenueFactory().slug}), form_data())
    series = BookingSeries.objects.get()
    url = reverse("makers:series_confirm", kwargs={"token": series.token})
    assert client.post(url).status_code == 403
    client.force_login(UserFactory(roles=["advisor"]))
    status = client.get(reverse("makers:series_status", kwargs={"token": series.token}))
    assert status.context["can_confirm"]
    client.post(url)
    assert set(series.occurrences.values_list("status", flat=True)) == {"confirmed"}
    assert "Optie vervalt" not in client.get(reverse("makers:review_queue")).content.decode()


def test_the_review_queue_shows_a_holds_expiry_and_its_series(client):
    client.force_login(UserFactory(roles=["maker"]))
    client.post(reverse("makers:series_create", kwargs={"slug": VenueFactory().slug}), form_data())
    client.force_login(UserFactory(roles=["advisor"]))
    page = client.get(reverse("makers:review_queue")).content.decode()
    assert page.count("Optie vervalt") == 4 and "Deel van een reeks" in page
