"""The API lists page by keyset cursors: `next` and `previous` links, no OFFSET, no count."""

import pytest
from rest_framework.test import APIClient

from cultuur.api_pagination import KeysetPagination
from requests.models import CultureRequest
from tests.requests.factories import CultureRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(advisor):
    client = APIClient()
    client.force_authenticate(advisor)
    return client


def _walk(api, url):
    seen, pages = [], 0
    while url:
        body = api.get(url).json()
        assert set(body) == {"next", "previous", "results"}
        seen += [row["reference"] for row in body["results"]]
        pages += 1
        url = body["next"]
    return seen, pages


@pytest.mark.parametrize("sort", ["oudste", "nieuwste", "laatste-actie", "langst-stil"])
def test_following_next_lists_every_request_once_in_order(api, noord, sort):
    CultureRequestFactory.create_batch(KeysetPagination.page_size * 2 + 3, district=noord)
    order = {
        "oudste": ("created_at", "pk"),
        "nieuwste": ("-created_at", "-pk"),
        "laatste-actie": ("-last_action_at", "-pk"),
        "langst-stil": ("last_action_at", "pk"),
    }[sort]

    seen, pages = _walk(api, f"/api/requests/?sort={sort}")

    assert seen == list(CultureRequest.objects.order_by(*order).values_list("reference", flat=True))
    assert pages == 3


def test_previous_goes_back_and_the_first_page_has_none(api, noord):
    CultureRequestFactory.create_batch(KeysetPagination.page_size + 3, district=noord)
    first = api.get("/api/requests/").json()
    assert first["previous"] is None
    second = api.get(first["next"]).json()
    assert len(second["results"]) == 3 and second["next"] is None

    back = api.get(second["previous"]).json()

    assert back["results"] == first["results"]
    assert back["previous"] is None


def test_a_broken_cursor_is_a_404_with_a_dutch_reason(api, noord):
    CultureRequestFactory(district=noord)

    response = api.get("/api/requests/", {"after": "bm9uc2Vucw"})

    assert response.status_code == 404
    assert "cursor" in response.json()["detail"]


@pytest.mark.parametrize("rows", [5, 60])
def test_a_later_api_page_costs_what_the_first_does(api, noord, rows, django_assert_max_num_queries):
    CultureRequestFactory.create_batch(rows, district=noord)
    with django_assert_max_num_queries(8) as first:
        body = api.get("/api/requests/").json()
    while body["next"]:
        with django_assert_max_num_queries(len(first.captured_queries)):
            body = api.get(body["next"]).json()


def test_the_schema_documents_the_cursor_parameters_and_the_page_shape(api):
    schema = api.get("/api/schema/", {"format": "json"}).json()
    parameters = {p["name"] for p in schema["paths"]["/api/requests/"]["get"]["parameters"]}
    assert {"after", "before"} <= parameters
    page = schema["components"]["schemas"]["PaginatedCultureRequestList"]
    assert set(page["properties"]) == {"next", "previous", "results"}
