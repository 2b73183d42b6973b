"""The benchmark floors and the query-count header exist only when BENCH_FLOORS is on (issue 11)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory

from cultuur.site.bench_views import QueryCountMiddleware, page_floor
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
