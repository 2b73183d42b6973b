import pytest
from rest_framework.test import APIClient

from makers.models import CoCreation, Maker, PublicationStatus
from tests.factories import DistrictFactory, UserFactory
from tests.makers.factories import (
    CoCreationFactory,
    CourseFactory,
    MakerFactory,
    OwnedMakerFactory,
    VenueFactory,
    discipline,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def test_the_public_api_lists_only_published_makers(api):
    MakerFactory(name="Zichtbaar", disciplines=[discipline("dans")])
    MakerFactory(name="Concept", status=PublicationStatus.DRAFT, disciplines=[discipline("dans")])
    MakerFactory(name="Ingediend", status=PublicationStatus.PENDING_REVIEW)
    body = api.get("/api/makers/").json()
    assert [m["name"] for m in body["results"]] == ["Zichtbaar"]
    assert api.get("/api/makers/", {"q": "Concept"}).json()["results"] == []
    facets = {f["name"]: f for f in api.get("/api/makers/facets/").json()}
    assert facets["discipline"]["options"] == [
        {"value": "dans", "label": "Dans", "count": 1, "selected": False}
    ]


def test_an_unpublished_record_is_404_in_the_api(api):
    maker = MakerFactory(status=PublicationStatus.DRAFT)
    course = CourseFactory(status=PublicationStatus.DRAFT)
    venue = VenueFactory(is_published=False)
    cocreation = CoCreationFactory(status=CoCreation.Status.DRAFT)
    for url in (
        f"/api/makers/{maker.slug}/",
        f"/api/courses/{course.slug}/",
        f"/api/venues/{venue.slug}/",
        f"/api/cocreations/{cocreation.slug}/",
    ):
        assert api.get(url).status_code == 404, url


def test_a_cocreation_does_not_reveal_its_unpublished_makers(api):
    cocreation = CoCreationFactory(
        status=CoCreation.Status.ACTIVE,
        makers=[MakerFactory(slug="open"), MakerFactory(slug="verborgen", status=PublicationStatus.DRAFT)],
    )
    assert api.get(f"/api/cocreations/{cocreation.slug}/").json()["makers"] == ["open"]


def test_the_api_filters_like_the_pages(api):
    west = DistrictFactory()
    MakerFactory(name="Danser West", disciplines=[discipline("dans")], districts=[west])
    MakerFactory(name="Danser elders", disciplines=[discipline("dans")], districts=[DistrictFactory()])
    MakerFactory(name="Muzikant West", disciplines=[discipline("muziek")], districts=[west])
    body = api.get("/api/makers/", {"discipline": "dans", "district": west.slug}).json()
    assert [m["name"] for m in body["results"]] == ["Danser West"]


def test_anonymous_visitors_cannot_write(api):
    maker = MakerFactory()
    assert api.patch(f"/api/makers/{maker.slug}/", {"name": "X"}, format="json").status_code in (401, 403)
    assert api.post("/api/makers/", {"name": "X"}, format="json").status_code in (401, 403)


def test_a_maker_cannot_change_another_makers_record_through_the_api(api):
    mine = OwnedMakerFactory()
    theirs = OwnedMakerFactory(name="Van een ander")
    their_course = CourseFactory(maker=theirs)
    api.force_authenticate(mine.user)

    assert api.patch(f"/api/makers/{theirs.slug}/", {"name": "Gekaapt"}, format="json").status_code == 403
    assert (
        api.patch(f"/api/courses/{their_course.slug}/", {"title": "Gekaapt"}, format="json").status_code
        == 403
    )
    new_course = {
        "title": "Sluip",
        "description": "x",
        "maker": theirs.slug,
        "discipline": "dans",
        "price_cents": 0,
    }
    assert api.post("/api/courses/", new_course, format="json").status_code == 403
    theirs.refresh_from_db()
    their_course.refresh_from_db()
    assert theirs.name == "Van een ander"
    assert their_course.title != "Gekaapt"


def test_a_maker_edits_their_own_record_through_the_api(api):
    mine = OwnedMakerFactory()
    api.force_authenticate(mine.user)
    response = api.patch(
        f"/api/makers/{mine.slug}/", {"name": "Nieuwe naam", "languages": ["nl", "tr"]}, format="json"
    )
    assert response.status_code == 200, response.content
    mine.refresh_from_db()
    assert mine.name == "Nieuwe naam"
    assert sorted(mine.languages.values_list("code", flat=True)) == ["nl", "tr"]


def test_a_maker_cannot_publish_themselves_through_the_api(api):
    mine = OwnedMakerFactory(status=PublicationStatus.DRAFT)
    api.force_authenticate(mine.user)
    api.patch(f"/api/makers/{mine.slug}/", {"status": "published"}, format="json")
    mine.refresh_from_db()
    assert mine.status == PublicationStatus.DRAFT


def test_a_maker_creates_a_profile_that_starts_as_a_draft(api):
    user = UserFactory(roles=["maker"])
    api.force_authenticate(user)
    response = api.post(
        "/api/makers/",
        {"name": "Nieuw Collectief", "short_description": "Wij maken theater.", "disciplines": ["theater"]},
        format="json",
    )
    assert response.status_code == 201, response.content
    maker = Maker.objects.get(slug=response.json()["slug"])
    assert maker.user == user
    assert maker.status == PublicationStatus.DRAFT


def test_bad_api_input_is_a_clear_400(api):
    mine = OwnedMakerFactory()
    api.force_authenticate(mine.user)
    response = api.patch(f"/api/makers/{mine.slug}/", {"age_min": 12, "age_max": 6}, format="json")
    assert response.status_code == 400
    response = api.post(
        "/api/courses/",
        {"title": "x", "description": "x", "maker": mine.slug, "discipline": "dans", "price_cents": -5},
        format="json",
    )
    assert response.status_code == 400


@pytest.mark.parametrize("url", ["/api/makers/", "/api/courses/", "/api/venues/", "/api/cocreations/"])
def test_api_lists_cost_the_same_queries_at_any_size(api, url, django_assert_max_num_queries):
    def build(n):
        for _ in range(n):
            maker = MakerFactory(disciplines=[discipline("dans")], districts=[DistrictFactory()])
            CourseFactory(maker=maker)
            CoCreationFactory(status=CoCreation.Status.ACTIVE, makers=[maker, MakerFactory()])

    build(2)
    with django_assert_max_num_queries(20) as small:
        assert api.get(url).status_code == 200
    build(15)
    with django_assert_max_num_queries(len(small.captured_queries)):
        api.get(url)
