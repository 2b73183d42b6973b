import uuid

import pytest

from cultuur.models import WorkerHeartbeat
from cultuur.tasks import record_heartbeat
from tests.stack.conftest import wait_for

pytestmark = [pytest.mark.stack, pytest.mark.django_db(transaction=True)]


def test_a_task_travels_through_redis_to_a_real_worker_and_writes_to_the_database(celery_worker):
    name = f"ci-{uuid.uuid4().hex[:8]}"
    record_heartbeat.apply_async(kwargs={"name": name}, queue=celery_worker.queue)
    assert wait_for(lambda: WorkerHeartbeat.objects.filter(name=name).exists(), timeout=60), (
        "the worker never ran it"
    )
    assert WorkerHeartbeat.objects.get(name=name).beats == 1


def test_healthz_reports_a_stopped_redis_as_503(client, own_redis, settings):
    process, url = own_redis
    settings.CELERY_BROKER_URL = url
    up = client.get("/healthz")
    assert up.status_code == 200, up.content
    assert up.json()["database"]["detail"] == "postgresql"
    process.terminate()
    process.wait(timeout=10)
    down = client.get("/healthz")
    assert down.status_code == 503
    assert down.json()["broker"]["ok"] is False
    assert down.json()["database"]["ok"] is True


def test_a_task_that_fails_in_a_real_worker_is_listed_for_admins(celery_worker):
    from cultuur.models import FailedTask
    from cultuur.tasks import always_fails

    reason = f"ci-failure-{uuid.uuid4().hex[:8]}"
    always_fails.apply_async(args=[reason], queue=celery_worker.queue)
    assert wait_for(lambda: FailedTask.objects.filter(exception__contains=reason).exists(), timeout=60)
