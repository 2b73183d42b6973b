import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from schools.models.choices import CultureType, PlanStatus
from tests.factories import UserFactory
from tests.schools.factories import (
    AmbitionFactory,
    BudgetLineFactory,
    CmkPlanFactory,
    CultureTypeRecordFactory,
    MonitoringEntryFactory,
    SchoolBoardFactory,
    SchoolFactory,
    account_holder_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager():
    return UserFactory(roles=["manager"])


def _populate(n, advisor=None):
    board = SchoolBoardFactory(name="Agora")
    for i in range(n):
        school = SchoolFactory(board=board, account_holder=advisor)
        CultureTypeRecordFactory(school=school, culture_type=CultureType.values[i % 3])
        CultureTypeRecordFactory(school=school, school_year=2024, culture_type=CultureType.CONSUMING)
        plan = CmkPlanFactory(school=school, status=PlanStatus.values[i % 4])
        AmbitionFactory(plan=plan)
        BudgetLineFactory.create_batch(2, school=school)
        BudgetLineFactory(school=school, fixed_amount_cents=None, hours=Decimal("2"), hourly_rate_cents=6000)
        MonitoringEntryFactory(school=school, shared_with_school=True)


def test_the_overview_counts_culture_types_per_year_and_budgets_per_board(client, manager, year):
    agora = SchoolBoardFactory(name="Agora")
    for culture_type, groups in [("consuming", 10), ("participating", 12), ("participating", 8)]:
        school = SchoolFactory(board=agora, class_groups=groups)
        CultureTypeRecordFactory(school=school, culture_type=culture_type)
        BudgetLineFactory(school=school, fixed_amount_cents=100_000, invoiced_amount_cents=90_000)
    CmkPlanFactory(school=school, status=PlanStatus.AGREED)
    client.force_login(manager)
    page = client.get(reverse("schools:overview"), {"jaar": str(year)}).content.decode()
    assert "Scholen per cultuurtype per schooljaar" in page
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(
                    reverse("schools:overview_csv", args=["cultuurtypes"]), {"jaar": str(year)}
                ).content.decode("utf-8-sig")
            ),
            delimiter=";",
        )
    )
    assert rows[0][:4] == ["Schooljaar", "consumerend", "participerend", "integrerend"]
    assert rows[-1] == ["2025-2026", "1", "2", "0", "3"]
    budget = list(
        csv.reader(
            io.StringIO(
                client.get(
                    reverse("schools:overview_csv", args=["budget-besturen"]), {"jaar": str(year)}
                ).content.decode("utf-8-sig")
            ),
            delimiter=";",
        )
    )
    # 30 groups x EUR 250 allocated, 3 x EUR 1000 planned, 3 x EUR 900 invoiced.
    assert budget[1] == ["Agora", "3", "7500,00", "3000,00", "2700,00", "0,00"]
    plans = list(
        csv.reader(
            io.StringIO(
                client.get(
                    reverse("schools:overview_csv", args=["plannen"]), {"jaar": str(year)}
                ).content.decode("utf-8-sig")
            ),
            delimiter=";",
        )
    )
    assert len(plans) == 1 + 2  # two schools without an agreed plan
    assert {row[4] for row in plans[1:]} == {"geen plan"}


def test_the_overview_and_its_exports_are_for_managers_only(client, icc, advisor):
    for user in (icc, advisor):
        client.force_login(user)
        assert client.get(reverse("schools:overview")).status_code == 403
        assert client.get(reverse("schools:overview_csv", args=["plannen"])).status_code == 403


def test_an_unknown_export_is_not_found(client, manager):
    client.force_login(manager)
    assert client.get(reverse("schools:overview_csv", args=["wachtwoorden"])).status_code == 404


@pytest.mark.parametrize("n", [2, 12])
def test_pages_cost_a_fixed_number_of_queries(client, manager, year, n, django_assert_max_num_queries):
    advisor = account_holder_of()
    _populate(n, advisor)
    school = advisor.account_schools.first()
    client.force_login(manager)
    with django_assert_max_num_queries(18):
        assert client.get(reverse("schools:overview"), {"jaar": str(year)}).status_code == 200
    client.force_login(advisor)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("schools:list"), {"jaar": str(year)}).status_code == 200
    for url in [
        reverse("schools:detail", kwargs={"pk": school.pk}) + f"?jaar={year}",
        reverse("schools:plan", kwargs={"pk": school.pk, "year": year}),
        reverse("schools:monitoring", kwargs={"pk": school.pk}),
    ]:
        with django_assert_max_num_queries(20):
            assert client.get(url).status_code == 200


@pytest.mark.parametrize("n", [2, 12])
def test_api_lists_cost_a_fixed_number_of_queries(client, manager, n, django_assert_max_num_queries):
    _populate(n)
    client.force_login(manager)
    for url in [
        "/api/schools/",
        "/api/school-plans/",
        "/api/school-budget-lines/",
        "/api/school-monitoring/",
    ]:
        with django_assert_max_num_queries(10):
            response = client.get(url)
        assert response.status_code == 200 and response.json()["results"], url
