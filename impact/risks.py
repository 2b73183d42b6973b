"""The risk register: scoped reads, the heat map, and the writes (save, review with history).

Scope: managers see every risk; an advisor the risks of the programme goals they see and of the
plans of their schools; an ICC only the risks of their own school's plans; makers none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from cultuur.roles import Role, has_role
from impact.models import Risk, RiskReview, RiskStatus
from impact.models.risks import HIGH_MIN, SCALE
from impact.selectors import is_advisor, sees_all, visible_goals
from impact.services import ImpactError
from schools.selectors import icc_school_id, visible_plans


def visible_risks(user) -> QuerySet[Risk]:
    """The one scoping function of the risk register (pages, API, heat map)."""
    risks = Risk.objects.select_related("goal", "plan", "plan__school", "owner")
    if sees_all(user):
        return risks
    scope = Q(pk__in=[])
    if is_advisor(user):
        scope |= Q(goal__in=visible_goals(user).values("pk")) | Q(plan__in=visible_plans(user).values("pk"))
    if has_role(user, Role.ICC) and (school_id := icc_school_id(user)):
        scope |= Q(plan__school_id=school_id)
    return risks.filter(scope)


def may_use_register(user) -> bool:
    return (
        sees_all(user) or is_advisor(user) or (has_role(user, Role.ICC) and icc_school_id(user) is not None)
    )


def subject_choices(user):
    """(goals, plans) a user may attach a risk to: an ICC only their school's plans."""
    from impact.models import Goal
    from schools.models import CmkPlan

    goals = visible_goals(user) if (sees_all(user) or is_advisor(user)) else Goal.objects.none()
    if sees_all(user) or is_advisor(user):
        plans = visible_plans(user)
    elif has_role(user, Role.ICC) and (school_id := icc_school_id(user)):
        plans = CmkPlan.objects.filter(school_id=school_id)
    else:
        plans = CmkPlan.objects.none()
    return goals.order_by("title"), plans.select_related("school").order_by("school__name", "-school_year")


def owner_choices(user):
    """Who may own a risk: staff see the staff; an ICC only the ICCs of their own school (an ICC
    never sees the names of other schools' people)."""
    from django.contrib.auth import get_user_model

    from cultuur.roles import STAFF_ROLES

    users = get_user_model().objects.filter(is_active=True).order_by("first_name", "email")
    if sees_all(user) or is_advisor(user):
        return users.filter(groups__name__in=[role.value for role in STAFF_ROLES]).distinct()
    if has_role(user, Role.ICC) and (school_id := icc_school_id(user)):
        return users.filter(icc_membership__school_id=school_id).distinct()
    return users.none()


def due_risks(risks: QuerySet[Risk], today: date | None = None) -> QuerySet[Risk]:
    """Risks past their review date that are not closed: due in the PDCA cycle."""
    today = today or timezone.localdate()
    return risks.filter(review_on__lte=today).exclude(status=RiskStatus.CLOSED)


def high_open(risks: QuerySet[Risk]) -> QuerySet[Risk]:
    return (
        risks.exclude(status=RiskStatus.CLOSED)
        .alias(score=F("likelihood") * F("impact"))
        .filter(score__gte=HIGH_MIN)
    )


@dataclass(frozen=True)
class HeatCell:
    likelihood: int
    impact: int
    count: int

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def level(self) -> str:
        from impact.models.risks import risk_level

        return risk_level(self.likelihood, self.impact).value


def heat_map(risks: QuerySet[Risk]) -> list[list[HeatCell]]:
    """5 x 5 counts of the risks that are not closed, in one aggregate query: rows are likelihood
    from 5 (top) down to 1, columns impact 1 to 5."""
    counts = {
        (row["likelihood"], row["impact"]): row["n"]
        for row in risks.exclude(status=RiskStatus.CLOSED)
        .order_by()
        .values("likelihood", "impact")
        .annotate(n=Count("pk"))
    }
    return [
        [HeatCell(likelihood, impact, counts.get((likelihood, impact), 0)) for impact in SCALE]
        for likelihood in reversed(SCALE)
    ]


def heat_rows(grid: list[list[HeatCell]]) -> list[HeatCell]:
    """The cells with risks, highest score first: the data table beside the grid."""
    cells = [cell for row in grid for cell in row if cell.count]
    return sorted(cells, key=lambda cell: (-cell.score, -cell.likelihood))


