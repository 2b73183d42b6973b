"""Reads for pages, API and exports, scoped through ONE function: `visible_schools(user)`.

Scope: a manager (or admin) sees every school, read-only; an advisor sees the schools they are
account holder for and, read-only, the other schools in their districts (they meet those schools
in the district and should know the plan); an ICC sees only their own school; anyone else none.
"""

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet, Sum

from cultuur.roles import Role, has_role
from districts.selectors import district_ids_of
from schools.models import (
    Ambition,
    AmountPerGroup,
    BudgetLine,
    CmkPlan,
    CultureTypeRecord,
    IccMembership,
    Milestone,
    MonitoringEntry,
    PlanEvent,
    School,
)
from schools.models.choices import PlanStatus
from schools.school_year import SchoolYear


def icc_school_id(user) -> int | None:
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_cultuur_icc_school_id"):
        user._cultuur_icc_school_id = (
            IccMembership.objects.filter(user=user).values_list("school_id", flat=True).first()
        )
    return user._cultuur_icc_school_id


def visible_schools(user) -> QuerySet[School]:
    schools = School.objects.select_related("board", "municipality", "district", "account_holder")
    if not user.is_authenticated or not user.is_active:
        return schools.none()
    if user.is_superuser or has_role(user, Role.MANAGER):
        return schools
    scope = Q(pk__in=[])
    if has_role(user, Role.ADVISOR):
        scope |= Q(account_holder=user) | Q(district_id__in=district_ids_of(user))
    if has_role(user, Role.ICC) and (school_id := icc_school_id(user)):
        scope |= Q(pk=school_id)
    return schools.filter(scope)


# Who may write what. Out of scope is answered with 404 by the lookup; these decide 403 in scope.
def is_icc_of(user, school: School) -> bool:
    return has_role(user, Role.ICC) and icc_school_id(user) == school.pk


def is_account_holder(user, school: School) -> bool:
    return has_role(user, Role.ADVISOR) and school.account_holder_id == user.pk


def amount_per_group_cents(year: SchoolYear) -> int:
    row = (
        AmountPerGroup.objects.filter(school_year=year.start_year)
        .values_list("amount_cents", flat=True)
        .first()
    )
    return row if row is not None else settings.CMK_AMOUNT_PER_CLASS_GROUP_CENTS


def amounts_per_group(years) -> dict[int, int]:
    """{start_year: cents} for several years in one query, the setting filling the gaps."""
    found = dict(
        AmountPerGroup.objects.filter(school_year__in=[y.start_year for y in years]).values_list(
            "school_year", "amount_cents"
        )
    )
    return {y.start_year: found.get(y.start_year, settings.CMK_AMOUNT_PER_CLASS_GROUP_CENTS) for y in years}


def culture_type_in(year: SchoolYear):
    """A Subquery-free way to read the culture type: prefetch the school's records for `year`."""
    return Prefetch(
        "culture_types",
        queryset=CultureTypeRecord.objects.filter(school_year=year.start_year),
        to_attr="culture_type_records_of_year",
    )


def school_list(user, year: SchoolYear) -> QuerySet[School]:
    """Visible schools with this year's culture type, plan status and budget totals: fixed queries."""
    return (
        visible_schools(user)
        .prefetch_related(
            culture_type_in(year),
            Prefetch(
                "plans", queryset=CmkPlan.objects.filter(school_year=year.start_year), to_attr="plans_of_year"
            ),
        )
        .annotate(
            planned_cents=Sum(
                "budget_lines__planned_amount_cents", filter=Q(budget_lines__school_year=year.start_year)
            ),
            line_count=Count("budget_lines", filter=Q(budget_lines__school_year=year.start_year)),
        )
        .order_by("name")
    )


def school_detail(user) -> QuerySet[School]:
    return visible_schools(user).prefetch_related(
        Prefetch("culture_types", queryset=CultureTypeRecord.objects.order_by("school_year")),
        Prefetch("iccs", queryset=IccMembership.objects.select_related("user")),
    )


def plan_with_parts(plan_qs: QuerySet[CmkPlan]) -> QuerySet[CmkPlan]:
    return plan_qs.select_related("school", "agreed_by").prefetch_related(
        Prefetch("ambitions", queryset=Ambition.objects.order_by("domain", "pk")),
        Prefetch("milestones", queryset=Milestone.objects.order_by("due_date", "pk")),
        Prefetch("events", queryset=PlanEvent.objects.select_related("by").order_by("at", "pk")),
    )


def visible_plans(user) -> QuerySet[CmkPlan]:
    return CmkPlan.objects.filter(school__in=visible_schools(user))


def visible_budget_lines(user) -> QuerySet[BudgetLine]:
    return BudgetLine.objects.filter(school__in=visible_schools(user)).select_related("school")


def visible_monitoring(user) -> QuerySet[MonitoringEntry]:
    """Staff see every entry of their visible schools; an ICC only what was shared with the school."""
    entries = MonitoringEntry.objects.filter(school__in=visible_schools(user)).select_related(
        "school", "author"
    )
    if user.is_superuser or has_role(user, Role.MANAGER, Role.ADVISOR):
        return entries
    return entries.filter(shared_with_school=True)


def plans_to_review(user) -> QuerySet[CmkPlan]:
    return (
        CmkPlan.objects.filter(school__account_holder=user, status=PlanStatus.SUBMITTED)
        .select_related("school")
        .order_by("submitted_at")
    )


def budget_lines_for_page(user) -> QuerySet[BudgetLine]:
    from schools.links import budget_line_select_related

    return (
        visible_budget_lines(user)
        .select_related(*budget_line_select_related())
        .order_by("planned_date", "pk")
    )


def co_creation_school_count(co_creation) -> int:
    from schools.models import CoCreationSchool

    return CoCreationSchool.objects.filter(co_creation=co_creation).count()


def co_creation_links(school: School):
    from schools.models import CoCreationSchool

    return (
        CoCreationSchool.objects.filter(school=school)
        .select_related("co_creation")
        .order_by("co_creation__title")
    )


def district_figures(district, school_year=None) -> dict:
    """The schools of one district and their culture types in a school year (default: the current
    one), counted in the database (two queries)."""
    from schools.models.choices import CultureType
    from schools.school_year import SchoolYear

    year = school_year or SchoolYear.current()
    schools = School.objects.filter(district=district).aggregate(count=Count("pk"), pupils=Sum("pupils"))
    labels = dict(CultureType.choices)
    by_type = [
        {"culture_type": row["culture_type"], "label": labels.get(row["culture_type"]), "count": row["count"]}
        for row in CultureTypeRecord.objects.filter(school__district=district, school_year=year.start_year)
        .order_by()
        .values("culture_type")
        .annotate(count=Count("pk"))
        .order_by("culture_type")
    ]
    return {
        "school_year": year,
        "schools": schools["count"],
        "pupils": schools["pupils"] or 0,
        "by_culture_type": by_type,
        "without_culture_type": schools["count"] - sum(row["count"] for row in by_type),
    }
