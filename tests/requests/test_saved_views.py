import pytest

from districts.models import DistrictTeamMember
from requests.advisor_models import SavedView
from requests.saved_views import clean_query
from tests.factories import UserFactory, advisor_in
from tests.requests.factories import CultureRequestFactory

pytestmark = pytest.mark.django_db


def test_saving_keeps_only_the_boards_filters():
    assert clean_query("status=new&status=matching&pagina=3&evil=1&q=&overdue=true") == (
        "overdue=true&status=new&status=matching"
    )


def test_an_advisor_saves_the_current_filters_and_the_board_opens_them(client, advisor, noord):
    client.force_login(advisor)
    response = client.post(
        "/triage/weergaven/opslaan/",
        {"name": "Nieuw in Noord", "query": "status=new&pagina=2", "is_default": ""},
    )
    view = SavedView.objects.get(owner=advisor)
    assert response.status_code == 302 and response["Location"].endswith(f"?weergave={view.pk}")
    assert view.query == "status=new"
    CultureRequestFactory(district=noord, status="new")
    CultureRequestFactory(district=noord, status="matching")
    board = client.get(f"/triage/?weergave={view.pk}")
    assert {row["r"].status for row in board.context["rows"]} == {"new"}
    assert board.context["current_view"].pk == view.pk


def test_the_default_view_opens_when_no_filter_is_given_but_not_over_a_given_filter(client, advisor, noord):
    SavedView.objects.create(owner=advisor, name="Gekoppeld", query="status=matched", is_default=True)
    CultureRequestFactory(district=noord, status="matched")
    CultureRequestFactory(district=noord, status="new")
    client.force_login(advisor)
    assert {row["r"].status for row in client.get("/triage/").context["rows"]} == {"matched"}
    assert {row["r"].status for row in client.get("/triage/?status=new").context["rows"]} == {"new"}
    # "Clear filters" shows everything open, not the default again.
    assert {row["r"].status for row in client.get("/triage/?weergave=geen").context["rows"]} == {
        "new",
        "matched",
    }


def test_one_default_per_advisor(client, advisor):
    client.force_login(advisor)
    client.post("/triage/weergaven/opslaan/", {"name": "A", "query": "", "is_default": "on"})
    client.post("/triage/weergaven/opslaan/", {"name": "B", "query": "", "is_default": "on"})
    assert list(SavedView.objects.filter(is_default=True).values_list("name", flat=True)) == ["B"]


def test_a_shared_view_is_seen_by_the_team_not_by_another_district(client, advisor, other_advisor, noord):
    view = SavedView.objects.create(owner=advisor, name="Team", query="status=new", shared_with=noord)
    colleague = advisor_in(noord)
    client.force_login(colleague)
    assert [v.name for v in client.get("/triage/weergaven/").context["page"]] == ["Team"]
    assert client.get(f"/triage/?weergave={view.pk}").context["current_view"].pk == view.pk
    # A colleague may use it, not change or delete it.
    assert client.post(f"/triage/weergaven/{view.pk}/", {"name": "Mijn"}).status_code == 403
    assert client.post(f"/triage/weergaven/{view.pk}/verwijderen/").status_code == 403
    client.force_login(other_advisor)
    assert list(client.get("/triage/weergaven/").context["page"]) == []
    assert client.get(f"/triage/?weergave={view.pk}").context["current_view"] is None
    assert client.get(f"/triage/weergaven/{view.pk}/").status_code == 404


def test_an_advisor_who_left_the_team_no_longer_sees_its_shared_views(client, advisor, noord):
    SavedView.objects.create(owner=advisor, name="Team", shared_with=noord)
    colleague = advisor_in(noord)
    DistrictTeamMember.objects.filter(user=colleague).delete()
    client.force_login(colleague)
    assert list(client.get("/triage/weergaven/").context["page"]) == []


def test_sharing_with_a_team_one_is_not_in_is_refused(client, advisor, oost):
    client.force_login(advisor)
    response = client.post(
        "/triage/weergaven/opslaan/", {"name": "Oost", "query": "", "shared_with": oost.pk}
    )
    assert response.status_code == 400
    assert "Kies een wijkteam waar u in zit." in response.content.decode()
    assert 'value="Oost"' in response.content.decode()
    assert not SavedView.objects.exists()


def test_bad_input_is_refused_in_dutch_and_kept(client, advisor):
    SavedView.objects.create(owner=advisor, name="Nieuw")
    client.force_login(advisor)
    response = client.post("/triage/weergaven/opslaan/", {"name": "", "query": "status=new"})
    assert response.status_code == 400 and "Geef de weergave een naam." in response.content.decode()
    response = client.post("/triage/weergaven/opslaan/", {"name": "nieuw", "query": "status=new"})
    assert response.status_code == 400
    assert "U heeft al een weergave met de naam ‘nieuw’" in response.content.decode()
    assert 'value="nieuw"' in response.content.decode()


def test_rename_and_delete_an_own_view(client, advisor):
    view = SavedView.objects.create(owner=advisor, name="Oud", query="status=new")
    client.force_login(advisor)
    assert client.post(f"/triage/weergaven/{view.pk}/", {"name": "Nieuw"}).status_code == 302
    view.refresh_from_db()
    assert (view.name, view.query) == ("Nieuw", "status=new")
    assert client.post(f"/triage/weergaven/{view.pk}/verwijderen/").status_code == 302
    assert not SavedView.objects.exists()


