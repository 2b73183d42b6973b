from datetime import timedelta

import pytest
from django.utils import timezone

from requests.models import CultureRequest, RequestEvent
from requests.workflow import Status
from tests.factories import UserFactory, advisor_in
from tests.requests.factories import CultureRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(db):
    return UserFactory(roles=["manager"])


def refs(response):
    return {row["r"].reference for row in response.context["rows"]}


def test_an_advisor_never_sees_another_districts_request_on_the_board(client, advisor, noord, oost):
    mine = CultureRequestFactory(district=noord)
    theirs = CultureRequestFactory(district=oost)
    client.force_login(advisor)
    response = client.get("/triage/")
    assert refs(response) == {mine.reference}
    assert theirs.reference not in response.content.decode()
    # Not even by asking for the other district in the URL.
    assert theirs.reference not in refs(client.get(f"/triage/?district={oost.pk}"))


def test_an_advisor_never_sees_another_districts_request_detail(client, advisor, oost):
    theirs = CultureRequestFactory(district=oost)
    client.force_login(advisor)
    assert client.get(f"/triage/{theirs.reference}/").status_code == 404
    for action in ("toewijzen", "status", "bericht", "notitie"):
        assert (
            client.post(f"/triage/{theirs.reference}/{action}/", {"status-to": "in_conversation"}).status_code
            == 404
        )
    theirs.refresh_from_db()
    assert theirs.owner is None and theirs.status == Status.NEW


def test_a_manager_sees_all_districts_but_cannot_change_anything(client, manager, noord, oost):
    a = CultureRequestFactory(district=noord)
    b = CultureRequestFactory(district=oost)
    client.force_login(manager)
    assert refs(client.get("/triage/")) == {a.reference, b.reference}
    detail = client.get(f"/triage/{a.reference}/")
    assert detail.status_code == 200
    assert "Wijzig status" not in detail.content.decode()
    assert client.post(f"/triage/{a.reference}/toewijzen/").status_code == 403
    assert client.post(f"/triage/{a.reference}/status/", {"status-to": "in_conversation"}).status_code == 403
    assert client.post(f"/triage/{a.reference}/bericht/", {"message-body": "hoi"}).status_code == 403
    a.refresh_from_db()
    assert a.status == Status.NEW and a.owner is None


@pytest.mark.parametrize("roles", [["icc"], ["maker"], []])
def test_other_roles_have_no_board(client, roles):
    client.force_login(UserFactory(roles=roles))
    assert client.get("/triage/").status_code == 403


def test_anonymous_visitors_are_sent_to_login(client):
    assert client.get("/triage/")["Location"].startswith("/accounts/login/")


def test_the_default_view_shows_what_needs_action_oldest_first(client, advisor, noord):
    old = CultureRequestFactory(district=noord)
    CultureRequest.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=3))
    new = CultureRequestFactory(district=noord)
    CultureRequestFactory(district=noord, status=Status.EVALUATED)
    client.force_login(advisor)
    rows = client.get("/triage/").context["rows"]
    assert [row["r"].reference for row in rows] == [old.reference, new.reference]


def test_filters_search_and_sort_work_and_live_in_the_url(client, advisor, noord):
    a = CultureRequestFactory(
        district=noord, question="Graffiti workshop voor jongeren", requester_kind="initiative"
    )
    b = CultureRequestFactory(district=noord, status=Status.MATCHING, requester_name="Henk de Groot")
    c = CultureRequestFactory(district=noord, status=Status.EVALUATED)
    client.force_login(advisor)
    assert refs(client.get("/triage/?q=graffiti")) == {a.reference}
    assert refs(client.get("/triage/?q=henk")) == {b.reference}
    assert refs(client.get(f"/triage/?q={c.reference}&closed=true")) == {c.reference}
    assert refs(client.get("/triage/?status=matching")) == {b.reference}
    assert refs(client.get("/triage/?kind=initiative")) == {a.reference}
    assert refs(client.get("/triage/?no_contact=true")) == {a.reference, b.reference}
    assert refs(client.get("/triage/?closed=true")) == {a.reference, b.reference, c.reference}
    response = client.get("/triage/?sort=nieuwste&status=new&status=matching")
    assert [row["r"].reference for row in response.context["rows"]] == [b.reference, a.reference]
    assert client.get("/triage/?sort=onzin&status=xyz").status_code == 200


