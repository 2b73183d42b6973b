"""An anonymous visitor finds a maker in the public directory."""

import pytest

from makers.models import PublicationStatus
from tests.factories import DistrictFactory
from tests.makers.factories import MakerFactory, discipline

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_visitor_filters_makers_by_discipline_and_district_and_opens_one(page, axe_violations):
    oost = DistrictFactory(name="Zaandam-Oost", slug="zaandam-oost")
    west = DistrictFactory(name="Zaandam-West", slug="zaandam-west")
    dans, muziek = discipline("dans"), discipline("muziek")
    MakerFactory(
        name="Dansstudio De Vlinder",
        slug="dansstudio-de-vlinder",
        kind="organisation",
        short_description="Dansles voor kinderen in Zaandam-Oost.",
        disciplines=[dans],
        districts=[oost],
    )
    MakerFactory(name="Danser in West", disciplines=[dans], districts=[west])
    MakerFactory(name="Muzikant in Oost", disciplines=[muziek], districts=[oost])
    MakerFactory(name="Concept Danser", disciplines=[dans], districts=[oost], status=PublicationStatus.DRAFT)

    page.goto("/makers/")
    assert page.get_by_role("heading", level=1).inner_text() == "Cultuurmakers"
    assert axe_violations(page) == []

    page.get_by_label("Discipline").select_option("dans")
    page.get_by_label("Wijk").select_option("zaandam-oost")
    page.get_by_role("button", name="Toon resultaten").click()
    page.wait_for_load_state()

    assert "discipline=dans" in page.url and "district=zaandam-oost" in page.url
    results = page.locator(".cards h3").all_inner_texts()
    assert results == ["Dansstudio De Vlinder"]
    assert axe_violations(page) == []

    page.get_by_role("link", name="Dansstudio De Vlinder").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Dansstudio De Vlinder"
    assert page.locator('script[type="application/ld+json"]').count() == 1
    assert axe_violations(page) == []


def test_the_other_directory_pages_and_the_booking_form_are_accessible(page, axe_violations):
    from makers.models import CoCreation
    from tests.makers.factories import CoCreationFactory, CourseFactory

    course = CourseFactory(title="Hiphop dansen", discipline=discipline("dans"))
    CoCreationFactory(
        title="De Kunst van de Taal", status=CoCreation.Status.ACTIVE, makers=[course.maker, MakerFactory()]
    )
    for path in [
        "/cursussen/",
        course.get_absolute_url(),
        "/locaties/",
        "/co-creaties/",
        "/co-creaties/?q=onvindbaar",
    ]:
        page.goto(path)
        assert axe_violations(page) == [], path

    page.goto(course.venue.get_absolute_url())
    assert axe_violations(page) == []
    page.get_by_label("Datum").fill("2020-01-01")
    page.get_by_label("Begintijd").fill("21:00")
    page.get_by_label("Eindtijd").fill("19:00")
    page.get_by_label("Waarvoor").fill("Repetitie")
    page.get_by_label("Naam contactpersoon").fill("Anna")
    page.get_by_label("E-mailadres").fill("anna@example.org")
    page.get_by_role("button", name="Aanvraag versturen").click()
    page.wait_for_load_state()
    assert page.get_by_text("De eindtijd moet na de begintijd liggen.").is_visible()
    assert axe_violations(page) == []
