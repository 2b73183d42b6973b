"""Quality marks: the reads (scoped by the viewer) and the writes (`mark_<verb>(*, ..., by)`).

A maker adds and edits their own marks; every change waits for staff to verify it again. Staff
verify or reject. The beat task reminds the maker 60 and 14 days before a mark expires, once per
stage: the stage is claimed with a conditional update before the e-mail is enqueued."""

import datetime
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch, Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from cultuur import mail
from cultuur.queue import enqueue_on_commit
from makers.models import Maker, QualityMark
from makers.models.marks import shown_on
from makers.selectors import can_edit_maker, can_read_everything, is_directory_editor

log = logging.getLogger("makers")

FIELDS = ["kind", "title", "issuer", "issued_on", "expires_on", "certificate_reference", "certificate_url"]


class MarkError(Exception):
    """A write on a quality mark that is refused; the message is Dutch and safe to show."""


# --- Reads ------------------------------------------------------------------------------------


def shown_marks_prefetch(day: datetime.date | None = None) -> Prefetch:
    """The verified marks in force, as `maker.shown_marks`: one query for a whole page of makers."""
    return Prefetch(
        "quality_marks",
        queryset=QualityMark.objects.shown(day).order_by("kind", "expires_on"),
        to_attr="shown_marks",
    )


def marks_visible_to(user) -> QuerySet[QualityMark]:
    """Staff: every mark. A maker: their own, and what the public sees. Others: what the public sees
    (verified marks in force of published makers)."""
    marks = QualityMark.objects.select_related("maker", "verified_by")
    public = shown_on(timezone.localdate()) & Q(maker__status=Maker.Status.PUBLISHED)
    if can_read_everything(user):
        return marks
    if getattr(user, "is_authenticated", False):
        return marks.filter(public | Q(maker__user=user))
    return marks.filter(public)


def marks_editable_by(user) -> QuerySet[QualityMark]:
    if is_directory_editor(user):
        return QualityMark.objects.select_related("maker")
    if getattr(user, "is_authenticated", False):
        return QualityMark.objects.filter(maker__user=user).select_related("maker")
    return QualityMark.objects.none()


def marks_of(maker: Maker) -> QuerySet[QualityMark]:
    return QualityMark.objects.filter(maker=maker).select_related("verified_by").order_by("-expires_on", "pk")


def marks_to_verify() -> QuerySet[QualityMark]:
    """Marks waiting for staff: not verified, not rejected, not yet expired."""
    return (
        QualityMark.objects.filter(verified_at__isnull=True, rejection_reason="")
        .filter(expires_on__gt=timezone.localdate())
        .select_related("maker")
        .order_by("created_at", "pk")
    )


# --- Writes -----------------------------------------------------------------------------------


def _log(action: str, mark: QualityMark, by) -> None:
    log.info("%s id=%s by=%s", action, mark.pk, getattr(by, "pk", None))


@transaction.atomic
def mark_save(*, mark: QualityMark, by) -> QualityMark:
    """Create or change a mark. Any change by the maker waits for verification again; a new expiry
    date starts the reminders afresh."""
    if not can_edit_maker(by, mark.maker):
        raise PermissionDenied(_("Je kunt alleen keurmerken van je eigen profiel beheren."))
    previous = QualityMark.objects.filter(pk=mark.pk).first() if mark.pk else None
    mark.full_clean()
    changed = previous is None or any(getattr(previous, f) != getattr(mark, f) for f in FIELDS)
    if changed and not is_directory_editor(by):
        mark.verified_at, mark.verified_by, mark.rejection_reason = None, None, ""
    if previous is not None and previous.expires_on != mark.expires_on:
        mark.reminder_stage, mark.reminded_at = None, None
    mark.save()
    _log("makers.mark.saved", mark, by)
    return mark


@transaction.atomic
def mark_verify(*, mark: QualityMark, by) -> QualityMark:
    if not is_directory_editor(by):
        raise PermissionDenied(_("Alleen medewerkers van het cultuurcentrum kunnen dit doen."))
    if mark.expires_on <= timezone.localdate():
        raise MarkError(_("Dit keurmerk is verlopen en kan niet meer worden goedgekeurd."))
    mark.verified_at, mark.verified_by, mark.rejection_reason = timezone.now(), by, ""
    mark.save(update_fields=["verified_at", "verified_by", "rejection_reason", "updated_at"])
    _log("makers.mark.verified", mark, by)
    return mark


@transaction.atomic
def mark_reject(*, mark: QualityMark, reason: str, by) -> QualityMark:
    if not is_directory_editor(by):
        raise PermissionDenied(_("Alleen medewerkers van het cultuurcentrum kunnen dit doen."))
    if not reason.strip():
        raise MarkError(_("Schrijf waarom het keurmerk niet klopt; de maker ziet die uitleg."))
    mark.verified_at, mark.verified_by, mark.rejection_reason = None, None, reason.strip()
    mark.save(update_fields=["verified_at", "verified_by", "rejection_reason", "updated_at"])
    _log("makers.mark.rejected", mark, by)
    return mark


@transaction.atomic
def mark_delete(*, mark: QualityMark, by) -> None:
    if not can_edit_maker(by, mark.maker):
        raise PermissionDenied(_("Je kunt alleen keurmerken van je eigen profiel beheren."))
    _log("makers.mark.deleted", mark, by)
    mark.delete()


def _stage_for(days_left: int) -> int | None:
    due = [days for days in QualityMark.REMINDER_DAYS if days_left <= days]
    return min(due) if due else None


def marks_remind_expiring(*, today: datetime.date | None = None) -> int:
    """Claim every due reminder stage and enqueue its e-mail; returns how many were claimed.

    A mark 10 days from expiry that was never reminded gets the 14-day reminder only. The claim is a
    conditional update, so a rerun or a second worker claims nothing twice."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=max(QualityMark.REMINDER_DAYS))
    candidates = QualityMark.objects.filter(
        expires_on__gt=today, expires_on__lte=horizon, maker__user__isnull=False
    ).values_list("pk", "expires_on", "reminder_stage")
    claimed = 0
    for pk, expires_on, reminded in candidates:
        stage = _stage_for((expires_on - today).days)
        if stage is None or (reminded is not None and reminded <= stage):
            continue
        with transaction.atomic():
            won = (
                QualityMark.objects.filter(pk=pk)
                .filter(Q(reminder_stage__isnull=True) | Q(reminder_stage__gt=stage))
                .update(reminder_stage=stage, reminded_at=timezone.now())
            )
            if won:
                claimed += 1
                enqueue_on_commit("makers.tasks.send_mark_reminder", mark_id=pk, stage=stage)
    return claimed


def mark_reminder_send(*, mark_id: int, stage: int) -> None:
    mark = QualityMark.objects.select_related("maker__user").filter(pk=mark_id).first()
    if mark is None or mark.maker.user is None or not mark.maker.user.email:
        return
    context = {"mark": mark, "stage": stage, "site_url": settings.SITE_URL}
    mail.send(
        subject=render_to_string("makers/email/mark_reminder_subject.txt", context).strip(),
        body=render_to_string("makers/email/mark_reminder_body.txt", context),
        to=[mark.maker.user.email],
        language="nl",
    )
