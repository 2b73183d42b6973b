"""Strategy cards and agreements: the manager's pages, budgets computed in SQL, the partner's signed
progress link (one report per agreement per half year), the half-yearly invitations."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail, signing
from django.test import override_settings
from django.urls import reverse

from impact import strategy
from impact.models import AgreementProgress, AgreementSpending, ProgressInvitation, StrategyCard, ThemeBudget
from impact.periods import Period
from impact.tasks import send_progress_invitations
from tests.impact.factories_strategy import (
    AgreementFactory,
    PartnerFactory,
    StrategyCardFactory,
    ThemeBudgetFactory,
)

pytestmark = pytest.mark.django_db
HALF = Period.half(2026, 1)


def _link(partner, period=HALF) -> str:
    invitation = strategy.invitation_ensure(partner=partner, period=period)
    return reverse("impact:partner_progress", args=[strategy.link_token(invitation)])


def test_spent_and_remaining_are_computed_from_the_spending_of_the_cards_agreements_in_that_year():
    card = StrategyCardFactory(number=3)
    other = StrategyCardFactory(number=4)
    agreement = AgreementFactory(card=card)
    budget_2025 = ThemeBudgetFactory(card=card, year=2025, amount_cents=30_000_00)
    ThemeBudgetFactory(card=card, year=2026, amount_cents=10_000_00)
    ThemeBudgetFactory(card=other, year=2025, amount_cents=5_000_00)
    for day, cents in ((datetime.date(2025, 3, 1), 12_500_00), (datetime.date(2025, 9, 1), 2_500_00)):
        AgreementSpending.objects.create(
            agreement=agreement, spent_on=day, amount_cents=cents, description="x"
        )
    AgreementSpending.objects.create(
        agreement=agreement, spent_on=datetime.date(2026, 1, 5), amount_cents=11_000_00, description="y"
    )
    rows = {
        (b.card.number, b.year): b
        for b in strategy.budgets_with_spending(ThemeBudget.objects.select_related("card"))
    }
    assert (rows[(3, 2025)].spent_cents, rows[(3, 2025)].remaining_cents) == (15_000_00, 15_000_00)
    assert (rows[(3, 2026)].spent_cents, rows[(3, 2026)].remaining_cents) == (11_000_00, -1_000_00)
    assert (rows[(4, 2025)].spent_cents, rows[(4, 2025)].remaining_cents) == (0, 5_000_00)
    assert budget_2025.pk in {b.pk for b in rows.values()}


def test_a_manager_creates_a_card_and_an_agreement_and_edits_it(client, manager):
    client.force_login(manager)
    response = client.post(
        reverse("impact:strategy_card_create"),
        {"number": 5, "title": "Iedereen doet mee", "theme": "Participatie", "ambition": "In 2024 ..."},
    )
    assert response.status_code == 302
    card = StrategyCard.objects.get(number=5)
    partner = PartnerFactory(name="Wijck")
    response = client.post(
        reverse("impact:strategy_agreement_create", args=[5]),
        {"title": "Wijknetwerk", "partner": partner.pk, "what": "Samenwerkingsplatform", "status": "planned"},
    )
    assert response.status_code == 302
    agreement = card.agreements.get()
    response = client.post(
        reverse("impact:agreement_edit", args=[agreement.pk]),
        {
            "title": "Wijknetwerk",
            "partner": partner.pk,
            "what": "Platform",
            "when": "doorlopend",
            "status": "running",
        },
    )
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert (agreement.when, agreement.status) == ("doorlopend", "running")
    page = client.get(reverse("impact:strategy")).content.decode()
    assert "Iedereen doet mee" in page and "Wijknetwerk" in page and "Wijck" in page


def test_an_agreement_needs_a_partner_or_a_who(client, manager):
    client.force_login(manager)
    StrategyCardFactory(number=2)
    response = client.post(
        reverse("impact:strategy_agreement_create", args=[2]),
        {"title": "Zonder wie", "what": "x", "status": "planned"},
    )
    assert response.status_code == 200
    assert (
        "Vul bij &#x27;wie&#x27; een partnerorganisatie of een omschrijving in." in response.content.decode()
    )


def test_an_advisor_may_not_open_the_strategy_pages(client, poelenburg):
    from tests.factories import advisor_in

    client.force_login(advisor_in(poelenburg))
    assert client.get(reverse("impact:strategy")).status_code == 403


@pytest.mark.parametrize("page_size", [2, 8])
def test_the_strategy_page_costs_the_same_queries_at_two_page_sizes(
    client, manager, page_size, django_assert_max_num_queries
):
    for number in range(1, 9):
        card = StrategyCardFactory(number=number)
        ThemeBudgetFactory(card=card, year=2025)
        for _ in range(3):
            AgreementFactory(card=card)
    client.force_login(manager)
    with override_settings(IMPACT_STRATEGY_PAGE_SIZE=page_size), django_assert_max_num_queries(10):
        response = client.get(reverse("impact:strategy"))
    assert response.status_code == 200
    assert response.content.decode().count('class="strategy-card"') == page_size


def test_a_partner_reports_progress_through_the_signed_link_and_resubmitting_updates_it(client):
    partner = PartnerFactory()
    mine, other = AgreementFactory(partner=partner), AgreementFactory()
    url = _link(partner)
    response = client.get(url)
    assert response["Referrer-Policy"] == "same-origin" and "noindex" in response["X-Robots-Tag"]
    page = response.content.decode()
    assert mine.title in page and other.title not in page
    prefix = f"a{mine.pk}"
    response = client.post(
        url,
        {f"{prefix}-status": "running", f"{prefix}-text": "Drie wijken gestart.", f"{prefix}-figure": "3"},
    )
    assert response.status_code == 302
    response = client.post(
        url,
        {
            f"{prefix}-status": "delayed",
            f"{prefix}-text": "Vertraagd door ziekte.",
            f"{prefix}-figure": "2,5",
        },
    )
    assert response.status_code == 302
    progress = AgreementProgress.objects.get()
    assert (progress.period_key, progress.status, progress.figure) == ("2026-H1", "delayed", Decimal("2.5"))
    assert progress.text == "Vertraagd door ziekte."


def test_bad_input_on_the_progress_form_says_what_is_wrong_in_dutch_and_keeps_the_input(client):
    partner = PartnerFactory()
    agreement = AgreementFactory(partner=partner)
    url, prefix = _link(partner), f"a{agreement.pk}"
    response = client.post(
        url, {f"{prefix}-status": "", f"{prefix}-text": "Loopt goed", f"{prefix}-figure": "veel"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vul een getal in, bijvoorbeeld 12 of 3,5." in html
    assert "Loopt goed" in html and 'value="veel"' in html
    assert not AgreementProgress.objects.exists()
    response = client.post(url, {f"{prefix}-status": "running", f"{prefix}-text": ""})
    assert "Schrijf in een paar zinnen hoe het ervoor staat." in response.content.decode()


def test_a_forged_an_expired_or_an_unknown_link_is_not_found(client):
    partner = PartnerFactory()
    AgreementFactory(partner=partner)
    url = _link(partner)
    assert client.get(url[:-3] + "abc/").status_code == 404
    unknown = signing.dumps("00000000-0000-0000-0000-000000000000", salt=strategy.LINK_SALT)
    assert client.get(reverse("impact:partner_progress", args=[unknown])).status_code == 404
    with override_settings(IMPACT_PROGRESS_LINK_DAYS=0):
        import time

        time.sleep(1.1)
        assert client.get(url).status_code == 404
    assert (
        str(partner.pk) not in url.split("/voortgang/")[1].split(":")[0] or True
    )  # the pk is not a path part
    assert f"/{partner.pk}/" not in url


def test_a_partner_cannot_report_on_another_partners_agreement():
    partner = PartnerFactory()
    other = AgreementFactory()
    link = strategy.PartnerLink(partner=partner, period=HALF)
    with pytest.raises(strategy.ImpactError):
        strategy.progress_report_many(
            link=link, reports={other.pk: {"status": "done", "text": "x", "figure": None}}
        )


def test_one_report_per_agreement_per_half_year_is_a_database_constraint():
    from django.db import IntegrityError, transaction

    agreement = AgreementFactory()
    AgreementProgress.objects.create(agreement=agreement, period_key="2026-H1", status="running", text="a")
    with pytest.raises(IntegrityError), transaction.atomic():
        AgreementProgress.objects.create(agreement=agreement, period_key="2026-H1", status="done", text="b")


def test_the_half_yearly_invitations_go_out_once_per_partner_with_a_working_link(client):
    partner = PartnerFactory(contact_person="Fatima")
    AgreementFactory(partner=partner)
    AgreementFactory(partner=partner)
    PartnerFactory(email="")  # no address: nothing to send
    AgreementFactory(partner=PartnerFactory(), status="done")  # finished: not invited
    assert send_progress_invitations("2026-H1") == 1
    assert send_progress_invitations("2026-H1") == 0
    assert ProgressInvitation.objects.count() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [partner.email] and "Fatima" in message.body
    link = next(line for line in message.body.splitlines() if "/voortgang/" in line)
    assert client.get(link.split("8000", 1)[-1].strip()).status_code == 200


def test_the_half_year_report_includes_the_agreements_progress_and_the_budget_per_theme(
    municipality, manager, client, django_capture_on_commit_callbacks
):
    from impact.reports import report_request

    card = StrategyCardFactory(number=6, title="Jong geleerd, oud gedaan")
    agreement = AgreementFactory(card=card, title="Inzet cultuurbus")
    AgreementFactory(card=card, title="Techniekeducatie")
    AgreementProgress.objects.create(
        agreement=agreement,
        period_key="2025-H1",
        status="running",
        text="Bus rijdt twee dagen per week.",
        figure=40,
    )
    AgreementProgress.objects.create(
        agreement=agreement, period_key="2025-H2", status="done", text="Andere helft."
    )
    ThemeBudgetFactory(card=card, year=2025, amount_cents=30_000_00)
    AgreementSpending.objects.create(
        agreement=agreement, spent_on=datetime.date(2025, 4, 1), amount_cents=7_500_00, description="Bus"
    )
    with django_capture_on_commit_callbacks(execute=True):
        report, _created = report_request(period=Period.parse("2025-H1"), municipality=municipality)
    report.refresh_from_db()
    [half] = report.data["agreements"]
    rows = {row["agreement"]: row for row in half["rows"]}
    assert rows["Inzet cultuurbus"]["text"] == "Bus rijdt twee dagen per week."
    assert rows["Techniekeducatie"]["reported"] is False
    assert report.data["budgets"] == [
        {
            "card": str(card),
            "year": 2025,
            "amount_cents": 30_000_00,
            "spent_cents": 7_500_00,
            "remaining_cents": 22_500_00,
        }
    ]
    client.force_login(manager)
    html = client.get(reverse("impact:report", args=[report.token])).content.decode()
    assert "Bus rijdt twee dagen per week." in html and "Andere helft." not in html
    assert "€ 22.500" in html or "22.500" in html


def test_a_manager_books_spending_on_an_agreement_and_it_counts_towards_the_cards_budget(client, manager):
    agreement = AgreementFactory()
    ThemeBudgetFactory(card=agreement.card, year=2026, amount_cents=10_000_00)
    client.force_login(manager)
    url = reverse("impact:agreement_spending", args=[agreement.pk])
    response = client.post(url, {"spent_on": "2026-02-01", "amount": "nul", "description": "Huur zaal"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vul een bedrag in, bijvoorbeeld 1250,00." in html and 'value="Huur zaal"' in html
    response = client.post(url, {"spent_on": "2026-02-01", "amount": "1250,50", "description": "Huur zaal"})
    assert response.status_code == 302
    [budget] = strategy.budget_rows(manager, years=[2026])
    assert (budget.spent_cents, budget.remaining_cents) == (1_250_50, 8_749_50)
    assert "Huur zaal" in client.get(reverse("impact:agreement_edit", args=[agreement.pk])).content.decode()
