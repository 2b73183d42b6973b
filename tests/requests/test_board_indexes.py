"""PostgreSQL only: the triage board's default view, sorts and search are served by indexes.

The plans are taken over a few thousand requests with fresh statistics, a fifth of them open
and the open ones the newest, as on a real instance (issue 11, `make bench`).
"""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from cultuur.paging import CappedPaginator
from requests.filters import RequestFilter
from requests.models import CultureRequest
from requests.selectors import board_requests
from tests.factories import DistrictFactory, UserFactory
from tests.requests.factories import CultureRequestFactory

pytestmark = [
    pytest.mark.stack,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
    pytest.mark.django_db,
]


ROWS = 3000


@pytest.fixture
def requests_table():
    district = DistrictFactory()
    now = timezone.now()
    rows = []
    for i in range(ROWS):
        is_open = i % 5 == 0
        created = now - datetime.timedelta(hours=(i % 4000) if is_open else 5000 + i * 3)
        rows.append(
            CultureRequest(
                reference=f"CV-2025-{i:05d}",
                status_token=f"token-{i}",
                requester_kind="resident",
                requester_name=f"Vrager {i}",
                requester_email=f"vrager{i}@example.org",
                district=district,
                status=["new", "matching"][i % 2] if is_open else "evaluated",
                question="Wij zoeken een graffitiproject."
                if i == 7
                else f"Wij willen zingen met groep {i % 8}.",
                consent_at=created,
                created_at=created,
                last_action_at=created,
                status_changed_at=created,
            )
        )
    CultureRequest.objects.bulk_create(rows)
    # bulk_create keeps auto_now_add: put the spread of dates back.
    with connection.cursor() as cursor:
        cursor.execute("UPDATE requests_culturerequest SET created_at = consent_at")
        cursor.execute("SELECT gin_clean_pending_list('req_search_gin')")
        cursor.execute("ANALYZE requests_culturerequest")


def board(data):
    manager = UserFactory(roles=["manager"])
    return RequestFilter(data, queryset=board_requests(manager), user=manager).qs


@pytest.mark.parametrize(
    ("data", "index"),
    [
        ({}, "req_open_created"),
        ({"sort": "nieuwste"}, "req_open_created"),
        ({"sort": "langst-stil"}, "req_open_last_action"),
        ({"status": ["new"]}, "req_status_created"),
    ],
)
def test_the_board_reads_its_rows_in_index_order(requests_table, data, index):
    plan = board(data)[:25].explain()

    assert index in plan, plan
    assert "Seq Scan on requests_culturerequest" not in plan, plan


def test_the_board_search_uses_the_full_text_index(requests_table):
    queryset = board({"q": "graffitiproject", "closed": "true"})
    plan = queryset[:25].explain()

    assert "req_search_gin" in plan, plan
    assert "Seq Scan on requests_culturerequest" not in plan, plan
    assert list(queryset.values_list("question", flat=True)) == ["Wij zoeken een graffitiproject."]


def test_the_board_finds_a_request_by_its_reference_in_lower_case():
    request = CultureRequestFactory()

    assert list(board({"q": request.reference.lower(), "closed": "true"})) == [request]


def test_the_board_count_stops_at_the_cap():
    CultureRequestFactory.create_batch(4)
    paginator = CappedPaginator(board({}), 1)
    paginator.cap = 3

    assert paginator.count == 3
    assert paginator.capped


@pytest.fixture
def deadlines(requests_table):
    """Open requests have a deadline, a few of them past; closed ones have none (requests.norms)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE requests_culturerequest SET norm_deadline = now() + "
            "CASE WHEN id % 50 = 0 THEN interval '-2 days' ELSE interval '5 days' END "
            "WHERE status IN ('new', 'matching')"
        )
        cursor.execute("ANALYZE requests_culturerequest")


@pytest.mark.parametrize("data", [{"overdue": "true"}, {"due_this_week": "true"}])
def test_the_overdue_and_due_this_week_filters_read_the_deadline_index(deadlines, data):
    plan = board(data)[:25].explain()

    assert "req_norm_deadline" in plan, plan
    assert "Seq Scan on requests_culturerequest" not in plan, plan


@pytest.fixture
def many_late(requests_table):
    """As at scale: a quarter of the open requests past their deadline, the rest due this week."""
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE requests_culturerequest SET norm_deadline = now() + "
            "CASE WHEN id % 4 = 0 THEN interval '-2 days' ELSE interval '1 day' END "
            "WHERE status IN ('new', 'matching')"
        )
        cursor.execute("ANALYZE requests_culturerequest")


@pytest.mark.parametrize("data", [{"overdue": "true"}, {"due_this_week": "true"}])
def test_the_overdue_and_due_this_week_counts_read_the_deadline_index_alone(many_late, data):
    # What the board's capped count selects (cultuur.paging): one index, no bitmap AND with the
    # open-requests indexes (4 ms at 100,000 requests before `requests` 0017).
    plan = board(data).order_by().values("pk")[:1001].explain()

    assert "req_norm_deadline" in plan, plan
    assert "BitmapAnd" not in plan and "Seq Scan on requests_culturerequest" not in plan, plan


def test_the_duplicates_panel_computes_similarity_for_the_newest_candidates_only(requests_table):
    from django.test.utils import CaptureQueriesContext

    from requests.duplicates import duplicates_of

    request = CultureRequest.objects.order_by("-created_at").first()
    with CaptureQueriesContext(connection) as queries:
        duplicates_of(request, CultureRequest.objects.all())
    (similar,) = [q["sql"] for q in queries.captured_queries if "SIMILARITY" in q["sql"].upper()]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + similar)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    # At 10,000 requests PostgreSQL computed similarity() for every row, then joined (220 ms).
    assert "Seq Scan on requests_culturerequest" not in plan, plan
