"""Thin tasks: take ids, send one message."""

from celery import shared_task

from makers import marks, notifications


@shared_task
def send_review_result(*, kind: str, pk: int) -> None:
    notifications.review_result(kind=kind, pk=pk)


@shared_task
def send_booking_decision(*, pk: int) -> None:
    notifications.booking_decision(pk=pk)


@shared_task
def send_invitation(*, maker_id: int) -> None:
    notifications.invitation(maker_id=maker_id)


@shared_task
def run_mark_reminders() -> int:
    return marks.marks_remind_expiring()


@shared_task
def send_mark_reminder(*, mark_id: int, stage: int) -> None:
    marks.mark_reminder_send(mark_id=mark_id, stage=stage)