def test_a_saved_filter_value_that_no_longer_exists_does_not_break_the_board(client, advisor, noord):
    view = SavedView.objects.create(
        owner=advisor, name="Weg", query="district=999999&status=new&owner=888888"
    )
    CultureRequestFactory(district=noord, status="new")
    CultureRequestFactory(district=noord, status="matching")
    client.force_login(advisor)
    response = client.get(f"/triage/?weergave={view.pk}")
    assert response.status_code == 200
    assert {row["r"].status for row in response.context["rows"]} == {"new"}
    assert "heeft een filter dat niet meer bestaat" in response.content.decode()


def test_a_garbled_view_id_is_ignored(client, advisor):
    client.force_login(advisor)
    assert client.get("/triage/?weergave=abc").status_code == 200
    assert client.get("/triage/?weergave=123456").status_code == 200


@pytest.mark.parametrize("rows", [10, 100])
def test_the_board_with_a_saved_view_costs_a_fixed_number_of_queries(
    client, advisor, noord, rows, django_assert_max_num_queries
):
    CultureRequestFactory.create_batch(rows, district=noord, owner=advisor)
    view = SavedView.objects.create(owner=advisor, name="Mijn", query=f"owner={advisor.pk}", is_default=True)
    for n in range(5):
        SavedView.objects.create(owner=advisor, name=f"V{n}", shared_with=noord)
    client.force_login(advisor)
    with django_assert_max_num_queries(15):
        response = client.get("/triage/")
    assert response.context["current_view"].pk == view.pk
    assert len(response.context["rows"]) == min(rows, 25)


@pytest.mark.parametrize("count", [3, 30])
def test_the_view_list_costs_a_fixed_number_of_queries(
    client, advisor, noord, count, django_assert_max_num_queries
):
    colleague = advisor_in(noord)
    for n in range(count):
        SavedView.objects.create(owner=colleague if n % 2 else advisor, name=f"V{n:02d}", shared_with=noord)
    client.force_login(advisor)
    with django_assert_max_num_queries(10):
        response = client.get("/triage/weergaven/")
    assert len(response.context["page"].object_list) == min(count, 25)


def test_paging_through_a_saved_view_keeps_its_filters_and_its_mark(client, advisor, noord):
    view = SavedView.objects.create(owner=advisor, name="Nieuw", query="status=new")
    CultureRequestFactory.create_batch(30, district=noord, status="new")
    CultureRequestFactory.create_batch(3, district=noord, status="matching")
    client.force_login(advisor)
    first = client.get(f"/triage/?weergave={view.pk}")
    next_link = first.context["links"]["next"]
    assert f"weergave={view.pk}" in next_link
    second = client.get("/triage/" + next_link)
    assert second.context["current_view"].pk == view.pk
    rows = second.context["rows"]
    assert len(rows) == 5 and {row["r"].status for row in rows} == {"new"}


def test_the_picker_lists_own_and_shared_views_and_marks_the_one_on_screen(client, advisor, noord, oost):
    colleague = advisor_in(noord, first_name="Noor", last_name="Visser")
    stranger = advisor_in(oost)
    mine = SavedView.objects.create(owner=advisor, name="Mijn nieuwe", query="status=new", is_default=True)
    SavedView.objects.create(
        owner=colleague, name="Te laat in Noord", query="overdue=true", shared_with=noord
    )
    SavedView.objects.create(owner=colleague, name="Privé van Noor", query="status=new")
    SavedView.objects.create(owner=stranger, name="Oost", query="status=new", shared_with=oost)
    client.force_login(advisor)
    board = client.get("/triage/").content.decode()
    # The board opens the default and asks for the list; the list itself comes with the picker.
    assert (
        f'hx-get="/triage/weergaven/kiezen/?weergave={mine.pk}"' in board and "Te laat in Noord" not in board
    )
    picker = client.get(f"/triage/weergaven/kiezen/?weergave={mine.pk}").content.decode()
    assert f'?weergave={mine.pk}" aria-current="true">Mijn nieuwe</a> <span class="badge">standaard' in picker
    assert 'Te laat in Noord</a> <span class="help">gedeeld door Noor Visser' in picker
    assert "Privé van Noor" not in picker and "Oost" not in picker
    # Without a view on screen the list waits until the advisor opens it.
    assert (
        'hx-trigger="toggle from:closest details once"'
        in client.get("/triage/?weergave=geen").content.decode()
    )


def test_the_picker_is_for_advisors_only(client, noord):
    client.force_login(UserFactory(roles=["manager"]))
    assert client.get("/triage/weergaven/kiezen/").status_code == 403
    client.logout()
    assert client.get("/triage/weergaven/kiezen/").status_code == 302


@pytest.mark.parametrize("count", [3, 30])
def test_the_picker_costs_a_fixed_number_of_queries_and_ignores_a_bad_view_id(
    client, advisor, noord, count, django_assert_max_num_queries
):
    colleague = advisor_in(noord)
    for n in range(count):
        SavedView.objects.create(owner=colleague if n % 2 else advisor, name=f"V{n:02d}", shared_with=noord)
    client.force_login(advisor)
    with django_assert_max_num_queries(8):
        response = client.get("/triage/weergaven/kiezen/?weergave=abc")
    assert response.status_code == 200
    assert len(response.context["saved_views"]) == count
    assert response.context["current_pk"] is None and 'aria-current="true"' not in response.content.decode()
