"""Checks behind GET /healthz: is the database there, does the broker answer, when did beat last run."""

from django.db import connection

from cultuur.celery import app as celery_app
from cultuur.models import WorkerHeartbeat

BROKER_TIMEOUT_SECONDS = 2


def check_database() -> tuple[bool, str]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any failure means "down", whatever the driver raises
        return False, type(exc).__name__
    return True, connection.vendor


def check_broker() -> tuple[bool, str]:
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=BROKER_TIMEOUT_SECONDS)
            transport = conn.transport_cls
    except Exception as exc:
        return False, type(exc).__name__
    return True, str(transport)


def last_heartbeat() -> str | None:
    try:
        beat = WorkerHeartbeat.objects.filter(name="beat").values_list("last_beat_at", flat=True).first()
    except Exception:
        return None
    return beat.isoformat() if beat else None
