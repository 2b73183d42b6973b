"""Drill: Redis stops while residents send the public form (issue 18).

A live gunicorn serves the project against the test database and a Redis of the drill's own
(broker and cache); a real Celery worker sends the e-mails. Redis is stopped while residents
keep sending, and started again empty, as a Redis without persistence comes back. Every question
must be stored, every confirmation sent once: those whose task was lost by the resend run.
"""

import time
import uuid
from collections import Counter

import pytest

from requests.models import CultureRequest, Notification
from requests.tasks import resend_notifications
from tests.stack.conftest import Worker, database_url_of_test_db, require_stack, wait_for
from tests.stack.drill import Redis, Resident, WebServer, sent_mail, web_env

pytestmark = [pytest.mark.stack, pytest.mark.django_db(transaction=True)]

BEFORE, DURING, AFTER = 5, 15, 5


def _submit(residents) -> list[int]:
    statuses = []
    for resident in residents:
        assert resident.open_form() == 200
        status, headers, _body = resident.send()
        statuses.append(status)
        assert status == 302 and headers["Location"].endswith("/vraag/bedankt/"), (status, headers)
    return statuses


def test_redis_stopped_while_residents_submit_loses_no_question_and_sends_every_e_mail_once(tmp_path):
    require_stack()
    started = time.monotonic()

    redis = Redis(tmp_path)
    queue = f"drill-{uuid.uuid4().hex[:8]}"
    mail_dir = tmp_path / "mail"
    env = web_env(
        database_url=database_url_of_test_db(),
        broker_url=redis.url(10),
        cache_url=redis.url(11),
        queue=queue,
        mail_dir=mail_dir,
    )
    # The resend run takes up what is unsent after 3 s instead of 15 minutes, so the drill is short.
    worker_env = {**env, "REQUESTS_RESEND_AFTER_SECONDS": "3", "CELERY_TASK_DEFAULT_QUEUE": queue}
    web = WebServer(env, log=tmp_path / "gunicorn.log")
    worker = Worker(redis.url(10), queue=queue, env=worker_env)
    residents = [Resident(web.url, number) for number in range(BEFORE + DURING + AFTER)]
    try:
        _submit(residents[:BEFORE])
        assert wait_for(lambda: Notification.objects.filter(sent_at__isnull=False).count() == BEFORE, 60)

        redis.stop()
        outage_started = time.monotonic()
        _submit(residents[BEFORE : BEFORE + DURING])
        outage_seconds = time.monotonic() - outage_started
        unsent_in_outage = Notification.objects.filter(sent_at__isnull=True).count()

        redis.start()  # empty: the tasks that could not be queued are not there either
        _submit(residents[BEFORE + DURING :])
        total = len(residents)
        sent = Notification.objects.filter(sent_at__isnull=False)

        def all_sent_after_a_resend() -> bool:
            # The periodic resend (beat runs it every 30 minutes, here every few seconds), through the
            # broker to the worker; it takes up what is unsent and older than 3 s, so the last ones
            # of the outage may need the next run.
            with resend_notifications.app.connection_for_write(redis.url(10)) as connection:
                resend_notifications.apply_async(queue=queue, connection=connection)
            return wait_for(lambda: sent.count() == total, 4)

        assert wait_for(all_sent_after_a_resend, 90, interval=0), (
            f"unsent: {Notification.objects.filter(sent_at__isnull=True).count()}"
        )
        time.sleep(2)  # a doubled send would land now
    finally:
        print(worker.stop()[-3000:])
        print(web.stop()[-3000:])
        redis.stop()

    stored = CultureRequest.objects.filter(requester_email__endswith="@drill.example").count()
    mails = [message for message in sent_mail(mail_dir) if message["To"].endswith("@drill.example")]
    per_person = Counter(message["To"] for message in mails)
    doubled = sum(count - 1 for count in per_person.values())
    print(
        f"\nREDIS DRILL: submissions sent {total} ({DURING} while Redis was down for {outage_seconds:.1f} s), "
        f"stored {stored}, unsent when Redis came back {unsent_in_outage}, e-mails sent {len(mails)}, "
        f"doubled {doubled}, drill took {time.monotonic() - started:.0f} s"
    )
    assert stored == total
    assert set(per_person) == {resident.email for resident in residents}
    assert len(mails) == total and doubled == 0
    assert unsent_in_outage >= DURING, "the outage did not hold up the e-mails: the drill tested nothing"
