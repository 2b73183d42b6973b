from celery import shared_task

from cultuur import services


@shared_task
def record_heartbeat(name: str = "beat") -> None:
    services.heartbeat_record(name=name)


@shared_task
def always_fails(reason: str) -> None:
    """Used by the tests (and by admins checking the failed-task list): fails with `reason`."""
    raise RuntimeError(reason)
