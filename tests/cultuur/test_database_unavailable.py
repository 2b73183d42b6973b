"""A view that loses the database answers a clear Dutch 503 with Retry-After (drilled for real in
tests/stack/test_outage_postgres.py, against a PostgreSQL that is restarted)."""

import pytest
from django import db
from django.test import RequestFactory
from django.utils import translation

from cultuur.middleware import DatabaseUnavailableMiddleware


def _middleware():
    return DatabaseUnavailableMiddleware(lambda request: None)


@pytest.mark.parametrize(
    "error", [db.OperationalError("server closed the connection"), db.InterfaceError("closed")]
)
def test_a_lost_database_is_a_dutch_503_with_retry_after(error):
    with translation.override("nl"):  # as LocaleMiddleware sets it for a Dutch visitor
        response = _middleware().process_exception(RequestFactory().post("/vraag/"), error)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Even niet beschikbaar" in response.content.decode()
    assert "Traceback" not in response.content.decode()


def test_the_503_page_is_english_for_an_english_visitor():
    with translation.override("en"):
        response = _middleware().process_exception(RequestFactory().get("/"), db.OperationalError("gone"))
    assert "Briefly unavailable" in response.content.decode()


def test_other_errors_are_left_to_the_500_handler():
    assert _middleware().process_exception(RequestFactory().get("/"), ValueError("bug")) is None
