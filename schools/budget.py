"""Development budget arithmetic: amount per class group x groups, against what is planned and spent.

Everything is integer cents. The seed: the budget is starting capital; when a school's ambitions
cost more, the school or its board co-funds the difference.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from schools.models import BudgetLine, School
from schools.school_year import SchoolYear

DEFAULT_FAIR_PRACTICE_MIN_HOURLY_RATE_CENTS = 4000


def fair_practice_min_hourly_rate_cents() -> int:
    # The setting belongs to the makers app (MAKERS_FAIR_HOURLY_RATE_CENTS); read it, never define it here.
    return getattr(
        settings,
        "MAKERS_FAIR_HOURLY_RATE_CENTS",
        getattr(settings, "FAIR_PRACTICE_MIN_HOURLY_RATE_CENTS", DEFAULT_FAIR_PRACTICE_MIN_HOURLY_RATE_CENTS),
    )


def below_fair_practice(line: BudgetLine) -> bool:
    return line.is_hourly and line.hourly_rate_cents < fair_practice_min_hourly_rate_cents()


@dataclass(frozen=True)
class BudgetSummary:
    year: SchoolYear
    class_groups: int
    amount_per_group_cents: int
    planned_cents: int
    invoiced_cents: int
    paid_cents: int
    expected_cents: int
    line_count: int = 0

    @property
    def budget_cents(self) -> int:
        return self.class_groups * self.amount_per_group_cents

    @property
    def remaining_cents(self) -> int:
        """What is left after what the lines will cost; never below zero (see co_funding_cents)."""
        return max(0, self.budget_cents - self.expected_cents)

    @property
    def co_funding_cents(self) -> int:
        """What the school or board must add when spending exceeds the budget.

        Spending per line is its invoice once there is one, its plan before that, so a line
        that came in cheaper than planned frees budget and one that cost more needs co-funding.
        """
        return max(0, self.expected_cents - self.budget_cents)

    @property
    def is_over_budget(self) -> bool:
        return self.co_funding_cents > 0


def summarise(
    *, school: School, year: SchoolYear, lines: QuerySet[BudgetLine], amount_per_group_cents: int
) -> BudgetSummary:
    """Totals of `lines` (the caller restricts them to the school and year) in one SQL aggregate,
    so the page never loads every line to add them up."""
    totals = lines.order_by().aggregate(
        planned=Coalesce(Sum("planned_amount_cents"), 0),
        invoiced=Coalesce(Sum("invoiced_amount_cents"), 0),
        paid=Coalesce(Sum("invoiced_amount_cents", filter=Q(paid_on__isnull=False)), 0),
        # Per line: the invoice once there is one, the plan before that (BudgetLine.expected_cents).
        expected=Coalesce(Sum(Coalesce("invoiced_amount_cents", "planned_amount_cents")), 0),
        count=Count("pk"),
    )
    return BudgetSummary(
        year=year,
        class_groups=school.class_groups,
        amount_per_group_cents=amount_per_group_cents,
        planned_cents=totals["planned"],
        invoiced_cents=totals["invoiced"],
        paid_cents=totals["paid"],
        expected_cents=totals["expected"],
        line_count=totals["count"],
    )