# Writes ------------------------------------------------------------------------------------------


def _check_subject(user, goal, plan) -> None:
    goals, plans = subject_choices(user)
    if (goal is None) == (plan is None):
        raise ImpactError(_("Kies een doelstelling of een CMK-plan (één van beide)."))
    if goal is not None and not goals.filter(pk=goal.pk).exists():
        raise ImpactError(_("U kunt geen risico bij deze doelstelling vastleggen."))
    if plan is not None and not plans.filter(pk=plan.pk).exists():
        raise ImpactError(_("U kunt geen risico bij dit CMK-plan vastleggen."))


@transaction.atomic
def risk_save(*, by, risk: Risk | None = None, **fields) -> Risk:
    created = risk is None
    risk = risk or Risk(created_by=by)
    for name, value in fields.items():
        setattr(risk, name, value)
    _check_subject(by, risk.goal, risk.plan)
    risk.full_clean()
    risk.save()
    if created:
        RiskReview.objects.create(
            risk=risk,
            reviewed_on=timezone.localdate(),
            likelihood=risk.likelihood,
            impact=risk.impact,
            previous_likelihood=risk.likelihood,
            previous_impact=risk.impact,
            note=_("Risico vastgelegd."),
            by=by,
        )
    return risk


@transaction.atomic
def risk_review(
    *,
    risk: Risk,
    by,
    likelihood: int,
    impact: int,
    note: str,
    next_review_on: date,
    status: str | None = None,
) -> RiskReview:
    """Record a review: the new scores become the risk's, the old ones stay in the history."""
    risk = Risk.objects.select_for_update().get(pk=risk.pk)
    if risk.status == RiskStatus.CLOSED:
        raise ImpactError(_("Een gesloten risico wordt niet meer beoordeeld."))
    today = timezone.localdate()
    if next_review_on <= today:
        raise ImpactError(_("De volgende beoordeling moet na vandaag liggen."))
    review = RiskReview(
        risk=risk,
        reviewed_on=today,
        likelihood=likelihood,
        impact=impact,
        previous_likelihood=risk.likelihood,
        previous_impact=risk.impact,
        note=note,
        by=by,
    )
    review.full_clean()
    review.save()
    risk.likelihood, risk.impact, risk.review_on = likelihood, impact, next_review_on
    fields = ["likelihood", "impact", "review_on", "updated_at"]
    if status:
        risk.status = status
        fields.append("status")
    risk.save(update_fields=fields)
    return review


def reviews_in(period_start: date, period_end: date, district=None, municipality=None) -> list[dict]:
    reviews = RiskReview.objects.filter(reviewed_on__range=(period_start, period_end)).select_related(
        "risk", "risk__goal", "risk__plan__school"
    )
    reviews = _in_report_scope(reviews, "risk__", district, municipality)
    return [
        {
            "risk": review.risk.title,
            "subject": review.risk.subject,
            "date": review.reviewed_on.isoformat(),
            "before": review.previous_likelihood * review.previous_impact,
            "after": review.score,
            "note": review.note,
        }
        for review in reviews.order_by("reviewed_on", "pk")[:200]
    ]


def high_risks_for_report(district=None, municipality=None) -> list[dict]:
    risks = high_open(Risk.objects.select_related("goal", "plan__school", "owner"))
    risks = _in_report_scope(risks, "", district, municipality)
    return [
        {
            "risk": risk.title,
            "subject": risk.subject,
            "score": risk.score,
            "likelihood": risk.likelihood,
            "impact": risk.impact,
            "measure": risk.measure,
            "review_on": risk.review_on.isoformat(),
        }
        for risk in risks.order_by("-likelihood", "-impact", "pk")[:200]
    ]


def _in_report_scope(qs, prefix: str, district, municipality):
    if district is not None:
        return qs.filter(
            Q(**{f"{prefix}goal__district": district}) | Q(**{f"{prefix}plan__school__district": district})
        )
    if municipality is not None:
        return qs.filter(
            Q(**{f"{prefix}goal__municipality": municipality})
            | Q(**{f"{prefix}goal__municipality__isnull": True, f"{prefix}goal__isnull": False})
            | Q(**{f"{prefix}plan__school__municipality": municipality})
        )
    return qs
