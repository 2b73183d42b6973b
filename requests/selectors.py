"""Reads on culture requests, scoped to the viewer through one function: `visible_requests`."""

from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.utils import timezone

from cultuur.roles import Role, has_role
from districts.selectors import district_ids_of
from requests.models import (
    DECIDED_FUNDING,
    OPEN_FUNDING,
    SUCCESSFUL_FUNDING,
    CultureRequest,
    FundingApplication,
    InternalNote,
    Match,
    Message,
    RequestDiscipline,
    RequestEvent,
)
from requests.norms import due_this_week_end
from requests.workflow import OPEN_STATUSES, Status


def sees_all(user) -> bool:
    return bool(user.is_superuser or has_role(user, Role.MANAGER, Role.FUNDS_COORDINATOR))


def visible_requests(user) -> QuerySet[CultureRequest]:
    """Advisors see their districts' requests; managers and funds coordinators all; everyone else none."""
    requests = CultureRequest.objects.all()
    if not getattr(user, "is_authenticated", False):
        return requests.none()
    if sees_all(user):
        return requests
    if has_role(user, Role.ADVISOR):
        return requests.filter(district_id__in=district_ids_of(user))
    return requests.none()


def can_work_on(user, request: CultureRequest) -> bool:
    """Advisors of the request's district change it; managers only read."""
    if user.is_superuser:
        return True
    return has_role(user, Role.ADVISOR) and request.district_id in district_ids_of(user)


def can_record_funding(user, request: CultureRequest) -> bool:
    return can_work_on(user, request) or has_role(user, Role.FUNDS_COORDINATOR)


def overdue_q(now=None) -> Q:
    """Past the stored deadline of its norm (requests.norms). Only open requests have one; the
    condition says so too, so that it matches the partial index `req_norm_deadline`."""
    return Q(norm_deadline__lt=now or timezone.now(), status__in=OPEN_STATUSES)


def due_this_week_q(now=None) -> Q:
    """Not late yet, but due before next Monday."""
    now = now or timezone.now()
    return Q(norm_deadline__gte=now, norm_deadline__lt=due_this_week_end(now), status__in=OPEN_STATUSES)


def norm_flag(request: CultureRequest, now, week_end) -> str:
    """ "overdue", "this_week" or "" for one row, from the same column as the filters."""
    deadline = request.norm_deadline
    if deadline is None:
        return ""
    if deadline < now:
        return "overdue"
    return "this_week" if deadline < week_end else ""


def board_requests(user) -> QuerySet[CultureRequest]:
    """The board's rows with what a row shows, in a fixed number of queries whatever the page size."""
    return visible_requests(user).select_related("district", "owner")


# The columns a board row shows (requests.board_rows), read as named tuples: model instances for
# a page of 25 cost more than the page's SQL. `id` and the sort columns also make the keyset cursor.
BOARD_ROW_FIELDS = (
    "id",
    "reference",
    "requester_kind",
    "requester_name",
    "organisation",
    "question",
    "status",
    "created_at",
    "last_action_at",
    "first_contact_at",
    "norm_deadline",
    "reopened_at",
    "flagged_duplicate",
    "version",
    "district_id",
    "district__name",
    "owner_id",
    "owner__first_name",
    "owner__last_name",
    "owner__email",
)


def board_rows_of(requests: QuerySet[CultureRequest]) -> QuerySet:
    """`requests` (scoped, filtered, ordered) as the rows the board prints."""
    return requests.values_list(*BOARD_ROW_FIELDS, named=True)


def request_detail(user, reference: str) -> QuerySet[CultureRequest]:
    events = RequestEvent.objects.select_related("actor")
    return (
        visible_requests(user)
        .filter(reference=reference)
        .select_related("district", "owner")
        .prefetch_related(
            Prefetch("events", queryset=events),
            Prefetch(
                "messages", queryset=Message.objects.select_related("author").prefetch_related("attachments")
            ),
            Prefetch("notes", queryset=InternalNote.objects.select_related("author")),
            "disciplines",
            Prefetch(
                "matches", queryset=Match.objects.select_related("maker", "course", "co_creation", "venue")
            ),
            "funding_applications",
        )
    )


def advisors_for(user) -> QuerySet:
    """The advisors a viewer may filter the board on or assign to."""
    advisors = get_user_model().objects.filter(groups__name=Role.ADVISOR.value)
    if not sees_all(user):
        advisors = advisors.filter(team_memberships__district_id__in=district_ids_of(user))
    return advisors.distinct().order_by("first_name", "last_name", "email")


def request_by_token(token: str) -> QuerySet[CultureRequest]:
    """The asker's view: the one request behind the secret link, with its messages."""
    return (
        CultureRequest.objects.filter(status_token=token)
        .select_related("district", "evaluation")
        .prefetch_related(Prefetch("messages", queryset=Message.objects.order_by("created_at", "pk")))
    )


def visible_funding_applications(user) -> QuerySet[FundingApplication]:
    return FundingApplication.objects.filter(request__in=visible_requests(user)).select_related(
        "request", "request__district"
    )


def funding_summary(user) -> dict:
    """Open applications and the success rate of decided ones (granted or partly granted / decided)."""
    apps = visible_funding_applications(user)
    totals = apps.aggregate(
        decided=Count("pk", filter=Q(status__in=DECIDED_FUNDING)),
        successful=Count("pk", filter=Q(status__in=SUCCESSFUL_FUNDING)),
        open_count=Count("pk", filter=Q(status__in=OPEN_FUNDING)),
        asked_open=Sum("amount_requested_cents", filter=Q(status__in=OPEN_FUNDING)),
        granted=Sum("amount_granted_cents", filter=Q(status__in=SUCCESSFUL_FUNDING)),
    )
    decided = totals["decided"] or 0
    totals["success_rate"] = round(100 * totals["successful"] / decided) if decided else None
    return totals


def district_figures(district) -> dict:
    """Figures for a district page, all computed in the database (a fixed number of queries): requests
    by status and by discipline, and the median days from arrival to first contact."""
    from datetime import timedelta
    from decimal import ROUND_HALF_UP, Decimal

    from django.db.models import DurationField, ExpressionWrapper, F

    from makers.models import Discipline

    requests = CultureRequest.objects.filter(district=district)
    labels = dict(Status.choices)
    by_status = [
        {"status": row["status"], "label": labels.get(row["status"], row["status"]), "count": row["count"]}
        for row in requests.order_by().values("status").annotate(count=Count("*")).order_by("status")
    ]
    # From the links' own district column (index-only), not a join of every link to its request.
    counts = dict(
        RequestDiscipline.objects.filter(district=district)
        .order_by()
        .values("discipline_id")
        .annotate(count=Count("*"))
        .values_list("discipline_id", "count")
    )
    by_discipline = [
        {"name": discipline.label, "count": counts[discipline.pk]}
        for discipline in Discipline.objects.filter(pk__in=counts)
        .order_by("order", "name")
        .only("pk", "name", "name_en")
    ]
    durations = (
        requests.filter(first_contact_at__isnull=False)
        .annotate(
            duration=ExpressionWrapper(F("first_contact_at") - F("created_at"), output_field=DurationField())
        )
        .order_by("duration")
    )
    count = durations.count()
    median = None
    if count:
        middle = list(durations.values_list("duration", flat=True)[(count - 1) // 2 : count // 2 + 1])
        average = sum(middle, timedelta()) / len(middle)
        median = (Decimal(average.total_seconds()) / 86400).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return {
        "total": sum(row["count"] for row in by_status),
        "by_status": by_status,
        "by_discipline": by_discipline,
        "median_days_to_contact": median,
        "contacted": count,
    }
