from decimal import Decimal

import pytest

from schools import budget, selectors
from schools.models import AmountPerGroup, BudgetLine
from tests.schools.factories import YEAR, AmountPerGroupFactory, BudgetLineFactory, SchoolFactory

pytestmark = pytest.mark.django_db


def _summary(school):
    school.refresh_from_db()
    return budget.summarise(
        school=school,
        year=YEAR,
        lines=BudgetLine.objects.filter(school=school, school_year=YEAR.start_year),
        amount_per_group_cents=selectors.amount_per_group_cents(YEAR),
    )


def test_the_budget_is_the_amount_per_group_times_the_groups_and_follows_changes_in_either():
    school = SchoolFactory(class_groups=12)
    AmountPerGroupFactory(amount_cents=25_000)
    assert _summary(school).budget_cents == 300_000
    school.class_groups = 14
    school.save()
    assert _summary(school).budget_cents == 350_000
    AmountPerGroup.objects.filter(school_year=YEAR.start_year).update(amount_cents=30_000)
    assert _summary(school).budget_cents == 420_000


def test_without_an_amount_for_the_year_the_setting_is_used(settings):
    settings.CMK_AMOUNT_PER_CLASS_GROUP_CENTS = 20_000
    school = SchoolFactory(class_groups=8)
    assert _summary(school).budget_cents == 160_000


def test_remaining_budget_and_no_co_funding_while_within_budget():
    school = SchoolFactory(class_groups=10)
    AmountPerGroupFactory(amount_cents=25_000)
    BudgetLineFactory(school=school, fixed_amount_cents=100_000)
    BudgetLineFactory(school=school, fixed_amount_cents=None, hours=Decimal("10"), hourly_rate_cents=6_000)
    summary = _summary(school)
    assert summary.planned_cents == 160_000
    assert summary.remaining_cents == 90_000
    assert summary.co_funding_cents == 0 and not summary.is_over_budget


def test_overspending_shows_what_the_school_or_board_must_co_fund():
    school = SchoolFactory(class_groups=10)
    AmountPerGroupFactory(amount_cents=25_000)
    BudgetLineFactory(school=school, fixed_amount_cents=200_000)
    BudgetLineFactory(school=school, fixed_amount_cents=80_000)
    summary = _summary(school)
    assert summary.remaining_cents == 0
    assert summary.co_funding_cents == 30_000
    # Fewer groups, smaller budget, more co-funding.
    school.class_groups = 8
    school.save()
    assert _summary(school).co_funding_cents == 80_000


def test_an_invoice_replaces_the_planned_amount_of_its_line():
    school = SchoolFactory(class_groups=10)
    AmountPerGroupFactory(amount_cents=25_000)
    BudgetLineFactory(school=school, fixed_amount_cents=200_000, invoiced_amount_cents=270_000)
    summary = _summary(school)
    assert (summary.planned_cents, summary.invoiced_cents, summary.expected_cents) == (
        200_000,
        270_000,
        270_000,
    )
    assert summary.co_funding_cents == 20_000


def test_hours_times_rate_is_rounded_to_whole_cents_without_floats():
    line = BudgetLineFactory(fixed_amount_cents=None, hours=Decimal("2.25"), hourly_rate_cents=4_333)
    assert line.planned_amount_cents == 9_749  # 9749.25


def test_a_line_below_the_fair_practice_minimum_is_flagged(settings):
    settings.MAKERS_FAIR_HOURLY_RATE_CENTS = 6_500  # the makers app's setting decides
    low = BudgetLineFactory(fixed_amount_cents=None, hours=Decimal("4"), hourly_rate_cents=6_000)
    fair = BudgetLineFactory(fixed_amount_cents=None, hours=Decimal("4"), hourly_rate_cents=6_500)
    fixed = BudgetLineFactory(fixed_amount_cents=10_000)
    assert [budget.below_fair_practice(line) for line in (low, fair, fixed)] == [True, False, False]
