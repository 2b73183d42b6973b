"""Progress and status of programme goals: measured against target and against the time elapsed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from impact.metrics import METRICS, evaluate
from impact.models import Goal, GoalStatus


@dataclass
class GoalProgress:
    goal: Goal
    measured: Decimal | None
    percent: int | None
    status: str | None

    @property
    def status_label(self) -> str:
        return str(GoalStatus(self.status).label) if self.status else "—"

    @property
    def source_label(self) -> str:
        from django.utils.translation import gettext as _

        metric = METRICS.get(self.goal.metric)
        return str(metric.label) if metric else _("handmatig, met bewijs")


def _elapsed(goal: Goal, today: date) -> Decimal:
    total = (goal.period_end - goal.period_start).days + 1
    done = (min(today, goal.period_end) - goal.period_start).days + 1
    return Decimal(max(0, min(done, total))) / Decimal(total)


def status_of(goal: Goal, measured: Decimal | None, today: date) -> str | None:
    if measured is None:
        return None
    if goal.lower_is_better:
        return GoalStatus.ACHIEVED if measured <= goal.target else GoalStatus.BEHIND
    if measured >= goal.target:
        return GoalStatus.ACHIEVED
    if goal.target and measured / goal.target >= _elapsed(goal, today):
        return GoalStatus.ON_TRACK
    return GoalStatus.BEHIND


def percent_of(goal: Goal, measured: Decimal | None) -> int | None:
    """How far the goal is reached. For "lower is better" the target is a ceiling: at or under it is
    100 %, and twice the target is 50 % of the way (not 200 %, which would read as overachieved)."""
    if measured is None:
        return None
    if goal.lower_is_better:
        ratio = Decimal(1) if measured <= goal.target else goal.target / measured
    elif goal.target:
        ratio = measured / goal.target
    else:
        return None
    return int((ratio * 100).quantize(Decimal(1), ROUND_HALF_UP))


def with_progress(goals, today: date | None = None) -> list[GoalProgress]:
    """The goals with their progress; computed ones in one query per metric (impact.metrics)."""
    today = today or timezone.localdate()
    goals = list(goals)
    computed = evaluate(goals)
    result = []
    for goal in goals:
        measured = computed.get(goal.pk) if goal.is_computed else goal.manual_value
        result.append(
            GoalProgress(goal, measured, percent_of(goal, measured), status_of(goal, measured, today))
        )
    return result
