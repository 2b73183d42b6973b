import pytest
from rest_framework.test import APIClient

from requests.advisor_models import SavedView, StandardText
from tests.factories import UserFactory, advisor_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def test_an_advisor_saves_lists_and_deletes_views_through_the_api(api, advisor, noord):
    api.force_authenticate(advisor)
    response = api.post(
        "/api/saved-views/",
        {"name": "Nieuw", "query": "status=new&pagina=4", "shared_with": noord.pk},
        format="json",
    )
    assert response.status_code == 201, response.content
    view = SavedView.objects.get()
    assert (view.query, view.shared_with) == ("status=new", noord)
    assert [row["name"] for row in api.get("/api/saved-views/").json()["results"]] == ["Nieuw"]
    assert api.patch(f"/api/saved-views/{view.pk}/", {"name": "Anders"}, format="json").status_code == 200
    assert api.delete(f"/api/saved-views/{view.pk}/").status_code == 204


def test_the_api_scopes_views_like_the_pages(api, advisor, other_advisor, noord):
    view = SavedView.objects.create(owner=advisor, name="Team", shared_with=noord)
    colleague = advisor_in(noord)
    api.force_authenticate(colleague)
    assert api.get(f"/api/saved-views/{view.pk}/").status_code == 200
    assert api.patch(f"/api/saved-views/{view.pk}/", {"name": "Weg"}, format="json").status_code == 403
    assert api.delete(f"/api/saved-views/{view.pk}/").status_code == 403
    api.force_authenticate(other_advisor)
    assert api.get(f"/api/saved-views/{view.pk}/").status_code == 404


def test_bad_view_input_gets_a_dutch_error(api, advisor, oost):
    api.force_authenticate(advisor)
    response = api.post("/api/saved-views/", {"name": "X", "shared_with": oost.pk}, format="json")
    assert response.status_code == 400
    assert "wijkteam waar u in zit" in response.content.decode()


def test_managers_keep_texts_through_the_api_and_bad_placeholders_are_refused(api):
    api.force_authenticate(UserFactory(roles=["manager"]))
    response = api.post(
        "/api/standard-texts/", {"title": "Welkom", "language": "nl", "body": "Beste {naam},"}, format="json"
    )
    assert response.status_code == 400 and "Het invulveld {naam} bestaat niet" in response.content.decode()
    response = api.post(
        "/api/standard-texts/",
        {"title": "Welkom", "language": "nl", "body": "Beste {voornaam},"},
        format="json",
    )
    assert response.status_code == 201
    assert StandardText.objects.get().title == "Welkom"


def test_advisors_read_the_texts_but_do_not_keep_them_through_the_api(api, advisor):
    StandardText.objects.create(title="Eerste contact", body="Beste {voornaam},")
    api.force_authenticate(advisor)
    response = api.get("/api/standard-texts/")
    assert response.status_code == 200 and [t["title"] for t in response.json()["results"]] == [
        "Eerste contact"
    ]
    new = {"title": "Welkom", "language": "nl", "body": "Beste {voornaam},"}
    assert api.post("/api/standard-texts/", new, format="json").status_code == 403
    text = StandardText.objects.get()
    assert api.patch(f"/api/standard-texts/{text.pk}/", {"title": "Weg"}, format="json").status_code == 403
    assert api.delete(f"/api/standard-texts/{text.pk}/").status_code == 403


def test_other_roles_read_no_standard_texts(api, noord):
    StandardText.objects.create(title="Eerste contact", body="Beste {voornaam},")
    api.force_authenticate(UserFactory(roles=["icc"]))
    response = api.get("/api/standard-texts/")
    assert response.status_code == 200 and response.json()["results"] == []


@pytest.mark.parametrize("count", [3, 30])
def test_the_view_api_list_costs_a_fixed_number_of_queries(
    api, advisor, noord, count, django_assert_max_num_queries
):
    for n in range(count):
        SavedView.objects.create(owner=advisor, name=f"V{n:02d}", shared_with=noord)
    api.force_authenticate(advisor)
    with django_assert_max_num_queries(6):
        response = api.get("/api/saved-views/")
    assert response.json()["count"] == count


@pytest.mark.parametrize("count", [3, 30])
def test_the_text_api_list_costs_a_fixed_number_of_queries(api, count, django_assert_max_num_queries):
    StandardText.objects.bulk_create(StandardText(title=f"T{n}", body="x") for n in range(count))
    api.force_authenticate(UserFactory(roles=["manager"]))
    with django_assert_max_num_queries(6):
        response = api.get("/api/standard-texts/")
    assert response.json()["count"] == count
