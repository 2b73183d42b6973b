"""Reads of the impact app, scoped to the viewer: managers read all, advisors their districts."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from cultuur.roles import Role, has_role
from districts.selectors import district_ids_of
from impact.models import Activity, Goal, Measurement, MonitoringReport


def sees_all(user) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or has_role(user, Role.MANAGER)))


def is_advisor(user) -> bool:
    return bool(user.is_authenticated and has_role(user, Role.ADVISOR))


def _advisor_activity_ids(user):
    districts = district_ids_of(user)
    return Activity.objects.filter(
        Q(districts__in=districts) | Q(whole_municipality=True, municipality__districts__in=districts)
    ).values("pk")


def visible_activities(user) -> QuerySet[Activity]:
    """The one scoping function for activities (and, through them, measurements and goals)."""
    activities = Activity.objects.select_related("municipality", "reach", "request").prefetch_related(
        "districts", "disciplines", "makers", "themes"
    )
    if sees_all(user):
        return activities
    if is_advisor(user):
        return activities.filter(pk__in=_advisor_activity_ids(user))
    return activities.none()


def visible_measurements(user) -> QuerySet[Measurement]:
    measurements = Measurement.objects.select_related("indicator", "indicator__theme", "district", "activity")
    if sees_all(user):
        return measurements
    if is_advisor(user):
        return measurements.filter(
            Q(district__in=district_ids_of(user)) | Q(activity__in=_advisor_activity_ids(user))
        )
    return measurements.none()


def visible_goals(user) -> QuerySet[Goal]:
    goals = Goal.objects.select_related("municipality", "district")
    if sees_all(user):
        return goals
    if is_advisor(user):
        districts = district_ids_of(user)
        return goals.filter(
            Q(district__in=districts) | Q(district__isnull=True, municipality__districts__in=districts)
        ).distinct()
    return goals.none()


def visible_reports(user) -> QuerySet[MonitoringReport]:
    reports = MonitoringReport.objects.select_related("municipality", "district")
    return reports if sees_all(user) else reports.none()


def can_record_reach(user, activity: Activity) -> bool:
    """Advisors record reach for activities in their districts; managers only read."""
    if user.is_superuser:
        return True
    if not is_advisor(user):
        return False
    mine = district_ids_of(user)
    return any(district.pk in mine for district in activity.districts.all())


def district_figures(district) -> dict:
    """The activities in one district and their reach, summed in the database (one query)."""
    from django.db.models import Count, Sum
    from django.db.models.functions import Coalesce

    return Activity.objects.filter(districts=district).aggregate(
        activities=Count("pk", distinct=True),
        participants=Coalesce(Sum("reach__participants"), 0),
        new_participants=Coalesce(Sum("reach__new_participants"), 0),
        visitors=Coalesce(Sum("reach__visitors"), 0),
        pupils=Coalesce(Sum("reach__pupils"), 0),
    )
