from celery import shared_task

from cultuur import services


@shared_task
def record_heartbeat(name: str = "beat") -> None:
    services.heartbeat_record(name=name)
