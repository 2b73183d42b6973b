"""The read replica: heavy read-only pages read from it, writes and the reads right after them from the primary.

No real streaming replication runs here, so the test's "replica" is a second, separate database of
the same engine (on PostgreSQL: test_<name>_replica on the same server). Rows are put in only one of
the two on purpose: what a page shows, and which connection ran its queries, tells where it read.
"""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cultuur.replica import PIN_COOKIE, replica_reads
from makers.models import Maker, PublicationStatus
from tests.factories import PASSWORD, UserFactory
from tests.makers.factories import MakerFactory, discipline

pytestmark = pytest.mark.django_db(databases=["default", "replica"])


@pytest.fixture
def replica_maker():
    # Only on the replica: the directory can show it only by reading there.
    return Maker.objects.using("replica").create(
        name="Atelier Alleen-op-de-replica",
        slug="atelier-replica",
        short_description="Alleen in de tweede database.",
        status=PublicationStatus.PUBLISHED,
        rate_per_hour_cents=7000,
    )


@pytest.fixture
def routed(settings, replica_maker):
    """Routing as settings.py installs it when DATABASE_REPLICA_URL is set (after the rows are in)."""
    settings.DATABASE_ROUTERS = ["cultuur.replica.ReplicaRouter"]
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "cultuur.replica.PrimaryPinMiddleware"]
    MakerFactory(name="Theater Alleen-op-de-primary", slug="theater-primary")


def _names(response) -> set[str]:
    return {maker.name for maker in response.context["page"].object_list}


def test_the_public_directory_reads_from_the_replica(client, routed):
    with (
        CaptureQueriesContext(connections["replica"]) as on_replica,
        CaptureQueriesContext(connections["default"]) as on_primary,
    ):
        response = client.get(reverse("makers:maker_list"))
    assert response.status_code == 200
    assert _names(response) == {"Atelier Alleen-op-de-replica"}
    assert any('"makers_maker"' in q["sql"] for q in on_replica.captured_queries)
    assert not any('"makers_maker"' in q["sql"] for q in on_primary.captured_queries)


def test_after_a_write_the_next_request_of_that_browser_reads_the_primary(client, routed):
    user = UserFactory(roles=["maker"])
    client.login(email=user.email, password=PASSWORD)
    response = client.post(
        reverse("makers:maker_create"),
        {
            "name": "Studio Net-opgeslagen",
            "kind": "freelancer",
            "disciplines": [discipline("muziek").pk],
            "short_description": "Zojuist bewaard.",
            "contact_preference": "via_centre",
            "whole_municipality": "on",
            "rate_per_hour": "60",
        },
    )
    assert response.status_code == 302
    assert Maker.objects.using("default").filter(name="Studio Net-opgeslagen").exists()
    assert not Maker.objects.using("replica").filter(name="Studio Net-opgeslagen").exists()
    assert PIN_COOKIE in response.cookies

    pinned = client.get(reverse("makers:maker_list"))
    assert _names(pinned) == {"Theater Alleen-op-de-primary"}  # the primary: no replica-only row

    client.cookies[PIN_COOKIE] = "0"  # the pin has run out
    assert _names(client.get(reverse("makers:maker_list"))) == {"Atelier Alleen-op-de-replica"}


def test_a_write_goes_to_the_primary_and_later_reads_of_that_request_follow_it(routed):
    with replica_reads():
        assert Maker.objects.filter(slug="atelier-replica").exists()  # read on the replica
        written = Maker.objects.create(name="Koor Nieuw", slug="koor-nieuw", rate_per_hour_cents=5000)
        assert written._state.db == "default"
        assert Maker.objects.filter(slug="koor-nieuw").exists()  # read after the write: the primary
        assert not Maker.objects.filter(slug="atelier-replica").exists()
    assert not Maker.objects.using("replica").filter(slug="koor-nieuw").exists()


def test_the_dashboard_and_its_exports_read_from_the_replica(client, routed):
    manager = UserFactory(roles=["manager"])
    client.force_login(manager)
    for url in (reverse("impact:dashboard"), reverse("impact:maex_csv")):
        with CaptureQueriesContext(connections["replica"]) as on_replica:
            response = client.get(url)
        assert response.status_code == 200, url
        assert any('"impact_' in q["sql"] for q in on_replica.captured_queries), url


def test_sign_in_and_roles_are_read_from_the_primary_on_a_replica_page(client, routed):
    # The manager exists only on the primary; a replica page still knows who they are.
    client.force_login(UserFactory(roles=["manager"]))
    assert client.get(reverse("impact:dashboard")).status_code == 200


def _settings_in_a_fresh_process(**env) -> dict:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DATABASE_REPLICA")}
    script = (
        "import json; from django.conf import settings as s; print(json.dumps({'aliases': sorted(s.DATABASES),"
        " 'routers': s.DATABASE_ROUTERS, 'pin': 'cultuur.replica.PrimaryPinMiddleware' in s.MIDDLEWARE,"
        " 'read_only': s.DATABASES.get('replica', {}).get('OPTIONS', {}).get('options')}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        cwd=settings.BASE_DIR,
        env={**clean, "DJANGO_SETTINGS_MODULE": "cultuur.settings", "SECRET_KEY": "x" * 50, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.django_db(databases=[])
def test_without_a_replica_url_there_is_one_database_and_no_router():
    assert _settings_in_a_fresh_process() == {
        "aliases": ["default"],
        "routers": [],
        "pin": False,
        "read_only": None,
    }
    configured = _settings_in_a_fresh_process(DATABASE_REPLICA_URL="postgres://reader@replica:5432/cultuur")
    assert configured == {
        "aliases": ["default", "replica"],
        "routers": ["cultuur.replica.ReplicaRouter"],
        "pin": True,
        "read_only": "-c default_transaction_read_only=on",
    }
