"""A maker books a weekly series: a clash books nothing and names the date, another time books it."""

import datetime

import pytest

from makers.models import BookingSeries, VenueBooking
from tests.factories import PASSWORD, UserFactory
from tests.makers.factories import BookingFactory, MakerFactory, VenueFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_maker_books_a_series_after_seeing_its_clash(page, login, axe_violations):
    today = datetime.date.today()
    monday = today + datetime.timedelta(days=7 - today.weekday())
    venue = VenueFactory(name="De Kolk", slug="de-kolk")
    BookingFactory(
        venue=venue,
        date=monday + datetime.timedelta(weeks=1),
        start_time=datetime.time(19, 30),
        end_time=datetime.time(20, 30),
        status=VenueBooking.Status.CONFIRMED,
    )
    maker = UserFactory(roles=["maker"], email="mo@example.org", first_name="Mo", last_name="Maker")
    MakerFactory(user=maker, name="Mo Maker Theater")
    login(maker.email, PASSWORD)

    page.goto("/locaties/de-kolk/")
    page.get_by_role("link", name="Boek een vaste reeks").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Een vaste reeks boeken in De Kolk"
    assert axe_violations(page) == []

    page.get_by_label("Dag van de week").select_option("0")
    page.get_by_label("Begintijd").fill("19:00")
    page.get_by_label("Eindtijd").fill("21:00")
    page.get_by_label("Vanaf").fill(monday.isoformat())
    page.get_by_label("Aantal keer").fill("4")
    page.get_by_label("Waarvoor").fill("Repetitie harmonie")
    page.get_by_role("button", name="Reeks boeken").click()
    page.wait_for_load_state()

    assert page.get_by_role("heading", name="Op 1 datum is de locatie al bezet").is_visible()
    clash = monday + datetime.timedelta(weeks=1)
    assert page.locator(".clashes li").all_inner_texts() == [
        f"maandag {clash.day} {_month(clash)} {clash.year}"
    ]
    assert page.get_by_label("Waarvoor").input_value() == "Repetitie harmonie"  # input kept
    assert not BookingSeries.objects.exists()
    assert axe_violations(page) == []

    page.get_by_label("Begintijd").fill("17:00")
    page.get_by_label("Eindtijd").fill("19:00")
    page.get_by_role("button", name="Reeks boeken").click()
    page.wait_for_load_state()

    assert page.get_by_role("heading", level=1).inner_text() == "Je reeks"
    assert page.get_by_text("De reeks is geboekt.").is_visible()
    assert page.locator("tbody tr").count() == 4
    assert BookingSeries.objects.get().occurrences.count() == 4
    assert axe_violations(page) == []

    page.goto("/locaties/de-kolk/agenda/")
    assert page.locator("tbody tr").count() == 5
    assert axe_violations(page) == []
    page.goto("/agenda/")
    assert page.get_by_role("heading", name="Boekingen van Mo Maker Theater").is_visible()
    assert page.get_by_role("button", name="Kopieer adres").is_visible()
    assert "/agenda/" in page.get_by_label("Agenda-adres").input_value()
    assert axe_violations(page) == []


def _month(day: datetime.date) -> str:
    names = "januari februari maart april mei juni juli augustus september oktober november december"
    return names.split()[day.month - 1]


def test_a_visitor_joins_the_waiting_list_and_claims_the_freed_slot(page, axe_violations):
    from makers import booking as booking_services
    from makers import waitlist
    from makers.models import WaitingListEntry

    venue = VenueFactory(name="De Kolk", slug="de-kolk")
    taken = BookingFactory(venue=venue, status=VenueBooking.Status.CONFIRMED)
    page.goto("/locaties/de-kolk/agenda/")
    assert axe_violations(page) == []
    page.get_by_role("link", name=f"Wachtlijst {taken.date.day}").click()
    page.wait_for_load_state()
    assert page.get_by_label("Begintijd").input_value() == "10:00"
    page.get_by_label("Waarvoor").fill("Toneelrepetitie")
    page.get_by_label("Naam").fill("Bo")
    page.get_by_label("E-mailadres").fill("bo@example.org")
    page.get_by_role("button", name="Op de wachtlijst").click()
    page.wait_for_load_state()
    assert page.get_by_text("Je staat op de wachtlijst.").is_visible()
    assert axe_violations(page) == []

    booking_services.venue_booking_cancel(booking=taken)
    entry = WaitingListEntry.objects.get()
    waitlist.waitlist_offer_next(
        venue_id=venue.pk, date=taken.date, start_time=taken.start_time, end_time=taken.end_time
    )
    entry.refresh_from_db()
    page.goto(f"/wachtlijst/{waitlist.claim_link_value(entry)}/")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Ja, ik boek dit tijdstip").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Je aanvraag"
    assert VenueBooking.objects.get(contact_email="bo@example.org").status == "requested"
    assert axe_violations(page) == []
