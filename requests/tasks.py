from celery import shared_task

from requests import duplicates, my_questions, notifications, reminders, retention


@shared_task(
    autoretry_for=(Exception,),
    retry_backoff=30,
    retry_backoff_max=60 * 60,
    retry_jitter=True,
    max_retries=8,
)
def send_notification(notification_id: int) -> bool:
    return notifications.notification_send(notification_id=notification_id)


@shared_task
def run_reminders() -> dict:
    return reminders.reminders_run()


@shared_task
def sweep_waiting() -> dict:
    return reminders.waiting_sweep()


@shared_task
def resend_notifications() -> int:
    return reminders.notifications_resend()


@shared_task
def anonymise_expired_requests() -> int:
    """Fan out: one task per request, so one failure stops nothing else."""
    ids = list(retention.requests_due_for_anonymisation().values_list("pk", flat=True)[:1000])
    for request_id in ids:
        anonymise_request.delay(request_id)
    return len(ids)


@shared_task(autoretry_for=(Exception,), retry_backoff=60, max_retries=5)
def anonymise_request(request_id: int) -> bool:
    return retention.request_anonymise(request_id=request_id)


@shared_task(autoretry_for=(Exception,), retry_backoff=30, max_retries=5)
def send_my_questions_link(email: str) -> bool:
    return my_questions.my_questions_link_send(email=email)


@shared_task
def delete_expired_question_links() -> int:
    return my_questions.links_expired_delete()


@shared_task
def flag_duplicates(request_id: int) -> list[str]:
    return duplicates.duplicates_flag(request_id=request_id)
