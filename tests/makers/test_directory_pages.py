import json
import re

import pytest
from django.urls import reverse

from makers.models import CoCreation, PublicationStatus
from tests.factories import DistrictFactory
from tests.makers.factories import CoCreationFactory, CourseFactory, MakerFactory, VenueFactory, discipline

pytestmark = pytest.mark.django_db

DIRECTORY = ["makers:maker_list", "makers:course_list", "makers:venue_list", "makers:cocreation_list"]


@pytest.fixture
def hidden():
    """One unpublished record of every kind, all named 'Geheim'."""
    dans = discipline("dans")
    draft = MakerFactory(name="Geheim maker", disciplines=[dans], status=PublicationStatus.DRAFT)
    MakerFactory(name="Geheim ingediend", disciplines=[dans], status=PublicationStatus.PENDING_REVIEW)
    MakerFactory(name="Geheim archief", disciplines=[dans], status=PublicationStatus.ARCHIVED)
    CourseFactory(title="Geheim cursus", status=PublicationStatus.DRAFT, maker=None, venue=None)
    CourseFactory(title="Geheim via maker", maker=draft, venue=None)
    VenueFactory(name="Geheim zaal", is_published=False)
    CoCreationFactory(title="Geheim co-creatie", status=CoCreation.Status.DRAFT)
    return draft


@pytest.mark.parametrize("url_name", DIRECTORY)
def test_unpublished_records_never_appear_in_lists_search_or_facets(client, hidden, url_name):
    for query in ["", "?q=Geheim", "?discipline=dans", "?q=Geheim&discipline=dans"]:
        response = client.get(reverse(url_name) + query)
        assert response.status_code == 200
        assert response.context["page"].paginator.count == 0
        content = response.content.decode()
        assert not re.search(r"Geheim (maker|ingediend|archief|cursus|via|zaal|co-creatie)", content)
    facets = client.get(reverse(url_name)).context["facets"]
    assert all(option["count"] == 0 for facet in facets for option in facet["options"])


def test_unpublished_detail_pages_answer_404_to_the_public(client, hidden):
    assert client.get(reverse("makers:maker_detail", args=[hidden.slug])).status_code == 404


def test_facet_counts_count_the_other_filters():
    dans, muziek = discipline("dans"), discipline("muziek")
    west, oost = DistrictFactory(name="West"), DistrictFactory(name="Oost")
    MakerFactory(disciplines=[dans], districts=[west])
    MakerFactory(disciplines=[dans], districts=[oost])
    MakerFactory(disciplines=[muziek], districts=[west])
    MakerFactory(disciplines=[muziek], whole_municipality=True)

    from django.test import Client

    response = Client().get(reverse("makers:maker_list"), {"district": west.slug})
    facets = {
        facet["name"]: {o["value"]: o["count"] for o in facet["options"]}
        for facet in response.context["facets"]
    }

    assert response.context["page"].paginator.count == 3
    assert facets["discipline"] == {"dans": 1, "muziek": 2}
    # The district facet ignores the district filter itself; whole-town makers count everywhere.
    assert facets["district"][west.slug] == 3
    assert facets["district"][oost.slug] == 2


def test_an_empty_result_suggests_dropping_a_filter(client):
    MakerFactory(disciplines=[discipline("dans")])
    response = client.get(reverse("makers:maker_list"), {"discipline": "circus", "q": "dans"})
    content = response.content.decode()
    assert "Probeer een filter weg te laten" in content
    assert "?q=dans" in content


def test_the_maker_page_carries_schema_org_data(client):
    maker = MakerFactory(name="Studio <Zaan>", kind="organisation", disciplines=[discipline("dans")])
    content = client.get(maker.get_absolute_url()).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S).group(1)
    assert "<Zaan>" not in block
    data = json.loads(block)
    assert data["@type"] == "Organization"
    assert data["name"] == "Studio <Zaan>"
    assert data["knowsAbout"] == ["Dans"]


def test_course_and_venue_pages_carry_course_and_place(client):
    course = CourseFactory()
    course_data = json.loads(
        re.search(
            r"ld\+json\">(.*?)</script>", client.get(course.get_absolute_url()).content.decode(), re.S
        ).group(1)
    )
    assert course_data["@type"] == "Course"
    assert course_data["offers"]["price"] == "95.00"
    venue_data = json.loads(
        re.search(
            r"ld\+json\">(.*?)</script>", client.get(course.venue.get_absolute_url()).content.decode(), re.S
        ).group(1)
    )
    assert venue_data["@type"] == "Place"