def test_overdue_requests_stand_out_and_can_be_filtered(client, advisor, noord):
    # Late is past the stored deadline of its service norm (requests.norms), whatever its status.
    late = CultureRequestFactory(district=noord, status_changed_at=timezone.now() - timedelta(days=20))
    fresh = CultureRequestFactory(district=noord)
    client.force_login(advisor)
    assert refs(client.get("/triage/?overdue=true")) == {late.reference}
    page = client.get("/triage/").content.decode()
    row = page.split(f'id="row-{late.reference}"')[1].split("</tr>")[0]
    assert "te laat" in row
    assert "te laat" not in page.split(f'id="row-{fresh.reference}"')[1].split("</tr>")[0]


def test_the_owner_filter_shows_my_requests(client, advisor, noord):
    mine = CultureRequestFactory(district=noord, owner=advisor)
    CultureRequestFactory(district=noord)
    client.force_login(advisor)
    assert refs(client.get(f"/triage/?owner={advisor.pk}")) == {mine.reference}


def test_assign_to_me_with_htmx_returns_the_row(client, advisor, noord):
    request = CultureRequestFactory(district=noord)
    client.force_login(advisor)
    response = client.post(f"/triage/{request.reference}/toewijzen/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.strip().startswith(f'<tr id="row-{request.reference}"')
    request.refresh_from_db()
    assert request.owner == advisor
    assert RequestEvent.objects.get(request=request).action == "requests.request.assigned"


def test_change_status_with_a_note_with_htmx(client, advisor, noord):
    request = CultureRequestFactory(district=noord)
    client.force_login(advisor)
    response = client.post(
        f"/triage/{request.reference}/status/",
        {"status-to": "in_conversation", "status-note": "Gebeld, we spreken af.", "status-message": "on"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    request.refresh_from_db()
    assert request.status == Status.IN_CONVERSATION
    assert request.messages.get().body == "Gebeld, we spreken af."


def test_a_forbidden_status_change_shows_an_error_in_the_row(client, advisor, noord):
    request = CultureRequestFactory(district=noord)
    client.force_login(advisor)
    response = client.post(
        f"/triage/{request.reference}/status/",
        {"status-to": "declined", "status-note": ""},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert "reden" in response.content.decode()
    response = client.post(f"/triage/{request.reference}/status/", {"status-to": "evaluated"})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == Status.NEW


def test_without_javascript_the_actions_redirect(client, advisor, noord):
    request = CultureRequestFactory(district=noord)
    client.force_login(advisor)
    response = client.post(f"/triage/{request.reference}/toewijzen/", {"next": "board"})
    assert response["Location"] == "/triage/"


def test_the_detail_shows_question_contact_timeline_notes_and_messages(client, advisor, noord):
    request = CultureRequestFactory(district=noord, requester_phone="06 12345678")
    client.force_login(advisor)
    client.post(f"/triage/{request.reference}/notitie/", {"note-body": "Intern: kent de buurtcoach."})
    client.post(f"/triage/{request.reference}/bericht/", {"message-body": "Wanneer kan ik u bellen?"})
    page = client.get(f"/triage/{request.reference}/").content.decode()
    for text in (request.question, "06 12345678", "Intern: kent de buurtcoach.", "Wanneer kan ik u bellen?"):
        assert text in page
    assert "Tijdlijn" in page


@pytest.mark.parametrize("body", ["", "x" * 6000])
def test_bad_notes_and_messages_are_refused(client, advisor, noord, body):
    request = CultureRequestFactory(district=noord)
    client.force_login(advisor)
    assert client.post(f"/triage/{request.reference}/notitie/", {"note-body": body}).status_code == 302
    # A refused message is shown again with its error, so that what was typed is not lost.
    response = client.post(f"/triage/{request.reference}/bericht/", {"message-body": body})
    assert response.status_code == 400
    assert body in response.content.decode()
    assert not request.notes.exists() and not request.messages.exists()


@pytest.mark.parametrize("rows", [10, 100])
def test_the_board_costs_a_fixed_number_of_queries(
    client, advisor, noord, rows, django_assert_max_num_queries, settings
):
    CultureRequestFactory.create_batch(rows, district=noord, owner=advisor)
    client.force_login(advisor)
    with django_assert_max_num_queries(14):
        response = client.get("/triage/?pagina=1")
    assert len(response.context["rows"]) == min(rows, 25)
    # Once the filter's choices are cached: the session, the user, their roles and districts, the
    # rows and their count. No saved views (the picker fetches them) and no query per row.
    with django_assert_max_num_queries(6):
        response = client.get("/triage/?weergave=geen")
    assert len(response.context["rows"]) == min(rows, 25)


def test_the_filter_form_shows_what_was_chosen_and_what_was_wrong(client, advisor, noord):
    client.force_login(advisor)
    html = client.get(
        f'/triage/?q=a"b&status=new&status=matching&district={noord.pk}&no_contact=true&sort=nieuwste'
    ).content.decode()
    assert '<input type="text" name="q" value="a&quot;b" id="id_q">' in html
    assert '<option value="new" selected>' in html
    assert '<option value="matching" selected>' in html
    assert '<option value="in_conversation">' in html
    assert f'<option value="{noord.pk}" selected>{noord.name}</option>' in html
    assert '<option value="true" selected>' in html
    assert '<option value="nieuwste" selected>' in html
    html = client.get("/triage/?district=999999").content.decode()
    assert 'class="errorlist' in html
    assert '<option value="" selected>' in html


def test_the_district_and_owner_selects_offer_only_the_viewers_own_scope(client, advisor, noord, oost):
    advisor_in(noord, first_name="Noor", last_name="Visser")
    other = advisor_in(oost, first_name="Olaf", last_name="Oost")
    for viewer, own, theirs, own_name, their_name in (
        (advisor, noord, oost, "Noor Visser", "Olaf Oost"),
        (other, oost, noord, "Olaf Oost", "Noor Visser"),
    ):
        client.force_login(viewer)
        html = client.get("/triage/").content.decode()
        district_select = html.split('name="district"')[1].split("</select>")[0]
        owner_select = html.split('name="owner"')[1].split("</select>")[0]
        assert f'value="{own.pk}"' in district_select and f'value="{theirs.pk}"' not in district_select
        assert own_name in owner_select and their_name not in owner_select


def test_what_an_asker_typed_is_escaped_in_the_board_row(client, advisor, noord):
    request = CultureRequestFactory(
        district=noord,
        requester_name='<script>alert("x")</script>',
        organisation="Buurt & <b>Co</b>",
        question="<img src=x onerror=alert(1)>" + "lang " * 40,
    )
    client.force_login(advisor)
    html = client.get("/triage/").content.decode()
    row = html.split(f'id="row-{request.reference}"')[1].split("</tr>")[0]
    assert "<script>" not in row and "<img" not in row and "<b>" not in row
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in row
    assert "Buurt &amp; &lt;b&gt;Co&lt;/b&gt;" in row
    # The question is cut at 140 characters, as the truncatechars filter did.
    assert "&lt;img src=x onerror=alert(1)&gt;" in row and "…" in row


def test_a_board_row_shows_owner_dates_and_the_allowed_next_statuses(client, advisor, noord):
    colleague = advisor_in(noord, email="collega@example.org")
    colleague.first_name, colleague.last_name = "Sanne", "de Vries"
    colleague.save()
    request = CultureRequestFactory(district=noord, owner=colleague, status=Status.IN_CONVERSATION)
    CultureRequest.objects.filter(pk=request.pk).update(
        created_at=timezone.make_aware(timezone.datetime(2026, 3, 5, 23, 30), timezone.get_fixed_timezone(0))
    )
    client.force_login(advisor)
    html = client.get("/triage/").content.decode()
    row = html.split(f'id="row-{request.reference}"')[1].split("</tr>")[0]
    assert "Sanne de Vries" in row
    # Stored in UTC, shown in Amsterdam time: 23:30 UTC on 5 March is 6 March there.
    assert '<time datetime="2026-03-06T00:30:00+01:00">6 Mrt 2026</time>' in row
    assert f'action="/triage/{request.reference}/toewijzen/"' in row
    options = row.split('name="status-to">')[1].split("</select>")[0]
    assert '<option value="matching">' in options and '<option value="new">' not in options
    assert 'name="csrfmiddlewaretoken"' in row


def test_a_manager_sees_the_rows_without_any_form(client, noord):
    request = CultureRequestFactory(district=noord)
    client.force_login(UserFactory(roles=["manager"]))
    html = client.get("/triage/").content.decode()
    row = html.split(f'id="row-{request.reference}"')[1].split("</tr>")[0]
    assert "<form" not in row and request.requester_name in row and "niemand" in row
