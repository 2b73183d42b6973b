"""Killing the worker in the middle of a batch of reminders loses none and sends none twice."""

import email
import time
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from requests.models import CultureRequest, Notification
from requests.reminders import notifications_resend
from requests.tasks import run_reminders
from tests.factories import DistrictFactory, UserFactory, advisor_in
from tests.requests.factories import CultureRequestFactory
from tests.stack.conftest import Worker, require_stack, wait_for

pytestmark = [pytest.mark.stack, pytest.mark.django_db(transaction=True)]

REQUESTS = 15  # each gets a first-contact reminder and an escalation: 30 e-mails


def _sent_subjects(folder: Path) -> list[str]:
    subjects = []
    for path in folder.glob("*.log"):
        # The file backend appends every message of a connection to one file, separated by a line of dashes.
        for chunk in path.read_text().split("-" * 79):
            if chunk.strip():
                subjects.append(email.message_from_string(chunk.strip()).get("Subject", ""))
    return subjects


def test_killing_the_worker_mid_batch_loses_no_reminder_and_sends_none_twice(tmp_path):
    require_stack()
    district = DistrictFactory()
    advisor_in(district), advisor_in(district)
    UserFactory(roles=["manager"])
    long_ago = timezone.now() - timedelta(days=14)
    for _ in range(REQUESTS):
        request = CultureRequestFactory(district=district)
        # Reminders read the stored norm deadline (requests.norms), so it is moved back too.
        CultureRequest.objects.filter(pk=request.pk).update(created_at=long_ago, norm_deadline=long_ago)

    queue = f"kill-{uuid.uuid4().hex[:8]}"
    mail_dir = tmp_path / "mail"
    env = {
        "EMAIL_BACKEND": "tests.stack.slow_mail.SlowFileBackend",
        "TEST_MAIL_DIR": str(mail_dir),
        "SLOW_MAIL_SECONDS": "0.4",
        "CELERY_VISIBILITY_TIMEOUT": "3",
        "REQUESTS_SEND_LEASE_SECONDS": "5",
        "CELERY_TASK_DEFAULT_QUEUE": queue,
    }
    first = Worker(settings.CELERY_BROKER_URL, queue=queue, env=env)
    try:
        run_reminders.apply_async(queue=queue)
        sent = Notification.objects.filter(sent_at__isnull=False)
        assert wait_for(lambda: sent.count() >= 5, timeout=90), "the batch never started"
        first.kill()
        killed_at = sent.count()
        assert killed_at < 2 * REQUESTS, "the worker finished before it was killed: slow the mail down"
    finally:
        if first.process.poll() is None:
            first.kill()
        print(first.process.stdout.read())

    second = Worker(settings.CELERY_BROKER_URL, queue=queue, env=env)
    try:
        # Redelivered tasks finish the batch; a send whose worker died mid-way keeps its lease
        # (5 s here) and is then picked up by the periodic resend, run here as if 15 minutes passed.
        wait_for(lambda: sent.count() == 2 * REQUESTS, timeout=30)
        time.sleep(6)
        notifications_resend(now=timezone.now() + timedelta(minutes=16))
        assert wait_for(lambda: sent.count() == 2 * REQUESTS, timeout=120), (
            f"lost: {2 * REQUESTS - sent.count()}"
        )
    finally:
        print(second.stop())

    subjects = _sent_subjects(mail_dir)
    assert len(subjects) == 2 * REQUESTS, "every reminder exactly once"
    assert len(set(subjects)) == 2 * REQUESTS
    print(f"worker killed after {killed_at} of {2 * REQUESTS} e-mails; lost 0, doubled 0")
