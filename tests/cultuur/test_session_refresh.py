"""A session is saved when it changes or once per SESSION_REFRESH_SECONDS, not on every request."""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from cultuur.middleware import SESSION_TOUCHED_KEY
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _session(client):
    return Session.objects.get(session_key=client.cookies["sessionid"].value)


@pytest.fixture
def signed_in(client):
    client.force_login(UserFactory(roles=["manager"]))
    client.get("/dashboard/")
    return client


def test_a_page_within_the_refresh_interval_does_not_write_the_session(
    signed_in, django_assert_max_num_queries
):
    before = _session(signed_in).expire_date

    with django_assert_max_num_queries(30) as queries:
        assert signed_in.get("/dashboard/").status_code == 200

    assert not [
        q for q in queries.captured_queries if q["sql"].startswith("UPDATE") and "session" in q["sql"]
    ]
    assert _session(signed_in).expire_date == before


def test_a_page_after_the_refresh_interval_moves_the_idle_timeout(signed_in, settings):
    session = signed_in.session
    session[SESSION_TOUCHED_KEY] -= settings.SESSION_REFRESH_SECONDS
    session.save()
    soon = timezone.now() + datetime.timedelta(hours=1)
    Session.objects.filter(session_key=session.session_key).update(expire_date=soon)

    response = signed_in.get("/dashboard/")

    assert response.status_code == 200
    assert _session(signed_in).expire_date > soon + datetime.timedelta(hours=6)
    assert response.cookies["sessionid"]["max-age"] == settings.SESSION_COOKIE_AGE


def test_an_idle_session_expires_and_the_user_must_sign_in_again(signed_in):
    Session.objects.filter(session_key=signed_in.cookies["sessionid"].value).update(
        expire_date=_session(signed_in).expire_date.replace(year=2000)
    )

    response = signed_in.get("/dashboard/")

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_anonymous_visit_creates_no_session(client):
    client.get("/vraag/")

    assert Session.objects.count() == 0
