from celery import shared_task

from requests import notifications, reminders


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
def resend_notifications() -> int:
    return reminders.notifications_resend()
