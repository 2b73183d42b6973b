"""A manager reads the strategy cards and the risk heat map; a partner reports progress through the
signed link, first with a mistake; axe-core finds no WCAG 2.1 AA violations on any of the pages."""

import datetime

import pytest
from django.urls import reverse

from impact import strategy
from impact.models import AgreementProgress
from impact.periods import Period
from tests.factories import PASSWORD, UserFactory
from tests.impact.factories import GoalFactory
from tests.impact.factories_strategy import (
    AgreementFactory,
    PartnerFactory,
    RiskFactory,
    StrategyCardFactory,
    ThemeBudgetFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_strategy_page_the_partners_progress_form_and_the_heat_map(page, login, axe_violations):
    wijck = PartnerFactory(name="Wijck", contact_person="Programmaregisseur")
    card = StrategyCardFactory(number=3, title="Cultuur om de hoek", theme="Wijkgericht werken")
    agreement = AgreementFactory(card=card, partner=wijck, title="Inzet van cultureel werkers")
    AgreementFactory(card=card, partner=wijck, title="Opstellen Cultuurprofiel")
    ThemeBudgetFactory(card=card, year=2026, amount_cents=60_000_00)
    goal = GoalFactory(title="Vier nieuwe co-creaties")
    for likelihood, impact in ((4, 4), (4, 4), (2, 3), (1, 1)):
        RiskFactory(goal=goal, likelihood=likelihood, impact=impact)
    RiskFactory(
        goal=goal, likelihood=3, impact=2, review_on=datetime.date.today() - datetime.timedelta(days=3)
    )
    manager = UserFactory(roles=["manager"], email="manager@example.org")

    login(manager.email, PASSWORD)
    page.goto(reverse("impact:strategy"))
    assert page.get_by_role("heading", level=1).inner_text() == "Uitvoeringsagenda: strategiekaarten"
    table = page.get_by_role("table", name="Afspraken van Cultuur om de hoek")
    assert "Inzet van cultureel werkers" in table.inner_text() and "Wijck" in table.inner_text()
    assert "€\xa060.000,00" in page.get_by_role("table", name="Budget van Cultuur om de hoek").inner_text()
    assert axe_violations(page) == []

    page.goto(reverse("impact:dashboard"))
    heat = page.get_by_role(
        "table", name="Heatmap: aantal open risico's per kans (rijen) en impact (kolommen)"
    )
    row_4 = heat.get_by_role("row").filter(has=page.get_by_role("rowheader", name="4", exact=True))
    assert row_4.get_by_role("cell").nth(3).inner_text() == "2"  # likelihood 4 x impact 4
    data = page.get_by_role("table", name="Open risico's per score")
    assert data.get_by_role("row").nth(1).inner_text().split() == ["4", "4", "16", "hoog", "2"]
    assert axe_violations(page) == []

    page.goto(reverse("impact:risks"))
    assert page.get_by_role("link", name="1 risico te beoordelen").is_visible()
    assert axe_violations(page) == []
    page.get_by_role("link", name="1 risico te beoordelen").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Beoordelen").first.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Risico beoordelen"
    assert axe_violations(page) == []
    page.goto(reverse("impact:agreement_edit", args=[agreement.pk]))
    assert page.get_by_role("group", name="Besteding boeken").is_visible()
    assert axe_violations(page) == []

    invitation = strategy.invitation_ensure(partner=wijck, period=Period.half(2026, 2))
    context = page.context.browser.new_context(base_url=page.url.split("/dashboard")[0], locale="nl-NL")
    partner_page = context.new_page()
    partner_page.goto(reverse("impact:partner_progress", args=[strategy.link_token(invitation)]))
    assert (
        "Wijck"
        in partner_page.get_by_role("heading", level=1).locator("xpath=following-sibling::p[1]").inner_text()
    )
    assert axe_violations(partner_page) == []
    first = partner_page.get_by_role("group", name="3. Inzet van cultureel werkers")
    first.get_by_label("Status").select_option(label="loopt")
    first.get_by_label("Hoe staat het ervoor?").fill("In vier wijken gestart.")
    first.get_by_label("Kengetal (optioneel)").fill("veel")
    partner_page.get_by_role("button", name="Voortgang versturen").click()
    partner_page.wait_for_load_state()
    assert "Vul een getal in, bijvoorbeeld 12 of 3,5." in first.inner_text()
    assert first.get_by_label("Hoe staat het ervoor?").input_value() == "In vier wijken gestart."
    assert axe_violations(partner_page) == []
    first.get_by_label("Kengetal (optioneel)").fill("4")
    partner_page.get_by_role("button", name="Voortgang versturen").click()
    partner_page.wait_for_load_state()
    assert "De voortgang is opgeslagen" in partner_page.locator(".messages").inner_text()
    progress = AgreementProgress.objects.get(agreement=agreement)
    assert (progress.period_key, progress.text, progress.figure) == ("2026-H2", "In vier wijken gestart.", 4)
    context.close()
