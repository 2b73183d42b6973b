"""The board pages by keyset cursors: every page costs what the first does, links can be shared."""

import datetime
import re
from html import unescape

import pytest
from django.utils import timezone

from requests.models import CultureRequest
from requests.triage_views import PAGE_SIZE
from tests.requests.factories import CultureRequestFactory

pytestmark = pytest.mark.django_db

SORTS = {
    "oudste": lambda r: (r.created_at, r.pk),
    "nieuwste": lambda r: (-r.created_at.timestamp(), -r.pk),
    "laatste-actie": lambda r: (-r.last_action_at.timestamp(), -r.pk),
    "langst-stil": lambda r: (r.last_action_at, r.pk),
}


@pytest.fixture
def requests_with_ties(noord, advisor):
    CultureRequestFactory.create_batch(PAGE_SIZE * 2 + 7, district=noord)
    start = timezone.now() - datetime.timedelta(days=30)
    # Groups of five share their dates: the primary key must break the ties, also across pages.
    for i, pk in enumerate(CultureRequest.objects.order_by("pk").values_list("pk", flat=True)):
        moment = start + datetime.timedelta(hours=(i // 5) * (1 if i % 2 else 3))
        CultureRequest.objects.filter(pk=pk).update(created_at=moment, last_action_at=moment)
    return list(CultureRequest.objects.all())


def _link(html: str, label: str) -> str | None:
    match = re.search(rf'<a href="([^"]*)"(?: rel="\w+")?>{label}</a>', html)
    return unescape(match.group(1)) if match else None


def _walk(client, start: str):
    """Follow "Volgende" from `start`; the references of every page, and the pages' urls."""
    pages, url = [], start
    while url:
        response = client.get("/triage/" + url)
        assert response.status_code == 200
        pages.append((url, [row["r"].reference for row in response.context["rows"]]))
        url = _link(response.content.decode(), "Volgende")
    return pages


@pytest.mark.parametrize("sort", SORTS)
def test_following_next_visits_every_request_once_in_the_sorted_order(
    client, advisor, requests_with_ties, sort
):
    client.force_login(advisor)

    pages = _walk(client, f"?sort={sort}")

    expected = [r.reference for r in sorted(requests_with_ties, key=SORTS[sort])]
    assert [ref for _url, refs in pages for ref in refs] == expected
    assert [len(refs) for _url, refs in pages] == [PAGE_SIZE, PAGE_SIZE, 7]
    assert all(f"sort={sort}" in url for url, _refs in pages)


def test_previous_and_first_lead_back_and_a_shared_link_shows_the_same_rows(
    client, advisor, requests_with_ties
):
    client.force_login(advisor)
    (_first_url, first), (second_url, second), (third_url, third) = _walk(client, "?sort=nieuwste")

    html = client.get("/triage/" + third_url).content.decode()
    assert _link(html, "Volgende") is None
    back = client.get("/triage/" + _link(html, "Vorige"))
    assert [row["r"].reference for row in back.context["rows"]] == second
    html = back.content.decode()
    to_first = client.get("/triage/" + _link(html, "Eerste"))
    assert [row["r"].reference for row in to_first.context["rows"]] == first
    back_to_first = client.get("/triage/" + _link(html, "Vorige"))
    assert [row["r"].reference for row in back_to_first.context["rows"]] == first
    assert _link(back_to_first.content.decode(), "Vorige") is None

    client.logout()
    client.force_login(advisor)
    again = client.get("/triage/" + second_url)
    assert [row["r"].reference for row in again.context["rows"]] == second


@pytest.mark.parametrize("rows", [30, 120])
def test_a_deep_page_costs_the_queries_of_the_first(
    client, advisor, noord, rows, django_assert_max_num_queries
):
    CultureRequestFactory.create_batch(rows, district=noord)
    client.force_login(advisor)
    first = client.get("/triage/")
    with django_assert_max_num_queries(14) as on_first:
        client.get("/triage/")
    url = _link(first.content.decode(), "Volgende")
    while True:
        with django_assert_max_num_queries(len(on_first.captured_queries)):
            response = client.get("/triage/" + url)
        following = _link(response.content.decode(), "Volgende")
        if not following:
            break
        url = following
    assert "OFFSET" not in " ".join(q["sql"] for q in on_first.captured_queries)


def test_a_broken_cursor_shows_the_first_page_and_says_so(client, advisor, noord):
    CultureRequestFactory.create_batch(3, district=noord)
    client.force_login(advisor)

    for cursor in ["bm9n", "!!", "WyJnaXN0ZXJlbiIsMV0", "W10"]:
        response = client.get("/triage/", {"na": cursor, "status": "new"})
        assert response.status_code == 200
        assert len(response.context["rows"]) == 3
        assert "Die paginalink klopt niet meer" in response.content.decode()
        assert '<option value="new" selected>' in response.content.decode()


def test_the_count_says_more_than_the_cap_and_is_free_when_one_page_holds_everything(
    client, advisor, noord, monkeypatch, django_assert_num_queries
):
    from requests.paging import BoardCount

    CultureRequestFactory.create_batch(4, district=noord)
    client.force_login(advisor)
    client.get("/triage/")
    with django_assert_num_queries(99, exact=False) as small:
        assert "4 vragen gevonden" in client.get("/triage/").content.decode()
    assert not any("COUNT(" in q["sql"] for q in small.captured_queries)

    monkeypatch.setattr(BoardCount, "cap", 30)
    CultureRequestFactory.create_batch(PAGE_SIZE + 10, district=noord)
    html = client.get("/triage/").content.decode()
    assert "Meer dan 30 vragen gevonden" in html


def test_the_filter_options_come_from_the_cache_and_follow_a_new_district_later(
    client, advisor, noord, django_assert_num_queries
):
    from django.core.cache import cache

    from tests.factories import DistrictFactory

    client.force_login(advisor)
    client.get("/triage/")
    with django_assert_num_queries(99, exact=False) as warm:
        client.get("/triage/")
    assert not any('FROM "makers_discipline"' in q["sql"] for q in warm.captured_queries)

    advisor.is_superuser = True  # sees every district
    advisor.save()
    DistrictFactory(name="Wormerveer")
    cache.clear()  # as the minute passing does
    assert "Wormerveer</option>" in client.get("/triage/").content.decode()