@pytest.mark.parametrize(
    "query", ['"dans', "100%", "%", "_", "'; drop table makers_maker; --", "x" * 2000, "\"'\\"]
)
@pytest.mark.parametrize("url_name", DIRECTORY)
def test_odd_searches_never_fail(client, url_name, query):
    MakerFactory(name="Dans 100% echt")
    response = client.get(reverse(url_name), {"q": query})
    assert response.status_code == 200


def test_a_percent_sign_is_searched_literally(client):
    MakerFactory(name="Honderd procent")
    MakerFactory(name="Dans 100% echt")
    names = [m.name for m in client.get(reverse("makers:maker_list"), {"q": "100%"}).context["page"]]
    assert names == ["Dans 100% echt"]


def test_an_unknown_filter_value_is_a_clear_error_not_a_crash(client):
    response = client.get(reverse("makers:maker_list"), {"discipline": "bestaat-niet"})
    assert response.status_code == 200
    assert "Een filter klopt niet" in response.content.decode()


@pytest.mark.parametrize("url_name", DIRECTORY)
def test_directory_pages_cost_the_same_queries_at_any_size(client, url_name, django_assert_max_num_queries):
    def build(n):
        for _ in range(n):
            maker = MakerFactory(disciplines=[discipline("dans")], districts=[DistrictFactory()])
            CourseFactory(maker=maker)
            CoCreationFactory(status=CoCreation.Status.ACTIVE, makers=[maker, MakerFactory()])

    build(2)
    with django_assert_max_num_queries(20) as small:
        client.get(reverse(url_name))
    build(20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse(url_name))


@pytest.fixture
def small_caps(monkeypatch):
    """The directory's count cap and facet sample at 3, so a handful of rows exceeds them."""
    from makers.filters import FacetedFilterSet
    from makers.views.directory import DirectoryPaginator

    monkeypatch.setattr(DirectoryPaginator, "cap", 3)
    monkeypatch.setattr(FacetedFilterSet, "facet_sample", 3)


def test_a_search_with_more_matches_than_the_cap_says_more_than_the_cap(client, small_caps):
    for i in range(5):
        MakerFactory(name=f"Dansgroep {i}", disciplines=[discipline("dans")])

    response = client.get(reverse("makers:maker_list"), {"q": "Dansgroep"})

    assert response.context["page"].paginator.capped
    assert "meer dan 3 resultaten" in response.content.decode()


def test_facets_over_more_matches_than_the_sample_list_options_without_a_count(client, small_caps):
    for i in range(5):
        MakerFactory(name=f"Dansgroep {i}", disciplines=[discipline("dans")])

    facets = {f["name"]: f["options"] for f in client.get(reverse("makers:maker_list")).context["facets"]}

    assert {o["value"]: o["count"] for o in facets["discipline"]}["dans"] is None
    assert "Dans (" not in client.get(reverse("makers:maker_list")).content.decode()


def test_facets_under_the_sample_still_count_exactly(client, small_caps):
    MakerFactory(name="Dansgroep", disciplines=[discipline("dans")])
    MakerFactory(name="Muziekgroep", disciplines=[discipline("muziek")])

    facets = {f["name"]: f["options"] for f in client.get(reverse("makers:maker_list")).context["facets"]}

    assert {o["value"]: o["count"] for o in facets["discipline"]} == {"dans": 1, "muziek": 1}


@pytest.mark.parametrize("url_name", ["makers:maker_list", "makers:course_list"])
def test_a_search_beyond_the_cap_costs_the_same_queries_at_any_size(
    client, small_caps, url_name, django_assert_max_num_queries
):
    def build(n):
        for _ in range(n):
            maker = MakerFactory(
                name="Dansgroep", disciplines=[discipline("dans")], districts=[DistrictFactory()]
            )
            CourseFactory(title="Dansles", maker=maker)

    build(5)
    with django_assert_max_num_queries(20) as small:
        client.get(reverse(url_name), {"q": "dans"})
    build(30)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse(url_name), {"q": "dans"})
