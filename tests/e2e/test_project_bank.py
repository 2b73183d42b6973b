"""An advisor searches the project bank with a Dutch word form, opens a case, and sees the
"answered before" panel on a request's match page; axe-core finds nothing on the bank's pages."""

import pytest

from makers.models import Discipline
from tests.factories import PASSWORD, DistrictFactory, MunicipalityFactory, advisor_in
from tests.impact.factories import CaseFactory
from tests.requests.factories import CultureRequestFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_an_advisor_searches_the_bank_and_opens_a_case(page, login, axe_violations):
    zaanstad = MunicipalityFactory(name="Zaanstad", slug="zaanstad")
    poelenburg = DistrictFactory(name="Poelenburg", slug="poelenburg", municipality=zaanstad)
    dance = Discipline.objects.get(slug="dans")
    CaseFactory(
        title="Dansworkshops voor ouderen",
        slug="dansworkshops-voor-ouderen",
        question="Ouderen wilden samen dansen in het wijkcentrum.",
        approach="Acht lessen met een docent.",
        what_worked="Muziek uit hun jeugd.",
        district=poelenburg,
        disciplines=[dance],
    )
    CaseFactory(title="Fotografie met nieuwkomers", question="Een fotoproject.", approach="Zes wandelingen.")
    request = CultureRequestFactory(district=poelenburg, question="Wij willen graag dansles voor de ouderen.")
    request.disciplines.set([dance])
    advisor = advisor_in(poelenburg, email="adviseur@example.org")

    login(advisor.email, PASSWORD)
    page.goto("/dashboard/praktijkvoorbeelden/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Projectenbank")
    assert axe_violations(page) == []

    page.get_by_label("Zoeken", exact=True).fill("dans")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_load_state()
    assert "q=dans" in page.url
    results = page.locator(".directory-results")
    assert "Dansworkshops voor ouderen" in results.inner_text()
    assert "Fotografie met nieuwkomers" not in results.inner_text()
    assert axe_violations(page) == []

    page.get_by_role("link", name="Dansworkshops voor ouderen").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Dansworkshops voor ouderen"
    assert "Muziek uit hun jeugd." in page.content()
    assert axe_violations(page) == []

    page.goto(f"/triage/{request.reference}/koppelen/")
    panel = page.locator(".similar-cases")
    panel.wait_for()  # loaded by htmx from impact:cases_similar
    assert "Dansworkshops voor ouderen" in panel.inner_text()
    assert "zelfde discipline: Dans" in panel.inner_text()
    assert axe_violations(page) == []

    page.goto("/dashboard/praktijkvoorbeelden/nieuw/")
    assert page.get_by_role("heading", level=1).inner_text() == "Praktijkvoorbeeld schrijven"
    assert axe_violations(page) == []
