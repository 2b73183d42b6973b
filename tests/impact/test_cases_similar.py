"""The match page's "answered before" panel: similar published cases, best first, with reasons."""

import pytest
from django.urls import reverse

from impact import case_selectors as bank
from makers.models import Discipline
from tests.factories import DistrictFactory, advisor_in
from tests.impact.factories import CaseFactory
from tests.requests.factories import CultureRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def advisor(poelenburg):
    return advisor_in(poelenburg)


@pytest.fixture
def new_request(poelenburg):
    request = CultureRequestFactory(
        district=poelenburg, question="Wij zoeken een muurschildering voor het speelveld met kinderen."
    )
    request.disciplines.set([Discipline.objects.get(slug="beeldende-kunst")])
    return request


def test_similar_cases_are_ranked_with_their_reasons(advisor, poelenburg, peldersveld, new_request):
    art, dance = Discipline.objects.get(slug="beeldende-kunst"), Discipline.objects.get(slug="dans")
    best = CaseFactory(
        title="Muurschildering Poelenburg",
        question="Kinderen schilderden een muur bij het speelveld.",
        district=poelenburg,
        disciplines=[art],
    )
    same_art = CaseFactory(
        title="Kunstroute", question="Een route langs beelden.", district=peldersveld, disciplines=[art]
    )
    same_place = CaseFactory(
        title="Dansmiddag", question="Dansen in het buurthuis.", district=poelenburg, disciplines=[dance]
    )
    CaseFactory(
        title="Niets gemeen", question="Een koor voor ouderen.", district=peldersveld, disciplines=[dance]
    )
    CaseFactory(title="Concept", status="draft", published_at=None, district=poelenburg, disciplines=[art])

    similar = bank.similar_cases(
        advisor,
        question=new_request.question,
        discipline_ids=[art.pk],
        district_id=poelenburg.pk,
    )
    assert [s.case for s in similar] == [best, same_art, same_place]
    assert similar[0].reasons[:2] == ["zelfde discipline: Beeldende kunst", "zelfde wijk: Poelenburg"]
    assert similar[0].reasons[2].startswith("lijkt op de vraag")
    assert similar[1].reasons == ["zelfde discipline: Beeldende kunst"]
    assert similar[2].reasons == ["zelfde wijk: Poelenburg"]
    assert similar[0].score > similar[1].score > similar[2].score


def test_the_same_culture_type_counts_as_a_reason(advisor):
    case = CaseFactory(title="Schoolproject", culture_type="integrating")
    similar = bank.similar_cases(advisor, question="", discipline_ids=[], culture_type="integrating")
    assert [(s.case, s.reasons) for s in similar] == [(case, ["zelfde cultuurtype: integrerend"])]


def test_the_panel_is_served_for_a_request_in_the_advisors_scope(client, advisor, poelenburg, new_request):
    CaseFactory(title="Muurschildering Poelenburg", district=poelenburg)
    client.force_login(advisor)
    response = client.get(reverse("impact:cases_similar", args=[new_request.reference]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Muurschildering Poelenburg" in body and "zelfde wijk: Poelenburg" in body
    other = CultureRequestFactory(district=DistrictFactory())
    assert client.get(reverse("impact:cases_similar", args=[other.reference])).status_code == 404


def test_the_match_page_loads_the_panel_by_url(client, advisor, new_request):
    client.force_login(advisor)
    body = client.get(reverse("requests:match", args=[new_request.reference])).content.decode()
    assert f'hx-get="{reverse("impact:cases_similar", args=[new_request.reference])}"' in body


@pytest.mark.parametrize("cases", [5, 30])
def test_the_panel_costs_a_fixed_number_of_queries(
    client, advisor, poelenburg, new_request, django_assert_max_num_queries, cases
):
    art = Discipline.objects.get(slug="beeldende-kunst")
    for n in range(cases):
        CaseFactory(title=f"Muurschildering {n}", district=poelenburg, disciplines=[art])
    client.force_login(advisor)
    # session, user, roles, the request and its disciplines; the text ranks (SQLite: one per word
    # of the question, at most 12; PostgreSQL: one and its tsquery), candidates, their disciplines
    # and tags; the session's save (3)
    with django_assert_max_num_queries(24):
        response = client.get(reverse("impact:cases_similar", args=[new_request.reference]))
    assert response.content.decode().count("<li>zelfde wijk") == bank.SIMILAR_LIMIT
