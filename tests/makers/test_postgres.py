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
def test_twenty_concurrent_requests_for_one_slot_book_it_exactly_once():
    """Twenty threads, each its own connection and transaction: one hold, nineteen Dutch refusals."""
    venue = VenueFactory()
    date = datetime.date.today() + datetime.timedelta(days=3)
    barrier = threading.Barrier(20)
    outcomes, lock = [], threading.Lock()

    def request_slot(number):
        try:
            booking = VenueBooking(
                venue=venue,
                date=date,
                start_time=datetime.time(10),
                end_time=datetime.time(12),
                purpose=f"Repetitie {number}",
                contact_name="Anna",
                contact_email=f"anna{number}@example.org",
            )
            barrier.wait(timeout=20)
            services.venue_booking_request(booking=booking, by=None)
            outcome = "booked"
        except services.BookingConflict as error:
            outcome = str(error)
        except Exception as error:  # an IntegrityError or anything else leaking is a failure
            outcome = f"leaked {type(error).__name__}: {error}"
        finally:
            connections.close_all()
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=request_slot, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert len(outcomes) == 20
    assert outcomes.count("booked") == 1
    refusals = [o for o in outcomes if o != "booked"]
    assert set(refusals) == {
        "De locatie is op dat moment al bezet. Kies een andere tijd of zet je op de wachtlijst."
    }
    assert VenueBooking.objects.filter(venue=venue, status__in=VenueBooking.OCCUPYING).count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_concurrent_requests_through_the_page_answer_one_redirect_and_nineteen_400s():
    """The same race through the booking form: no 500, every refusal the Dutch message and the
    waiting-list offer."""
    from django.test import Client

    venue = VenueFactory()
    date = (datetime.date.today() + datetime.timedelta(days=4)).isoformat()
    url = reverse("makers:booking_request", kwargs={"slug": venue.slug})
    barrier = threading.Barrier(20)
    answers, lock = [], threading.Lock()

    def post(number):
        try:
            client = Client()
            barrier.wait(timeout=20)
            response = client.post(
                url,
                {
                    "date": date,
                    "start_time": "10:00",
                    "end_time": "12:00",
                    "purpose": "Les",
                    "contact_name": "Anna",
                    "contact_email": f"anna{number}@example.org",
                },
            )
            answer = (response.status_code, "al bezet" in response.content.decode())
        finally:
            connections.close_all()
        with lock:
            answers.append(answer)

    threads = [threading.Thread(target=post, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(answers) == [(302, False)] + [(400, True)] * 19
    assert VenueBooking.objects.filter(venue=venue).count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_live_hold_is_in_the_constraint_and_an_expired_one_is_not():
    venue = VenueFactory()
    hold = BookingFactory(venue=venue)  # requested: a hold
    with pytest.raises(IntegrityError, match="makers_booking_no_overlap"), transaction.atomic():
        BookingFactory(venue=venue, status=VenueBooking.Status.CONFIRMED)
    VenueBooking.objects.filter(pk=hold.pk).update(status=VenueBooking.Status.EXPIRED)
    BookingFactory(venue=venue, status=VenueBooking.Status.CONFIRMED)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_series_that_races_a_booking_into_the_constraint_is_refused_in_dutch(monkeypatch):
    from makers import booking as booking_services
    from makers.models import BookingSeries

    venue = VenueFactory()
    first = datetime.date.today() + datetime.timedelta(days=7)
    BookingFactory(
        venue=venue, date=first + datetime.timedelta(weeks=1), status=VenueBooking.Status.CONFIRMED
    )
    monkeypatch.setattr(booking_services, "_clash_dates", lambda series, dates: [])
    series = BookingSeries(
        venue=venue,
        weekday=first.weekday(),
        start_time=datetime.time(10),
        end_time=datetime.time(12),
        first_date=first,
        count=3,
        purpose="Koor",
        contact_name="Anna",
        contact_email="anna@example.org",
    )
    with pytest.raises(services.BookingConflict, match="niets geboekt"):
        booking_services.series_book(series=series, by=UserFactory(roles=["maker"]))
    assert not BookingSeries.objects.exists()
    assert VenueBooking.objects.count() == 1


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
    venue = VenueFactory()
    taken = BookingFactory(venue=venue, status=VenueBooking.Status.CONFIRMED)
    monkeypatch.setattr(services, "_overlapping", lambda booking: VenueBooking.objects.none())
    second = VenueBooking(
        venue=venue,
        date=taken.date,
        start_time=datetime.time(11),
        end_time=datetime.time(13),
        purpose="Les",
        contact_name="Bo",
        contact_email="bo@example.org",
    )
    with pytest.raises(services.BookingConflict, match="al bezet"):
        services.venue_booking_request(booking=second, by=None)
    assert second.pk is None


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
