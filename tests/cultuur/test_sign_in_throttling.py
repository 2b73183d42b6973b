import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

TOO_MANY = "Te veel inlogpogingen"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def _attempt(client, email, password, ip):
    return client.post(reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=ip)


def test_an_account_is_locked_for_the_hour_after_100_failed_attempts_from_many_addresses(client):
    user = UserFactory()
    for attempt in range(100):
        response = _attempt(
            client, user.email, "wrong-password", ip=f"10.0.{attempt // 200}.{attempt % 200 + 1}"
        )
        assert response.status_code == 200
    blocked = _attempt(client, user.email, PASSWORD, ip="10.9.9.9")  # even the right password
    assert TOO_MANY in blocked.content.decode()
    assert "_auth_user_id" not in client.session


def test_one_address_is_slowed_down_after_10_failed_attempts_a_minute(client):
    for attempt in range(10):
        assert _attempt(client, f"user{attempt}@example.org", "x", ip="10.1.1.1").status_code == 200
    assert TOO_MANY in _attempt(client, "another@example.org", "x", ip="10.1.1.1").content.decode()
    assert TOO_MANY not in _attempt(client, "another@example.org", "x", ip="10.1.1.2").content.decode()


def test_password_reset_requests_are_throttled_per_address(client):
    statuses = [
        client.post(
            reverse("account_reset_password"), {"email": f"x{i}@example.org"}, REMOTE_ADDR="10.2.2.2"
        ).status_code
        for i in range(25)
    ]
    assert 429 in statuses
    assert statuses[0] == 302
