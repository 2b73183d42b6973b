"""The board's service-norm columns: "te laat" and "deze week", shown and filtered, at a fixed cost."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from freezegun import freeze_time

from requests.models import CultureRequest
from requests.workflow import Status
from tests.requests.factories import CultureRequestFactory

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=AMS)  # a Wednesday


def refs(response):
    return {row["r"].reference for row in response.context["rows"]}


def row_of(response, request):
    return response.content.decode().split(f'id="row-{request.reference}"')[1].split("</tr>")[0]


@pytest.fixture
def three(noord):
    late = CultureRequestFactory(district=noord, norm_deadline=NOW - timedelta(hours=1))
    soon = CultureRequestFactory(
        district=noord, status=Status.MATCHING, norm_deadline=datetime(2026, 12, 4, tzinfo=AMS)
    )
    later = CultureRequestFactory(district=noord, norm_deadline=datetime(2026, 12, 8, tzinfo=AMS))
    return late, soon, later


def test_the_board_flags_late_and_due_this_week(client, advisor, three):
    late, soon, later = three
    client.force_login(advisor)
    with freeze_time(NOW):
        response = client.get("/triage/")
    assert "te laat" in row_of(response, late)
    assert "deze week" in row_of(response, soon) and "te laat" not in row_of(response, soon)
    assert "deze week" not in row_of(response, later) and "te laat" not in row_of(response, later)


def test_the_board_filters_on_late_and_due_this_week(client, advisor, three):
    late, soon, later = three
    client.force_login(advisor)
    with freeze_time(NOW):
        assert refs(client.get("/triage/?overdue=true")) == {late.reference}
        assert refs(client.get("/triage/?overdue=false")) == {soon.reference, later.reference}
        assert refs(client.get("/triage/?due_this_week=true")) == {soon.reference}
        assert refs(client.get("/triage/?due_this_week=false")) == {late.reference, later.reference}
        assert refs(client.get("/triage/?due_this_week=onzin")) == {r.reference for r in three}


def test_a_waiting_request_is_never_late(client, advisor, noord, three):
    waiting = CultureRequestFactory(district=noord, status=Status.WAITING)
    assert waiting.norm_deadline is None
    client.force_login(advisor)
    with freeze_time(NOW):
        assert waiting.reference not in refs(client.get("/triage/?overdue=true"))
        assert waiting.reference in refs(client.get("/triage/"))  # still on the board: it is open


def test_the_api_filters_the_same_way(advisor, three):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(advisor)
    with freeze_time(NOW):
        rows = api.get("/api/requests/?overdue=true").json()["results"]
    assert [row["reference"] for row in rows] == [three[0].reference]
    assert rows[0]["norm_deadline"]


@pytest.mark.parametrize("rows", [10, 100])
@pytest.mark.parametrize("query", ["overdue=true", "due_this_week=true", "overdue=false&due_this_week=false"])
def test_the_board_with_the_norm_filters_costs_a_fixed_number_of_queries(
    client, advisor, noord, rows, query, django_assert_max_num_queries
):
    CultureRequestFactory.create_batch(rows, district=noord, owner=advisor)
    ids = list(CultureRequest.objects.values_list("pk", flat=True))
    CultureRequest.objects.filter(pk__in=ids[::2]).update(norm_deadline=NOW - timedelta(days=1))
    CultureRequest.objects.filter(pk__in=ids[1::2]).update(norm_deadline=NOW + timedelta(days=1))
    client.force_login(advisor)
    with freeze_time(NOW), django_assert_max_num_queries(14):
        response = client.get(f"/triage/?{query}&pagina=1")
    expected = 0 if query.startswith("overdue=false") else min(rows // 2, 25)
    assert len(response.context["rows"]) == expected
