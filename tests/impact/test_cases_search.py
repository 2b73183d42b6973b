"""The project bank's search: Dutch word forms on SQLite and PostgreSQL, filters, pages, queries.

Runs on SQLite by default and on PostgreSQL with DATABASE_URL=postgres://... (same assertions).
"""

import pytest
from django.db import connection
from django.urls import reverse

from impact import case_selectors as bank
from impact.cases import case_create
from makers.models import Discipline
from tests.factories import UserFactory, advisor_in
from tests.impact.factories import CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def advisor(poelenburg):
    return advisor_in(poelenburg)


def _titles(cases):
    return {c.title for c in cases}


def test_search_finds_inflected_dutch_words(advisor):
    CaseFactory(
        title="Muurschildering bij het speelveld",
        question="Bewoners wilden samen schilderen.",
        approach="Een week.",
    )
    CaseFactory(title="Dansen met ouderen", question="Ouderen wilden bewegen op muziek.", approach="Lessen.")
    CaseFactory(
        title="Theater in de bibliotheek", question="Voorstellingen voor kinderen.", approach="Een tour."
    )
    assert _titles(bank.bank_search(advisor, q="schilderen")) == {"Muurschildering bij het speelveld"}
    assert _titles(bank.bank_search(advisor, q="dans")) == {"Dansen met ouderen"}
    assert _titles(bank.bank_search(advisor, q="bewoner")) == {"Muurschildering bij het speelveld"}
    assert _titles(bank.bank_search(advisor, q="voorstelling")) == {"Theater in de bibliotheek"}
    assert _titles(bank.bank_search(advisor, q="muziekles")) == set()


def test_search_finds_a_case_by_the_names_of_its_disciplines_and_tags(advisor):
    theater = Discipline.objects.get(slug="theater")
    case = case_create(
        by=advisor,
        title="Zomerproject",
        question="Iets voor de zomer.",
        approach="Drie weken.",
        practice="good",
        disciplines=[theater],
        tags=["buitenruimte"],
    )
    assert list(bank.bank_search(advisor, q="theaters")) == [case]
    assert list(bank.bank_search(advisor, q="buitenruimte")) == [case]


def test_filters_narrow_the_list(advisor, poelenburg, peldersveld):
    dans = Discipline.objects.get(slug="dans")
    good = CaseFactory(title="Goed", district=poelenburg, disciplines=[dans])
    CaseFactory(title="Slecht", district=peldersveld, practice="bad", what_did_not="Niemand kwam.")
    assert list(bank.bank_search(advisor, discipline=dans)) == [good]
    assert list(bank.bank_search(advisor, district=poelenburg)) == [good]
    assert _titles(bank.bank_search(advisor, practice="bad")) == {"Slecht"}


def test_the_page_filters_by_tag_and_keeps_the_search(client, advisor):
    case = case_create(
        by=advisor, title="Kunst op het plein", question="Een plein.", approach="Een week.", tags=["plein"]
    )
    client.force_login(advisor)
    response = client.get(reverse("impact:cases"), {"tag": "plein", "q": "kunst"})
    assert response.status_code == 200
    assert case.title in response.content.decode()
    assert 'value="kunst"' in response.content.decode()


def test_bad_input_gets_a_clear_dutch_error_and_keeps_the_input(client, advisor):
    client.force_login(advisor)
    response = client.get(reverse("impact:cases"), {"q": "dansen", "discipline": "bestaat-niet"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Kies een discipline uit de lijst." in body
    assert 'value="dansen"' in body


@pytest.mark.parametrize("per_page", [10, 50])
def test_the_list_costs_a_fixed_number_of_queries(client, advisor, django_assert_max_num_queries, per_page):
    dans, theater = Discipline.objects.filter(slug__in=["dans", "theater"])
    for n in range(60):
        CaseFactory(title=f"Dansen in project {n}", disciplines=[dans, theater])
    client.force_login(advisor)
    # session, user, roles; the filter's disciplines, districts and tags; the page with its count
    # (a window), its disciplines and tags; the session's save (3). PostgreSQL adds the tsquery's
    # two lookups.
    with django_assert_max_num_queries(12 + (2 if connection.vendor == "postgresql" else 0)):
        response = client.get(reverse("impact:cases"), {"q": "dansen", "per_page": per_page})
    assert response.status_code == 200
    assert response.content.decode().count('class="card"') == per_page


def test_the_api_searches_too(client, advisor):
    CaseFactory(title="Dansles voor ouderen", question="Ouderen dansen.")
    CaseFactory(title="Theater", question="Toneel.")
    client.force_login(advisor)
    response = client.get("/api/cases/", {"q": "dans"})
    assert response.status_code == 200
    data = response.json()
    rows = data["results"] if isinstance(data, dict) else data
    assert [row["title"] for row in rows] == ["Dansles voor ouderen"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
def test_postgresql_search_uses_the_gin_index(advisor):
    for n in range(50):
        CaseFactory(title=f"Project {n}", question="Iets anders.")
    CaseFactory(title="Dansles", question="Dansen.")
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        sql, params = bank.bank_search(advisor, q="dansen").query.sql_with_params()
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("RESET enable_seqscan")
    assert "impact_case_search_gin" in plan


def test_residents_without_a_role_get_no_bank(client):
    client.force_login(UserFactory())
    assert client.get(reverse("impact:cases")).status_code == 403


def test_a_very_long_search_is_cut_not_refused(client, advisor):
    CaseFactory(title="Dansen met ouderen", question="Bewegen.", approach="Lessen.")
    client.force_login(advisor)
    response = client.get(reverse("impact:cases"), {"q": "dansen " + "x" * 3000})
    assert response.status_code == 200


def test_pages_count_their_matches_and_past_the_end_is_the_last_page(client, advisor):
    for n in range(30):
        CaseFactory(title=f"Dansen in project {n}")
    client.force_login(advisor)
    first = client.get(reverse("impact:cases"), {"q": "dansen", "per_page": 25}).context["page"]
    assert first.paginator.count == 30 and first.has_next() and len(first.object_list) == 25
    last = client.get(reverse("impact:cases"), {"q": "dansen", "per_page": 25, "pagina": 9}).context["page"]
    assert last.number == 2 and len(last.object_list) == 5 and not last.has_next()
    assert (
        client.get(reverse("impact:cases"), {"q": "circus", "pagina": "x"}).context["page"].paginator.count
        == 0
    )
