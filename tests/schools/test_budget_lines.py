from decimal import Decimal

import pytest
from django.urls import reverse

from schools.models import BudgetLine
from tests.schools.factories import BudgetLineFactory, SchoolFactory

pytestmark = pytest.mark.django_db

VALID = {
    "description": "Teamtraining",
    "planned_date": "2025-10-01",
    "hours": "10",
    "hourly_rate_cents": "62,50",
}


def _budget_url(school, year):
    return reverse("schools:budget", kwargs={"pk": school.pk, "year": year})


def test_the_icc_adds_a_line_and_the_page_shows_overspending_and_co_funding(client, icc, school, year):
    client.force_login(icc)
    response = client.post(_budget_url(school, year), VALID)
    assert response.status_code == 302
    line = BudgetLine.objects.get()
    assert (line.hours, line.hourly_rate_cents, line.planned_amount_cents) == (Decimal("10"), 6_250, 62_500)
    client.post(
        _budget_url(school, year),
        {"description": "Voorstelling", "planned_date": "2026-03-01", "fixed_amount_cents": "2000"},
    )
    page = client.get(_budget_url(school, year)).content.decode()
    # budget 10 x 250 = 2500; planned 625 + 2000 = 2625: co-fund 125.
    assert "€\xa02.500,00" in page
    assert "€\xa0125,00 zelf bijdragen" in page


@pytest.mark.parametrize(
    ("data", "field_error"),
    [
        ({"fixed_amount_cents": "-10", "hours": "", "hourly_rate_cents": ""}, "minstens 0 is"),
        ({"fixed_amount_cents": "999999999", "hours": "", "hourly_rate_cents": ""}, "hoogstens 50000"),
        ({"hourly_rate_cents": "1200"}, "hoogstens 500 is"),
        ({"hours": "-3"}, "minstens 0.25"),
        ({"hours": "10000"}, "hoogstens 500"),
        ({"hours": "abc"}, "Voer een getal in"),
        ({"fixed_amount_cents": "100"}, "niet allebei"),
        ({"hours": ""}, "zowel het aantal uren als het uurtarief"),
        ({"hours": "", "hourly_rate_cents": ""}, "of een vast bedrag"),
        ({"planned_date": "2026-08-01"}, "schooljaar 2025-2026"),
        ({"planned_date": "2025-07-31"}, "schooljaar 2025-2026"),
        ({"paid_on": "2025-11-01"}, "pas betaald"),
        ({"planned_date": "geen datum"}, "geldige datum"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_keeps_what_was_typed(
    client, icc, school, year, data, field_error
):
    client.force_login(icc)
    response = client.post(_budget_url(school, year), {**VALID, **data})
    assert response.status_code == 200
    page = response.content.decode()
    assert field_error in page
    assert 'value="Teamtraining"' in page
    assert not BudgetLine.objects.exists()


def test_a_budget_line_on_another_schools_id_is_not_found(client, icc, school, other_school, year):
    client.force_login(icc)
    assert client.post(_budget_url(other_school, year), VALID).status_code == 404
    foreign = BudgetLineFactory(school=other_school)
    edit = reverse("schools:budget_line", kwargs={"pk": school.pk, "line_pk": foreign.pk})
    assert client.post(edit, VALID).status_code == 404
    edit_other = reverse("schools:budget_line", kwargs={"pk": other_school.pk, "line_pk": foreign.pk})
    assert client.get(edit_other).status_code == 404
    assert not BudgetLine.objects.filter(school=school).exists()


def test_the_icc_edits_a_line_and_records_the_invoice(client, icc, school, year):
    line = BudgetLineFactory(school=school, fixed_amount_cents=40_000)
    client.force_login(icc)
    url = reverse("schools:budget_line", kwargs={"pk": school.pk, "line_pk": line.pk})
    assert client.get(url).status_code == 200
    data = {
        "description": line.description,
        "planned_date": "2025-10-01",
        "fixed_amount_cents": "400",
        "invoiced_amount_cents": "425,50",
        "invoiced_on": "2025-10-15",
        "paid_on": "2025-11-01",
    }
    assert client.post(url, data).status_code == 302
    line.refresh_from_db()
    assert (line.invoiced_amount_cents, str(line.paid_on)) == (42_550, "2025-11-01")


def test_an_invoiced_line_cannot_be_deleted_but_a_planned_one_can(client, icc, school):
    planned = BudgetLineFactory(school=school)
    invoiced = BudgetLineFactory(school=school, invoiced_amount_cents=100)
    client.force_login(icc)
    for line in (planned, invoiced):
        client.post(reverse("schools:budget_line_delete", kwargs={"pk": school.pk, "line_pk": line.pk}))
    assert list(BudgetLine.objects.values_list("pk", flat=True)) == [invoiced.pk]


def test_a_line_below_the_fair_practice_minimum_gets_a_warning(client, icc, school, year, settings):
    settings.MAKERS_FAIR_HOURLY_RATE_CENTS = 6_500
    client.force_login(icc)
    client.post(_budget_url(school, year), {**VALID, "hourly_rate_cents": "60"})
    page = client.get(_budget_url(school, year)).content.decode()
    assert "onder Fair Practice-minimum" in page
    assert "€\xa065,00" in page  # the minimum is named
    BudgetLine.objects.update(hourly_rate_cents=6_500)
    assert "onder Fair Practice-minimum" not in client.get(_budget_url(school, year)).content.decode()


def test_the_manager_reads_the_budget_but_cannot_book(client, school, year):
    from tests.factories import UserFactory

    client.force_login(UserFactory(roles=["manager"]))
    assert client.get(_budget_url(school, year)).status_code == 200
    assert client.post(_budget_url(school, year), VALID).status_code == 403


@pytest.mark.parametrize("count", [1, 12])
def test_the_budget_page_costs_a_fixed_number_of_queries(
    client, icc, school, year, count, django_assert_max_num_queries
):
    BudgetLineFactory.create_batch(count, school=school)
    BudgetLineFactory.create_batch(
        count, school=school, fixed_amount_cents=None, hours=Decimal("3"), hourly_rate_cents=3000
    )
    SchoolFactory.create_batch(count)
    client.force_login(icc)
    # +2 over a plain list: the totals aggregate and the capped count of the paged lines.
    with django_assert_max_num_queries(14):
        assert client.get(_budget_url(school, year)).status_code == 200


def test_booking_money_is_kept_in_the_audit_log(client, icc, school, year):
    from cultuur.models import AuditLog

    client.force_login(icc)
    client.post(_budget_url(school, year), VALID)
    entry = AuditLog.objects.get(action="schools.budget_line.created")
    assert entry.actor == icc and entry.detail["planned_amount_cents"] == 62_500
