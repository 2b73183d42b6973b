"""An ICC plans an activity that overspends the development budget, sees the co-funding and
submits the CMK plan; the school's account holder agrees it."""

from datetime import timedelta

import pytest

from schools.models import CmkPlan
from schools.models.choices import PlanStatus
from schools.school_year import SchoolYear
from tests.factories import PASSWORD
from tests.schools.factories import (
    AmbitionFactory,
    AmountPerGroupFactory,
    CmkPlanFactory,
    SchoolFactory,
    account_holder_of,
    icc_of,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _role_groups():
    """A transactional test flushes the tables, and with them the groups the data migration made."""
    from django.contrib.auth.models import Group

    from cultuur.roles import Role

    for role in Role:
        Group.objects.get_or_create(name=role.value)


def test_an_icc_overspends_sees_the_co_funding_and_submits_and_the_advisor_agrees(
    page, login, axe_violations
):
    year = SchoolYear.current()
    AmountPerGroupFactory(school_year=year.start_year, amount_cents=25_000)
    school = SchoolFactory(name="De Regenboog", class_groups=10)  # budget: 10 x EUR 250 = EUR 2.500
    icc = icc_of(school, email="icc.regenboog@example.org")
    advisor = account_holder_of(school, email="adviseur.regenboog@example.org")
    plan = CmkPlanFactory(school=school, school_year=year.start_year)
    AmbitionFactory(plan=plan)

    login(icc.email, PASSWORD)
    assert page.get_by_role("heading", level=1).inner_text() == "De Regenboog"
    page.get_by_role("link", name=f"Plan {year} openen").click()
    assert page.get_by_test_id("plan-status").inner_text() == "concept"
    assert axe_violations(page) == []

    page.get_by_role("link", name="Naar de begroting").click()
    page.get_by_label("Omschrijving").fill("Teamtraining en co-teaching beeldend")
    page.get_by_label("Geplande datum").fill((year.start + timedelta(days=60)).isoformat())
    page.get_by_label("Of: vast bedrag (euro)").fill("3000")
    page.get_by_role("button", name="Regel toevoegen").click()
    co_funding = page.get_by_test_id("co-funding")
    assert "€\xa0500,00 zelf bijdragen" in co_funding.inner_text()
    assert page.get_by_test_id("remaining").inner_text() == "€\xa00,00"
    assert axe_violations(page) == []

    page.get_by_role("link", name="Naar het plan").click()
    page.get_by_role("button", name="Plan indienen").click()
    assert page.get_by_test_id("plan-status").inner_text() == "ingediend"
    assert page.get_by_role("button", name="Visie opslaan").count() == 0

    page.context.clear_cookies()
    login(advisor.email, PASSWORD)
    page.goto(f"/school/{school.pk}/{year}/plan/")
    page.get_by_role("button", name="Akkoord geven").click()
    assert page.get_by_test_id("plan-status").inner_text() == "akkoord"
    assert axe_violations(page) == []
    plan.refresh_from_db()
    assert plan.status == PlanStatus.AGREED and plan.agreed_by == advisor
    assert CmkPlan.objects.get(pk=plan.pk).events.filter(action="schools.plan.agreed", by=advisor).exists()


def test_the_school_pages_have_no_accessibility_violations(page, login, axe_violations):
    from tests.factories import UserFactory
    from tests.schools.factories import BudgetLineFactory, CultureTypeRecordFactory, MonitoringEntryFactory

    year = SchoolYear.current()
    school = SchoolFactory(name="Het Kompas", class_groups=4)
    advisor = account_holder_of(school, email="adviseur.kompas@example.org")
    CultureTypeRecordFactory(school=school, school_year=year.start_year)
    plan = CmkPlanFactory(school=school, school_year=year.start_year, status=PlanStatus.SUBMITTED)
    AmbitionFactory(plan=plan)
    BudgetLineFactory(
        school=school, school_year=year.start_year, planned_date=year.start, fixed_amount_cents=200_000
    )
    MonitoringEntryFactory(school=school, school_year=year.start_year, date=year.start)
    manager = UserFactory(roles=["manager"], email="manager.kompas@example.org")

    login(advisor.email, PASSWORD)
    for url in [
        "/school/scholen/",
        f"/school/{school.pk}/?jaar={year}",
        f"/school/{school.pk}/monitoring/",
        f"/school/{school.pk}/{year}/plan/",
    ]:
        page.goto(url)
        assert axe_violations(page) == [], url
    page.context.clear_cookies()
    login(manager.email, PASSWORD)
    page.goto(f"/school/overzicht/?jaar={year}")
    assert page.get_by_role("heading", name="Scholen: overzicht").is_visible()
    assert axe_violations(page) == []
