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
