"""The periodic follow-up: reminders to teams, escalation to managers, nudges, evaluation e-mails.

Each reminder is a Notification with a unique (request, kind, key): the first run to create it
sends it, every later or concurrent run finds it and does nothing.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from cultuur.translated import stored_message
from requests.models import SYSTEM_LABEL, CultureRequest, NotificationKind, RequestEvent
from requests.norms import add_working_days
from requests.notifications import _enqueue, notification_queue, notifications_unsent
from requests.workdays import working_day_cutoff
from requests.workflow import Status

REMINDER_ACTION = "requests.reminder.sent"


def _remind(request, kind, key="", label="") -> bool:
    with transaction.atomic():
        notification = notification_queue(request=request, kind=kind, key=key)
        if notification is None:
            return False
        note, note_key = stored_message(label or NotificationKind(kind).label)
        RequestEvent.objects.create(
            request=request, action=REMINDER_ACTION, actor_label=SYSTEM_LABEL, note=note, note_key=note_key
        )
    return True


def reminders_run(*, now=None) -> dict[str, int]:
    """Find every request that is due a reminder and queue it once. Safe to run at any time, often."""
    now = now or timezone.now()
    n = settings.REQUESTS_FIRST_CONTACT_WORKING_DAYS
    counts = dict.fromkeys(("first_contact", "escalation", "nudge", "evaluation"), 0)
    today = timezone.localdate(now)
    # The stored deadline of the "new" norm (requests.norms), not a count per request: past it,
    # the team is reminded; REQUESTS_FIRST_CONTACT_WORKING_DAYS working days later, the managers.
    late = CultureRequest.objects.filter(
        status=Status.NEW, first_contact_at__isnull=True, norm_deadline__lte=now
    ).select_related("district")
    escalate_from = {}
    for request in late:
        counts["first_contact"] += _remind(request, NotificationKind.FIRST_CONTACT)
        deadline_day = timezone.localdate(request.norm_deadline)
        if deadline_day not in escalate_from:
            escalate_from[deadline_day] = add_working_days(deadline_day, n)
        if escalate_from[deadline_day] <= today:
            counts["escalation"] += _remind(request, NotificationKind.ESCALATION)

    idle_since = now - timedelta(days=settings.REQUESTS_NUDGE_IDLE_DAYS)
    idle = CultureRequest.objects.filter(
        status__in=[Status.MATCHED, Status.IN_PROGRESS], last_action_at__lt=idle_since
    ).select_related("district", "owner")
    for request in idle:
        # Keyed on the last action: a request that goes idle again later gets a new nudge.
        key = request.last_action_at.strftime("%Y%m%d%H%M%S")
        counts["nudge"] += _remind(request, NotificationKind.NUDGE, key=key)

    completed_before = now - timedelta(days=settings.REQUESTS_EVALUATION_AFTER_DAYS)
    done = CultureRequest.objects.filter(status=Status.COMPLETED, status_changed_at__lt=completed_before)
    for request in done.exclude(requester_email="").select_related("district"):
        counts["evaluation"] += _remind(request, NotificationKind.EVALUATION)
    return counts


def notifications_resend(*, now=None) -> int:
    """Enqueue again what failed for longer than its retries lasted; the send itself stays exactly-once."""
    ids = list(notifications_unsent(now=now).values_list("pk", flat=True)[:500])
    for notification_id in ids:
        _enqueue(notification_id)
    return len(ids)


def waiting_sweep(*, now=None) -> dict[str, int]:
    """Requests waiting on the asker: remind the asker once after N working days, then tell the owner
    after N more. Keyed on the moment the wait began, so that a later wait gets its own reminders;
    the unique Notification row is the claim, so reruns and concurrent sweeps do nothing more."""
    now = now or timezone.now()
    n = settings.REQUESTS_WAITING_WORKING_DAYS
    counts = {"asker": 0, "owner": 0}
    waiting = CultureRequest.objects.filter(status=Status.WAITING).select_related("district", "owner")
    for request in waiting.filter(status_changed_at__lt=working_day_cutoff(now, n)).exclude(
        requester_email=""
    ):
        key = request.status_changed_at.strftime("%Y%m%d%H%M%S")
        counts["asker"] += _remind(request, NotificationKind.WAITING_REMINDER, key=key)
    for request in waiting.filter(status_changed_at__lt=working_day_cutoff(now, 2 * n)):
        key = request.status_changed_at.strftime("%Y%m%d%H%M%S")
        counts["owner"] += _remind(request, NotificationKind.WAITING_OWNER, key=key)
    return counts
