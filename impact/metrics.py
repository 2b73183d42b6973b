"""The registry of goal metrics: counts and shares defined in code that a goal can be measured by.

Each metric evaluates ALL goals that use it in one aggregate query (one conditional aggregate per
goal), so the dashboard's query count depends on the registry, never on the number of goals or rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, QuerySet, Sum

from impact.models import Activity
from impact.models.goals import GoalMetric
from makers.models import CoCreation
from requests.models import CultureRequest
from schools.models import CultureTypeRecord, School

SHARE, COUNT, SUM = "share", "count", "sum"


@dataclass(frozen=True)
class Scope:
    municipality_id: int | None = None
    district_id: int | None = None


@dataclass(frozen=True)
class Metric:
    key: GoalMetric
    kind: str
    queryset: Callable[[], QuerySet]
    # Q selecting rows of the goal's period and scope.
    in_period: Callable[[date, date], Q]
    in_scope: Callable[[Scope], Q]
    numerator: Q | None = None  # for shares: which of the rows count
    sum_field: str = ""
    unit: str = ""

    @property
    def label(self) -> str:
        return self.key.label


def _activities():
    return Activity.objects.all()


def activity_scope_q(scope: Scope) -> Q:
    """Activities in a district or municipality, as a subquery: joining the districts would repeat rows."""
    if scope.district_id:
        inner = Activity.objects.filter(districts=scope.district_id)
    elif scope.municipality_id:
        inner = Activity.objects.filter(
            Q(municipality=scope.municipality_id) | Q(districts__municipality=scope.municipality_id)
        )
    else:
        return Q()
    return Q(pk__in=inner.values("pk"))


_activity_scope = activity_scope_q


def _activity_period(start, end) -> Q:
    return Q(starts_on__range=(start, end))


def _co_creations():
    return CoCreation.objects.exclude(status=CoCreation.Status.DRAFT)


def _co_creation_scope(scope: Scope) -> Q:
    if scope.district_id:
        inner = CoCreation.objects.filter(school_links__school__district=scope.district_id)
    elif scope.municipality_id:
        inner = CoCreation.objects.filter(school_links__school__municipality=scope.municipality_id)
    else:
        return Q()
    return Q(pk__in=inner.values("pk"))


def _schools():
    return School.objects.all()


def _school_scope(scope: Scope, prefix: str = "") -> Q:
    if scope.district_id:
        return Q(**{f"{prefix}district": scope.district_id})
    if scope.municipality_id:
        return Q(**{f"{prefix}municipality": scope.municipality_id})
    return Q()


def _school_year_of(day: date) -> int:
    # The school year the period ends in: "2024" in a goal for 2024-2025 ending 31 July 2025.
    return day.year if day.month >= 8 else day.year - 1


def _culture_types():
    return CultureTypeRecord.objects.all()


def _requests():
    return CultureRequest.objects.all()


def _request_scope(scope: Scope) -> Q:
    if scope.district_id:
        return Q(district=scope.district_id)
    if scope.municipality_id:
        return Q(district__municipality=scope.municipality_id)
    return Q()


def _build() -> dict[str, Metric]:
    metrics = [
        Metric(GoalMetric.ACTIVITIES, COUNT, _activities, _activity_period, _activity_scope),
        Metric(
            GoalMetric.ACTIVITIES_CO_PRODUCED,
            COUNT,
            _activities,
            _activity_period,
            _activity_scope,
            numerator=Q(role="co_produced"),
        ),
        Metric(
            GoalMetric.SHARE_CO_PRODUCED_OR_SUPPORTED,
            SHARE,
            _activities,
            _activity_period,
            _activity_scope,
            numerator=Q(role__in=["co_produced", "supported"]),
            unit="%",
        ),
        Metric(
            GoalMetric.PARTICIPANTS,
            SUM,
            _activities,
            _activity_period,
            _activity_scope,
            sum_field="reach__participants",
        ),
        Metric(
            GoalMetric.NEW_PARTICIPANTS,
            SUM,
            _activities,
            _activity_period,
            _activity_scope,
            sum_field="reach__new_participants",
        ),
        Metric(
            GoalMetric.VISITORS,
            SUM,
            _activities,
            _activity_period,
            _activity_scope,
            sum_field="reach__visitors",
        ),
        Metric(
            GoalMetric.PUPILS,
            SUM,
            _activities,
            _activity_period,
            _activity_scope,
            sum_field="reach__pupils",
        ),
        Metric(
            GoalMetric.NEW_CO_CREATIONS,
            COUNT,
            _co_creations,
            lambda start, end: Q(started_on__range=(start, end)),
            _co_creation_scope,
            numerator=~Q(status=CoCreation.Status.DRAFT),
        ),
        Metric(
            GoalMetric.SCHOOLS_IN_PARTNERSHIP,
            SHARE,
            _schools,
            lambda start, end: Q(),
            _school_scope,
            numerator=None,  # filled per goal: depends on the school year
            unit="%",
        ),
        Metric(
            GoalMetric.CONSUMING_SCHOOLS,
            COUNT,
            _culture_types,
            lambda start, end: Q(school_year=_school_year_of(end)),
            lambda scope: _school_scope(scope, "school__"),
            numerator=Q(culture_type="consuming"),
        ),
        Metric(
            GoalMetric.REQUESTS_MATCHED,
            SHARE,
            _requests,
            lambda start, end: Q(created_at__date__range=(start, end)),
            _request_scope,
            numerator=Q(matches__isnull=False),
            unit="%",
        ),
    ]
    return {metric.key: metric for metric in metrics}


METRICS: dict[str, Metric] = _build()


def _numerator_for(metric: Metric, goal) -> Q | None:
    if metric.key == "schools_in_partnership":
        # The seed's partnership: a budget line with a maker or co-creation in the school year, or a
        # school in a running or completed co-creation (the same rule as schools.links).
        year = _school_year_of(goal.period_end)
        return (
            Q(budget_lines__school_year=year, budget_lines__maker__isnull=False)
            | Q(budget_lines__school_year=year, budget_lines__co_creation__isnull=False)
            | Q(co_creation_links__co_creation__status__in=CoCreation.PUBLIC_STATUSES)
        )
    return metric.numerator


def evaluate(goals: Iterable) -> dict[int, Decimal]:
    """{goal pk: measured value} for computed goals: one query per metric in use, whatever the goals."""
    by_metric: dict[str, list] = {}
    for goal in goals:
        if goal.metric in METRICS:
            by_metric.setdefault(goal.metric, []).append(goal)
    values: dict[int, Decimal] = {}
    for key, metric_goals in by_metric.items():
        metric = METRICS[key]
        aggregates = {}
        for goal in metric_goals:
            scope = Scope(goal.municipality_id, goal.district_id)
            rows = metric.in_period(goal.period_start, goal.period_end) & metric.in_scope(scope)
            numerator = _numerator_for(metric, goal)
            if metric.kind == SUM:
                aggregates[f"v{goal.pk}"] = Sum(metric.sum_field, filter=rows)
            elif metric.kind == COUNT:
                counted = rows & numerator if numerator is not None else rows
                aggregates[f"v{goal.pk}"] = Count("pk", filter=counted, distinct=True)
            else:
                aggregates[f"t{goal.pk}"] = Count("pk", filter=rows, distinct=True)
                aggregates[f"v{goal.pk}"] = Count("pk", filter=rows & numerator, distinct=True)
        result = metric.queryset().aggregate(**aggregates)
        for goal in metric_goals:
            value = Decimal(result[f"v{goal.pk}"] or 0)
            if metric.kind == SHARE:
                total = result[f"t{goal.pk}"] or 0
                value = (value * 100 / total).quantize(Decimal("0.1"), ROUND_HALF_UP) if total else Decimal(0)
            values[goal.pk] = value
    return values
