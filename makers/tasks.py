"""Thin tasks: take ids, send one message."""

import datetime

from celery import shared_task

from makers import booking, marks, notifications, waitlist


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
def expire_holds() -> int:
    """Beat: lapsed holds become "expired" and their slots go to the waiting list."""
    return booking.holds_expire_due()


@shared_task
def expire_waitlist_offers() -> int:
    return waitlist.waitlist_expire_offers()


@shared_task
def offer_freed_slot(*, venue_id: int, date: str, start_time: str, end_time: str) -> None:
    waitlist.waitlist_offer_next(
        venue_id=venue_id,
        date=datetime.date.fromisoformat(date),
        start_time=datetime.time.fromisoformat(start_time),
        end_time=datetime.time.fromisoformat(end_time),
    )


@shared_task
def send_waitlist_offer(*, pk: int) -> None:
    notifications.waitlist_offer(pk=pk)


@shared_task
def run_mark_reminders() -> int:
    return marks.marks_remind_expiring()


@shared_task
def send_mark_reminder(*, mark_id: int, stage: int) -> None:
    marks.mark_reminder_send(mark_id=mark_id, stage=stage)
