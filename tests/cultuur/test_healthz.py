import pytest

from cultuur.tasks import record_heartbeat

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_broker_without_login(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["ok"] and body["broker"]["ok"]


def test_healthz_answers_503_when_the_broker_is_unreachable(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["broker"]["ok"] is False


def test_the_readiness_probe_stays_ready_without_the_broker_but_says_so(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/healthz?probe=ready")
    assert response.status_code == 200
    assert response.json()["status"] == "unavailable" and response.json()["broker"]["ok"] is False


def test_healthz_shows_the_last_heartbeat(client):
    record_heartbeat.delay()
    assert client.get("/healthz").json()["last_heartbeat"] is not None


def test_the_heartbeat_task_counts_every_beat():
    from cultuur.models import WorkerHeartbeat

    record_heartbeat.delay()
    record_heartbeat.delay()
    assert WorkerHeartbeat.objects.get(name="beat").beats == 2
