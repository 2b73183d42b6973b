"""A resident asks, the district's advisor answers on the board, the resident sees it on their status page."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from cultuur.roles import Role
from tests.factories import PASSWORD, DistrictFactory, PostcodeAreaFactory, advisor_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def noord(settings):
    settings.REQUESTS_FORM_MIN_SECONDS = 0  # a browser fills the form faster than a person
    # A transactional test flushes the data migrations' rows (the role groups) after each test.
    for role in Role:
        Group.objects.get_or_create(name=role.value)
    district = DistrictFactory(name="Zaandam-Noord")
    PostcodeAreaFactory(code="1503", district=district)
    return district


def test_a_resident_asks_and_the_district_advisor_answers(page, login, axe_violations, noord):
    advisor = advisor_in(noord, email="adviseur.noord@example.org")

    page.goto("/vraag/")
    assert axe_violations(page) == []
    page.get_by_label("Inwoner").check()
    page.get_by_label("Uw naam").fill("Fatima Benali")
    page.get_by_label("E-mailadres").fill("fatima@example.org")
    page.get_by_label("Postcode").fill("1503 AB")
    page.get_by_label("Uw vraag").fill("Mijn dochter wil graag leren tekenen. Is er iets in de buurt?")
    page.get_by_label(re.compile("Ik heb de privacyverklaring gelezen")).check()
    page.get_by_role("button", name="Verstuur mijn vraag").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Dank u wel voor uw vraag")
    reference = re.search(r"CV-\d{4}-\d{5}", page.content()).group(0)
    page.get_by_role("link", name="Naar mijn vraag").click()
    status_url = page.url
    assert "/vraag/status/" in status_url
    expect(page.locator(".status-now")).to_contain_text("Nieuw")

    login(advisor.email, PASSWORD)
    page.goto("/triage/")
    row = page.locator(f"#row-{reference}")
    expect(row).to_be_visible()
    assert axe_violations(page) == []
    row.get_by_label(f"Nieuwe status {reference}").select_option(label="In gesprek")
    row.get_by_label(f"Toelichting {reference}").fill("Ik bel u dinsdag om uw vraag te bespreken.")
    row.get_by_label("ook als bericht aan de vraagsteller").check()
    row.get_by_role("button", name=f"Wijzig status {reference}").click()
    # htmx swapped the row in place: no full reload, the new status is shown.
    expect(page.locator(f"#row-{reference} .badge").first).to_have_text("In gesprek")
    page.get_by_role("link", name=reference).click()
    expect(page.get_by_role("heading", name="Tijdlijn")).to_be_visible()
    assert axe_violations(page) == []

    page.goto(status_url)
    expect(page.locator(".status-now")).to_contain_text("In gesprek")
    expect(page.get_by_text("Ik bel u dinsdag om uw vraag te bespreken.")).to_be_visible()
    assert axe_violations(page) == []
    # She answers on the status page: a real browser's POST from a page without a referrer
    # (the token stays private) must still pass the CSRF origin check.
    page.get_by_label("Uw reactie").fill("Dinsdag na drie uur kan ik.")
    page.get_by_role("button", name="Verstuur reactie").click()
    expect(page.locator(".message-list")).to_contain_text("Dinsdag na drie uur kan ik.")


def test_the_match_page_and_the_funding_overview_are_accessible(page, login, axe_violations, noord):
    from tests.requests.factories import CultureRequestFactory, FundingApplicationFactory

    advisor = advisor_in(noord, email="adviseur.noord@example.org")
    request = CultureRequestFactory(district=noord)
    FundingApplicationFactory(request=request)
    login(advisor.email, PASSWORD)
    page.goto(f"/triage/{request.reference}/koppelen/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(request.reference)
    assert axe_violations(page) == []
    page.goto("/fondsen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Fondsaanvragen")
    assert axe_violations(page) == []


def test_after_a_server_side_error_the_focus_is_on_the_error_summary(page, noord):
    page.goto("/vraag/")
    page.get_by_label("E-mailadres").fill("fatima@example.org")
    page.get_by_role("button", name="Verstuur mijn vraag").click()
    expect(page.locator("#form-errors")).to_be_visible()
    assert page.evaluate("document.activeElement.id") == "form-errors"
    page.get_by_role("link", name="Uw naam").click()
    assert page.evaluate("document.activeElement.name") == "requester_name"
