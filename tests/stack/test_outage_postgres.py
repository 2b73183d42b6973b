"""Drill: PostgreSQL restarted under load (issue 18).

A throw-away PostgreSQL cluster of the drill's own (initdb, pg_ctl), migrated, served by a live
gunicorn; residents keep sending the public form while the cluster is stopped and started again.
While it is away they get the Dutch 503 page with Retry-After (never a 500), and send again as
it asks; afterwards every stored request is whole (its timeline event and its confirmation were
written in the same transaction) and none is stored twice.
"""

import os
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter

import psycopg
import pytest

from tests.stack.conftest import BASE_DIR, require_stack, wait_for
from tests.stack.drill import PostgresCluster, Redis, Resident, WebServer, web_env

pytestmark = [pytest.mark.stack]

CLIENTS = 4
OUTAGE_503S = 4  # the database stays away until residents have seen this many 503 pages (or 60 s)


def _resident_loop(server_url, first_number, done, tally, lock):
    number = first_number
    while not done.is_set():
        resident = Resident(server_url, number)
        number += CLIENTS
        try:
            opened = resident.open_form()
        except OSError:
            opened = "no answer"
        if opened != 200:
            with lock:
                tally["form not shown: " + str(opened)] += 1
            time.sleep(0.3)
            continue
        for _attempt in range(40):  # a person who sees "try again" sends the same form again
            try:
                status, headers, body = resident.send()
            except OSError:
                status, headers, body = "no answer", {}, ""
            with lock:
                tally[f"answer {status}"] += 1
                if status == 503:
                    tally["503 with Retry-After"] += int("Retry-After" in headers)
                    tally["503 in Dutch"] += int("Even niet beschikbaar" in body)
            if status == 302:
                with lock:
                    tally["sent"] += 1
                    tally.setdefault("emails", []).append(resident.email)
                break
            time.sleep(0.5)
        else:
            with lock:
                tally["gave up"] += 1


def test_postgresql_restarted_under_load_answers_503_and_leaves_no_half_written_request(tmp_path):
    require_stack()
    started = time.monotonic()
    cluster = PostgresCluster()
    redis = Redis(tmp_path)
    web = None
    try:
        with psycopg.connect(cluster.url("postgres"), autocommit=True) as admin:
            admin.execute("CREATE DATABASE drill")
        env = web_env(
            database_url=cluster.url("drill"),
            broker_url=redis.url(10),
            queue=f"drill-{uuid.uuid4().hex[:8]}",  # nobody sends: this drill counts rows
            mail_dir=tmp_path / "mail",
        )
        migrate_env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", **env}
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--no-input", "-v0"],
            cwd=BASE_DIR,
            env=migrate_env,
            check=True,
            timeout=300,
        )
        migrated_at = time.monotonic()
        web = WebServer({**env, "DATABASE_CONN_MAX_AGE": "60"}, log=tmp_path / "gunicorn.log")

        tally, lock, done = Counter(), threading.Lock(), threading.Event()
        clients = [
            threading.Thread(target=_resident_loop, args=(web.url, n, done, tally, lock))
            for n in range(CLIENTS)
        ]
        for client in clients:
            client.start()
        try:
            # Steps wait for what the residents saw, not for the clock: CI machines differ in speed.
            assert wait_for(lambda: tally["sent"] >= CLIENTS, 120, 0.1), "no submission before the restart"
            cluster.stop()
            stopped_at = time.monotonic()
            wait_for(lambda: tally["answer 503"] + tally["form not shown: 503"] >= OUTAGE_503S, 60, 0.1)
            cluster.start()
            down_for = time.monotonic() - stopped_at
            after_restart = tally["sent"]
            assert wait_for(lambda: tally["sent"] >= after_restart + CLIENTS, 120, 0.1), "no recovery"
        finally:
            done.set()
            for client in clients:
                client.join(timeout=120)
        assert not any(client.is_alive() for client in clients), "a client hung"
    finally:
        log = web.stop() if web else ""
        redis.stop()
        print(log[-4000:])
        if sys.exc_info()[0] is not None:
            cluster.remove()

    with psycopg.connect(cluster.url("drill")) as db:
        stored = db.execute(
            "SELECT requester_email FROM requests_culturerequest WHERE requester_email LIKE %s",
            ["%@drill.example"],
        ).fetchall()
        without_event = db.execute(
            "SELECT count(*) FROM requests_culturerequest r WHERE NOT EXISTS "
            "(SELECT 1 FROM requests_requestevent e WHERE e.request_id = r.id)"
        ).fetchone()[0]
        without_confirmation = db.execute(
            "SELECT count(*) FROM requests_culturerequest r WHERE r.requester_email <> '' AND NOT EXISTS "
            "(SELECT 1 FROM requests_notification n WHERE n.request_id = r.id AND n.kind = 'confirmation')"
        ).fetchone()[0]
    cluster.remove()

    per_person = Counter(email for (email,) in stored)
    doubled = sum(count - 1 for count in per_person.values())
    answers = {key: value for key, value in tally.items() if key.startswith(("answer", "form", "503"))}
    print(
        f"\nPOSTGRESQL DRILL: submissions sent {tally['sent']} (gave up {tally['gave up']}), "
        f"stored {len(stored)}, doubled {doubled}, half-written {without_event + without_confirmation}, "
        f"database down {down_for:.1f} s, answers {dict(sorted(answers.items()))}, "
        f"drill took {time.monotonic() - started:.0f} s (migrating {migrated_at - started:.0f} s)"
    )
    assert tally["answer 500"] == 0 and tally["form not shown: 500"] == 0, "a 500 instead of the 503 page"
    assert tally["answer 503"] + tally["form not shown: 503"] > 0, (
        "the restart was not felt: the drill tested nothing"
    )
    assert tally["503 with Retry-After"] == tally["answer 503"]
    assert tally["503 in Dutch"] == tally["answer 503"]
    assert tally["gave up"] == 0
    assert set(tally["emails"]) <= set(per_person), "a resident was thanked but the question is not stored"
    assert doubled == 0
    assert without_event == 0 and without_confirmation == 0
