"""Outgoing e-mail for requests, each sent exactly once.

A Notification row is created inside the business transaction (its unique key is the claim), the
send task is enqueued on commit, and the send itself takes a short lease with a conditional
update so that a rerun, a retry or a second worker never sends the same row twice. A failed
send clears the lease and raises, so Celery retries it; the request itself is never touched.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from cultuur import mail
from cultuur.queue import enqueue
from cultuur.roles import Role
from requests.inbound import reply_address
from requests.models import CultureRequest, Message, Notification, NotificationKind, RequestMerge

logger = logging.getLogger(__name__)

# Longer than any send can take (EMAIL_TIMEOUT); a send whose worker died is taken over after it.
LEASE = timedelta(seconds=settings.REQUESTS_SEND_LEASE_SECONDS)


def notification_queue(*, request: CultureRequest, kind: str, key: str = "") -> Notification | None:
    """Record that this e-mail must go out and send it after commit; None when it was already recorded."""
    try:
        with transaction.atomic():
            notification = Notification.objects.create(request=request, kind=kind, key=key)
    except IntegrityError:
        return None
    transaction.on_commit(lambda: _enqueue(notification.pk), robust=True)
    return notification


def _enqueue(notification_id: int) -> None:
    enqueue("requests.tasks.send_notification", notification_id)


def notification_send(*, notification_id: int) -> bool:
    """Send one notification if nobody sent or is sending it; True when this call sent it."""
    now = timezone.now()
    claimed = (
        Notification.objects.filter(pk=notification_id, sent_at__isnull=True)
        .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - LEASE))
        .update(claimed_at=now, attempts=F("attempts") + 1)
    )
    if not claimed:
        return False
    notification = Notification.objects.select_related("request__district", "request__owner").get(
        pk=notification_id
    )
    try:
        subject, body, recipients = render_notification(notification)
        if recipients:
            mail.send(
                subject=subject, body=body, to=recipients, language="nl", reply_to=reply_to(notification)
            )
    except Exception as exc:
        Notification.objects.filter(pk=notification_id, claimed_at=now).update(
            claimed_at=None, last_error=str(exc)[:300]
        )
        raise
    Notification.objects.filter(pk=notification_id, claimed_at=now).update(
        sent_at=timezone.now(), last_error=""
    )
    return True


def notifications_unsent(*, now=None, older_than=None, max_attempts=20):
    """Notifications whose send failed for good (retries exhausted, worker lost, broker down when they
    were enqueued): to be enqueued again."""
    now = now or timezone.now()
    if older_than is None:
        older_than = timedelta(seconds=settings.REQUESTS_RESEND_AFTER_SECONDS)
    return Notification.objects.filter(
        sent_at__isnull=True, created_at__lt=now - older_than, attempts__lt=max_attempts
    ).filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - LEASE))


def status_url(request: CultureRequest) -> str:
    return settings.SITE_URL + reverse("requests:status", args=[request.status_token])


def _staff_emails(users) -> list[str]:
    return sorted({user.email for user in users if user.email and user.is_active})


# E-mails to the asker; they carry the request's reply address so that an answer lands on it.
TO_ASKER = frozenset(
    {
        NotificationKind.CONFIRMATION,
        NotificationKind.MESSAGE,
        NotificationKind.EVALUATION,
        NotificationKind.WAITING_REMINDER,
        NotificationKind.MERGED,
    }
)


def reply_to(notification: Notification) -> list[str]:
    if notification.kind not in TO_ASKER:
        return []
    address = reply_address(notification.request.reply_token)
    return [address] if address else []


def _recipients(notification: Notification) -> list[str]:
    request = notification.request
    kind = notification.kind
    if kind in TO_ASKER:
        return [request.requester_email] if request.requester_email else []
    team = get_user_model().objects.filter(team_memberships__district=request.district)
    if kind == NotificationKind.FIRST_CONTACT:
        return _staff_emails(team)
    if kind == NotificationKind.ESCALATION:
        return _staff_emails(get_user_model().objects.filter(groups__name=Role.MANAGER.value))
    if kind in (NotificationKind.NUDGE, NotificationKind.REPLY, NotificationKind.WAITING_OWNER):
        return _staff_emails([request.owner] if request.owner else team)
    return []


def render_notification(notification: Notification) -> tuple[str, str, list[str]]:
    request = notification.request
    context = {
        "request": request,
        "replies_by_email": bool(settings.INBOUND_EMAIL_DOMAIN),
        "status_url": status_url(request),
        "board_url": settings.SITE_URL + reverse("requests:detail", args=[request.reference]),
        "evaluation_url": settings.SITE_URL + reverse("requests:evaluate", args=[request.status_token]),
    }
    if notification.kind in (NotificationKind.MESSAGE, NotificationKind.REPLY):
        context["message"] = Message.objects.get(pk=int(notification.key))
    if notification.kind == NotificationKind.MERGED:
        merge = RequestMerge.objects.select_related("primary").filter(request=request).first()
        context["merge_primary"] = merge.primary if merge else None
    # Letters to the asker are Dutch (B1) whatever language the worker runs in.
    with translation.override("nl"):
        text = render_to_string(f"requests/email/{notification.kind}.txt", context)
    subject, _sep, body = text.strip().partition("\n")
    return subject.strip(), body.strip() + "\n", _recipients(notification)
