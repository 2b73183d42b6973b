"""PostgreSQL only: the database keeps bookings apart under concurrency; Dutch full-text search."""

import datetime
import threading

import pytest
from django.db import IntegrityError, connection, connections, transaction
from django.urls import reverse

from makers import services
from makers.models import VenueBooking
from tests.factories import UserFactory
from tests.makers.factories import BookingFactory, CourseFactory, MakerFactory, VenueFactory

pytestmark = [
    pytest.mark.stack,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_confirmations_of_overlapping_bookings_one_wins():
    advisor = UserFactory(roles=["advisor"])
    venue = VenueFactory()
    first = BookingFactory(venue=venue, start_time=datetime.time(10), end_time=datetime.time(12))
    second = BookingFactory(venue=venue, start_time=datetime.time(11), end_time=datetime.time(13))
    barrier = threading.Barrier(2)
    outcomes = {}

    def confirm(booking):
        try:
            barrier.wait(timeout=10)
            services.venue_booking_confirm(booking=booking, by=advisor)
            outcomes[booking.pk] = "confirmed"
        except services.BookingConflict as error:
            outcomes[booking.pk] = str(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=confirm, args=(b,)) for b in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes.values(), key=len) == [
        "confirmed",
        "De locatie is op dat moment al geboekt. Kies een andere tijd.",
    ]
    assert VenueBooking.objects.filter(status=VenueBooking.Status.CONFIRMED).count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_exclusion_constraint_holds_even_without_the_service():
    venue = VenueFactory()
    BookingFactory(venue=venue, status=VenueBooking.Status.CONFIRMED)
    with pytest.raises(IntegrityError, match="makers_booking_no_overlap"), transaction.atomic():
        BookingFactory(
            venue=venue,
            status=VenueBooking.Status.CONFIRMED,
            start_time=datetime.time(11, 30),
            end_time=datetime.time(14),
        )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_service_turns_a_constraint_violation_into_a_clear_error(monkeypatch):
    """Even if the in-transaction check misses (it cannot on one venue row lock), the user gets Dutch."""
    advisor = UserFactory(roles=["advisor"])
    venue = VenueFactory()
    BookingFactory(venue=venue, status=VenueBooking.Status.CONFIRMED)
    second = BookingFactory(venue=venue, start_time=datetime.time(11), end_time=datetime.time(13))
    monkeypatch.setattr(services, "_overlapping", lambda booking: VenueBooking.objects.none())
    with pytest.raises(services.BookingConflict, match="al geboekt"):
        services.venue_booking_confirm(booking=second, by=advisor)


@pytest.mark.django_db
def test_dansen_finds_dans(client):
    MakerFactory(name="Studio Beweging", short_description="Lessen in dans voor kinderen")
    MakerFactory(name="Koor de Zaan", short_description="Zingen in de wijk")
    names = [m.name for m in client.get(reverse("makers:maker_list"), {"q": "dansen"}).context["page"]]
    assert names == ["Studio Beweging"]


@pytest.mark.django_db
def test_search_ranks_a_title_above_a_description(client):
    CourseFactory(title="Schilderen voor beginners", description="Ook tekenen komt aan bod.")
    CourseFactory(title="Tekenen", description="Van schets tot schilderij.")
    titles = [c.title for c in client.get(reverse("makers:course_list"), {"q": "tekenen"}).context["page"]]
    assert titles[0] == "Tekenen"


@pytest.mark.django_db
def test_search_combines_with_every_filter_and_the_facets(client):
    from tests.factories import DistrictFactory
    from tests.makers.factories import discipline

    west = DistrictFactory()
    MakerFactory(
        name="Dansgroep West",
        short_description="Wij dansen",
        disciplines=[discipline("dans")],
        districts=[west],
    )
    MakerFactory(name="Dans overal", short_description="Dans", whole_municipality=True)
    response = client.get(
        reverse("makers:maker_list"),
        {"q": "dansen", "district": west.slug, "discipline": "dans", "education": "false"},
    )
    assert response.status_code == 200
    assert [m.name for m in response.context["page"]] == ["Dansgroep West"]
    course = CourseFactory(title="Dansen voor kinderen")
    response = client.get(
        reverse("makers:course_list"), {"q": "dans", "district": course.venue.district.slug, "age": 9}
    )
    assert [c.title for c in response.context["page"]] == ["Dansen voor kinderen"]
