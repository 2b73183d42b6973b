"""The benchmark floors and the query-count header exist only when BENCH_FLOORS is on (issue 11)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import path

from cultuur.roles import Role
from cultuur.site import urls as project_urls
from cultuur.site.bench_views import QueryCountMiddleware, framework_floor, page_floor
from tests.factories import UserFactory
from tests.requests.factories import CultureRequestFactory

pytestmark = pytest.mark.django_db


def test_the_floors_are_not_mounted_by_default(client, settings):
    assert settings.BENCH_FLOORS is False

    assert client.get("/bench/floor/text/").status_code == 404
    assert client.get("/bench/floor/page/").status_code == 404
    assert "X-Query-Count" not in client.get("/vraag/")


def test_the_query_count_header_counts_every_statement_with_debug_off():
    def view(request):
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.execute("SELECT 2")
        return HttpResponse("ok")

    response = QueryCountMiddleware(view)(RequestFactory().get("/"))

    assert response["X-Query-Count"] == "2"


def test_the_page_floor_reads_25_rows_in_one_query(django_assert_num_queries):
    CultureRequestFactory.create_batch(30)
    request = RequestFactory().get("/bench/floor/page/")
    request.user = AnonymousUser()

    with django_assert_num_queries(1):
        response = page_floor(request)

    assert response.content.decode().count("<tr><td>CV-") == 25


# The floors through the whole middleware stack, signed in, as the bench measures them.
urlpatterns = [
    path("bench/floor/text/", framework_floor),
    path("bench/floor/page/", page_floor),
    *project_urls.urlpatterns,
]


@pytest.fixture
def signed_in_manager(client):
    client.force_login(UserFactory(roles=[Role.MANAGER]))
    client.get("/bench/floor/page/")  # the first read after login stamps the session
    return client


@pytest.mark.urls(__name__)
def test_the_framework_floor_runs_no_query_signed_in(signed_in_manager, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = signed_in_manager.get("/bench/floor/text/")

    assert response.content == b"ok"


@pytest.mark.urls(__name__)
def test_the_page_floor_signed_in_reads_session_user_roles_and_rows(
    signed_in_manager, django_assert_num_queries
):
    CultureRequestFactory.create_batch(3)

    # session, user, the user's groups (the menu), the 25 rows; no session write.
    with django_assert_num_queries(4):
        response = signed_in_manager.get("/bench/floor/page/")

    assert response.content.decode().count("<tr><td>CV-") == 3
