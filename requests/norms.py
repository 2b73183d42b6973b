"""Service norms: the deadline of a request in its status, in Dutch working days.

A norm (requests.norm_models.ServiceNorm) says how many working days a request of one kind may
stay in one status. The deadline is stored on the request (`norm_deadline`, indexed) so the board,
the reminders and the dashboard read one column instead of counting days per row:

- On every status change (requests.services.request_change_status) the deadline is set for the
  new status; a status without a norm, a closed status and "waiting" have none.
- Entering "waiting" pauses the clock: the working days still left are kept in
  `norm_remaining_days`. Going back to the status it paused from resumes with those days; any
  other status starts its own norm.
- A status left after its deadline marks the request `norm_missed` (the dashboard's share).
- A changed norm recomputes every open request of that kind in that status from the moment it
  entered the status (a Celery task, on commit; the same input gives the same deadline, so a
  rerun changes nothing).

The counting: the day a request enters a status does not count; the deadline is the start
(00:00, Europe/Amsterdam) of the Nth working day after it. A request that arrives on Wednesday
with a norm of 3 working days is late from Monday 00:00 (Thursday, Friday, Monday: the third).
Working days are Monday to Friday except the national public holidays of the `holidays`
package for NL: New Year's Day, Easter Sunday and Monday, King's Day (27 April, the 26th when
the 27th is a Sunday), Liberation Day in lustrum years (2025, 2030, ...), Ascension Day, Whit
Sunday and Monday, Christmas Day and Boxing Day. Good Friday is not a public holiday in the
Netherlands (most employers work), so it counts as a working day here.
"""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from cultuur.audit import audit_record
from cultuur.queue import enqueue_on_commit
from requests.models import CultureRequest, RequesterKind, ServiceNorm
from requests.workdays import is_working_day
from requests.workflow import CLOSED_STATUSES, Status

ACTION_NORM_CHANGED = "requests.norm.changed"

# The norms a fresh installation starts with (working days; migration 0009 stores them as rows so
# managers see and change them). A row overrides these; without one these apply, so a flushed
# table still gives every request a deadline. Schools plan a school year ahead, so their
# conversation and matching take longer. "new" follows REQUESTS_FIRST_CONTACT_WORKING_DAYS.
DEFAULT_NORMS = {
    Status.IN_CONVERSATION: 10,
    Status.MATCHING: 15,
    Status.MATCHED: 10,
}
DEFAULT_SCHOOL_NORMS = {**DEFAULT_NORMS, Status.IN_CONVERSATION: 15, Status.MATCHING: 20}


def default_days(requester_kind: str, status: str) -> int | None:
    if status == Status.NEW:
        return settings.REQUESTS_FIRST_CONTACT_WORKING_DAYS
    defaults = DEFAULT_SCHOOL_NORMS if requester_kind == RequesterKind.SCHOOL else DEFAULT_NORMS
    return defaults.get(status)


def add_working_days(day: date, days: int) -> date:
    """The Nth working day after `day` (`day` itself does not count); `day` itself for 0."""
    while days > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            days -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """The working days after `start` up to and including `end` (0 when end is not after start)."""
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        count += is_working_day(day)
    return count


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def deadline_after(moment: datetime, days: int) -> datetime:
    return _start_of(add_working_days(timezone.localdate(moment), days))


def remaining_days(deadline: datetime, now: datetime) -> int:
    """Working days left before `deadline`; 0 when it has passed (a resumed request is late at once)."""
    if deadline <= now:
        return 0
    return max(working_days_between(timezone.localdate(now), timezone.localdate(deadline)), 0)


def norm_days(requester_kind: str, status: str) -> int | None:
    if status in CLOSED_STATUSES or status == Status.WAITING:
        return None
    stored = (
        ServiceNorm.objects.filter(requester_kind=requester_kind, status=status)
        .values_list("working_days", flat=True)
        .first()
    )
    return stored if stored is not None else default_days(requester_kind, status)


def initial_deadline(requester_kind: str, moment: datetime) -> datetime | None:
    days = norm_days(requester_kind, Status.NEW)
    return deadline_after(moment, days) if days is not None else None


def fields_for_status_change(
    *, request: CultureRequest, to: str, now: datetime, resume_from: str | None
) -> dict:
    """The norm columns after `request` (locked, still in its old status) moves to `to`.

    `resume_from` is the status the request was in before it started waiting, when it leaves
    "waiting" now; the caller reads it from the timeline.
    """
    fields = {}
    if request.norm_deadline is not None and request.norm_deadline <= now:
        fields["norm_missed"] = True
    if to == Status.WAITING:
        if request.norm_deadline is not None:
            fields["norm_remaining_days"] = remaining_days(request.norm_deadline, now)
        fields["norm_deadline"] = None
        return fields
    if request.status == Status.WAITING and request.norm_remaining_days is not None and to == resume_from:
        fields["norm_deadline"] = deadline_after(now, request.norm_remaining_days)
    else:
        days = norm_days(request.requester_kind, to)
        fields["norm_deadline"] = deadline_after(now, days) if days is not None else None
    fields["norm_remaining_days"] = None
    return fields


@transaction.atomic
def norm_set(*, requester_kind: str, status: str, working_days: int, by=None) -> ServiceNorm:
    """Create or change a norm; the open requests it governs are recomputed after commit."""
    norm, _created = ServiceNorm.objects.update_or_create(
        requester_kind=requester_kind, status=status, defaults={"working_days": working_days}
    )
    norm_changed(norm=norm, by=by)
    return norm


def norm_changed(*, norm: ServiceNorm, by=None) -> None:
    """Log the change and enqueue the recompute after commit (the admin saves a norm itself and calls this)."""
    audit_record(
        action=ACTION_NORM_CHANGED,
        by=by,
        target=norm,
        detail={"kind": norm.requester_kind, "status": norm.status, "days": norm.working_days},
    )
    enqueue_on_commit("requests.tasks.recompute_norm_deadlines", norm.requester_kind, norm.status)


def norm_recompute(*, requester_kind: str, status: str) -> int:
    """Give every request of this kind in this status the deadline its norm gives now.

    Counted from `status_changed_at` (when it entered the status), so a rerun writes the same
    values. One UPDATE per calendar day of entry, not one per request. Returns the rows changed.
    """
    days = norm_days(requester_kind, status)
    requests = CultureRequest.objects.filter(requester_kind=requester_kind, status=status)
    if days is None:
        return requests.exclude(norm_deadline=None).update(norm_deadline=None)
    changed = 0
    for day in requests.datetimes("status_changed_at", "day"):
        local_day = timezone.localtime(day).date()
        deadline = _start_of(add_working_days(local_day, days))
        on_day = requests.filter(
            status_changed_at__gte=_start_of(local_day),
            status_changed_at__lt=_start_of(local_day + timedelta(days=1)),
        )
        changed += on_day.exclude(norm_deadline=deadline).update(norm_deadline=deadline)
    return changed


def due_this_week_end(now: datetime) -> datetime:
    """The start of next Monday: "deze week" runs from now to the end of this Sunday."""
    today = timezone.localdate(now)
    return _start_of(today + timedelta(days=7 - today.weekday()))
