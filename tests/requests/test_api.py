import pytest
from rest_framework.test import APIClient

from requests.workflow import Status
from tests.factories import UserFactory
from tests.requests.factories import CultureRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def references(response):
    return {row["reference"] for row in response.json()["results"]}


def test_an_advisor_never_sees_another_districts_request_in_the_api(api, advisor, noord, oost):
    mine = CultureRequestFactory(district=noord)
    theirs = CultureRequestFactory(district=oost)
    api.force_authenticate(advisor)
    assert references(api.get("/api/requests/")) == {mine.reference}
    assert api.get(f"/api/requests/{theirs.reference}/").status_code == 404
    response = api.post(f"/api/requests/{theirs.reference}/change-status/", {"to": "in_conversation"})
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Status.NEW


def test_a_manager_reads_all_but_cannot_change_status(api, noord, oost):
    a, b = CultureRequestFactory(district=noord), CultureRequestFactory(district=oost)
    api.force_authenticate(UserFactory(roles=["manager"]))
    assert references(api.get("/api/requests/")) == {a.reference, b.reference}
    assert (
        api.post(f"/api/requests/{a.reference}/change-status/", {"to": "in_conversation"}).status_code == 403
    )
    a.refresh_from_db()
    assert a.status == Status.NEW


@pytest.mark.parametrize("roles", [["icc"], ["maker"], []])
def test_other_roles_get_an_empty_list(api, noord, roles):
    CultureRequestFactory(district=noord)
    api.force_authenticate(UserFactory(roles=roles))
    assert api.get("/api/requests/").json()["results"] == []


def test_anonymous_callers_are_refused(api):
    assert api.get("/api/requests/").status_code in (401, 403)


def test_the_status_action_uses_the_workflow(api, advisor, noord):
    request = CultureRequestFactory(district=noord)
    api.force_authenticate(advisor)
    url = f"/api/requests/{request.reference}/change-status/"
    response = api.post(url, {"to": "in_conversation", "note": "Gebeld."})
    assert response.status_code == 200
    assert response.json()["status"] == "in_conversation"
    event = request.events.get()
    assert (event.actor, event.from_status, event.to_status, event.note) == (
        advisor,
        "new",
        "in_conversation",
        "Gebeld.",
    )
    refused = api.post(url, {"to": "evaluated"})
    assert refused.status_code == 400
    assert "kan niet" in refused.json()["detail"]
    assert api.post(url, {"to": "nonsense"}).status_code == 400


def test_the_api_filters_like_the_board(api, advisor, noord):
    a = CultureRequestFactory(district=noord, question="Graffiti op de skatebaan")
    b = CultureRequestFactory(district=noord, status=Status.MATCHING)
    api.force_authenticate(advisor)
    assert references(api.get("/api/requests/?q=graffiti")) == {a.reference}
    assert references(api.get("/api/requests/?status=matching")) == {b.reference}


@pytest.mark.parametrize("rows", [10, 100])
def test_the_api_list_costs_a_fixed_number_of_queries(
    api, advisor, noord, rows, django_assert_max_num_queries
):
    CultureRequestFactory.create_batch(rows, district=noord, owner=advisor)
    api.force_authenticate(advisor)
    with django_assert_max_num_queries(8):
        response = api.get("/api/requests/")
    assert len(response.json()["results"]) == min(rows, 25)
