"""Checks behind GET /healthz: is the database there, does the broker answer, when did beat last run."""

import redis
from django.conf import settings
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
    url = settings.CELERY_BROKER_URL
    if url.startswith(("redis://", "rediss://")):
        # A fresh client each time: kombu keeps pooled connections that outlive a stopped server.
        try:
            client = redis.Redis.from_url(
                url, socket_connect_timeout=BROKER_TIMEOUT_SECONDS, socket_timeout=BROKER_TIMEOUT_SECONDS
            )
            with client:
                client.ping()
        except Exception as exc:
            return False, type(exc).__name__
        return True, "redis"
    try:
        with celery_app.connection_for_write(url) as conn:
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
