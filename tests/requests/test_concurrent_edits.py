"""Two advisors change the same request: the second one is told, never a 500, never a silent overwrite."""

import threading

import pytest
from django.db import connection, connections
from rest_framework.test import APIClient

from requests import services
from requests.models import CultureRequest, RequestEvent
from requests.workflow import Status
from tests.factories import advisor_in
from tests.requests.factories import CultureRequestFactory

MESSAGE = "Deze vraag is intussen gewijzigd door"


@pytest.fixture
def colleague(noord):
    return advisor_in(noord, first_name="Ruben", last_name="Dekker")


@pytest.fixture
def request_(noord):
    return CultureRequestFactory(district=noord)


@pytest.mark.django_db
def test_every_change_bumps_the_version(request_, advisor):
    assert request_.version == 1
    services.request_assign(request=request_, owner=advisor, by=advisor, version=1)
    services.request_change_status(request=request_, to=Status.IN_CONVERSATION, by=advisor, version=2)
    request_.refresh_from_db()
    assert request_.version == 3


@pytest.mark.django_db
def test_a_status_change_from_an_old_page_is_refused_with_who_changed_it(
    client, request_, advisor, colleague
):
    client.force_login(advisor)
    page = client.get(f"/triage/{request_.reference}/").content.decode()
    assert 'name="version" value="1"' in page
    # Ruben moves it first, from his own screen.
    services.request_change_status(request=request_, to=Status.IN_CONVERSATION, by=colleague, version=1)
    response = client.post(
        f"/triage/{request_.reference}/status/",
        {"status-to": "declined", "status-note": "Past niet.", "status-version": "1"},
        follow=True,
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f"{MESSAGE} Ruben Dekker; bekijk de nieuwe versie" in html
    request_.refresh_from_db()
    assert request_.status == Status.IN_CONVERSATION
    assert RequestEvent.objects.filter(request=request_, to_status=Status.DECLINED).count() == 0
    # The page now shows the new version; with it the change goes through.
    assert 'name="version" value="2"' in html


@pytest.mark.django_db
def test_an_assignment_from_an_old_board_row_is_refused_in_the_row(client, request_, advisor, colleague):
    services.request_assign(request=request_, owner=colleague, by=colleague, version=1)
    client.force_login(advisor)
    response = client.post(
        f"/triage/{request_.reference}/toewijzen/", {"version": "1", "next": "board"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    row = response.content.decode()
    assert MESSAGE in row and "Ruben Dekker" in row
    assert 'name="version" value="2"' in row
    request_.refresh_from_db()
    assert request_.owner == colleague


@pytest.mark.django_db
def test_a_garbled_version_is_refused_not_a_500(client, request_, advisor):
    client.force_login(advisor)
    response = client.post(f"/triage/{request_.reference}/toewijzen/", {"version": "abc"}, follow=True)
    assert response.status_code == 200
    assert "Laad de pagina opnieuw" in response.content.decode()
    request_.refresh_from_db()
    assert request_.owner is None


@pytest.mark.django_db
def test_the_api_answers_409_for_an_old_version_and_gives_the_etag(request_, advisor, colleague):
    api = APIClient()
    api.force_authenticate(advisor)
    url = f"/api/requests/{request_.reference}/"
    read = api.get(url)
    assert read["ETag"] == '"1"' and read.json()["version"] == 1
    services.request_assign(request=request_, owner=colleague, by=colleague)
    by_header = api.post(url + "change-status/", {"to": "in_conversation"}, HTTP_IF_MATCH='"1"')
    assert by_header.status_code == 409
    assert MESSAGE in by_header.json()["detail"]
    by_body = api.post(url + "assign-to-me/", {"version": 1}, format="json")
    assert by_body.status_code == 409
    request_.refresh_from_db()
    assert (request_.status, request_.owner) == (Status.NEW, colleague)
    fresh = api.post(url + "change-status/", {"to": "in_conversation"}, HTTP_IF_MATCH='"2"')
    assert fresh.status_code == 200
    assert fresh["ETag"] == '"3"' and fresh.json()["version"] == 3


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("headers", "body"),
    [({"HTTP_IF_MATCH": '"een"'}, {}), ({}, {"version": "een"}), ({}, {"version": 0})],
)
def test_the_api_refuses_a_bad_version_with_400(request_, advisor, headers, body):
    api = APIClient()
    api.force_authenticate(advisor)
    response = api.post(
        f"/api/requests/{request_.reference}/change-status/",
        {"to": "in_conversation", **body},
        format="json",
        **headers,
    )
    assert response.status_code == 400
    assert "version" in response.json()
    request_.refresh_from_db()
    assert request_.status == Status.NEW


@pytest.mark.stack
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_transactions_on_the_same_version_have_one_winner(noord):
    request = CultureRequestFactory(district=noord)
    first, second = advisor_in(noord), advisor_in(noord)
    barrier = threading.Barrier(2)
    outcomes = {}

    def change(advisor, target):
        try:
            barrier.wait(timeout=10)
            services.request_change_status(
                request=CultureRequest.objects.get(pk=request.pk),
                to=target,
                note="Reden",
                by=advisor,
                version=1,
            )
            outcomes[target] = "won"
        except services.RequestConflict as error:
            outcomes[target] = str(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=change, args=(first, Status.IN_CONVERSATION)),
        threading.Thread(target=change, args=(second, Status.DECLINED)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes.values()).count("won") == 1, outcomes
    loser = next(value for value in outcomes.values() if value != "won")
    assert loser.startswith(MESSAGE)
    request.refresh_from_db()
    winner = next(target for target, value in outcomes.items() if value == "won")
    assert (request.status, request.version) == (winner, 2)
    assert RequestEvent.objects.filter(request=request).count() == 1


@pytest.mark.django_db
def test_details_from_an_old_page_are_refused_and_the_newer_ones_stay(client, request_, advisor, colleague):
    services.request_update_details(request=request_, by=colleague, version=1, timing="op zaterdag")
    client.force_login(advisor)
    response = client.post(
        f"/triage/{request_.reference}/gegevens/",
        {"timing": "na schooltijd", "group_size": "12", "version": "1"},
        follow=True,
    )
    assert f"{MESSAGE} Ruben Dekker" in response.content.decode()
    request_.refresh_from_db()
    assert (request_.timing, request_.group_size, request_.version) == ("op zaterdag", None, 2)


@pytest.mark.django_db
def test_details_from_the_current_page_are_saved_and_logged(client, request_, advisor):
    client.force_login(advisor)
    response = client.post(
        f"/triage/{request_.reference}/gegevens/",
        {
            "timing": "na schooltijd",
            "group_size": "12",
            "budget": "250,50",
            "age_group": "youth",
            "version": "1",
        },
    )
    assert response.status_code == 302
    request_.refresh_from_db()
    assert (request_.timing, request_.group_size, request_.budget_cents, request_.age_group) == (
        "na schooltijd",
        12,
        25050,
        "youth",
    )
    assert RequestEvent.objects.filter(request=request_, action="requests.request.details_changed").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("group_size", "twaalf", "Vul een aantal mensen in, van 1 tot 100.000."),
        ("group_size", "0", "Vul een aantal mensen in, van 1 tot 100.000."),
        ("budget", "veel", "Vul een bedrag in euro in, bijvoorbeeld 250 of 250,50."),
        ("age_group", "baby", "Selecteer een geldige keuze"),
    ],
)
def test_bad_details_are_refused_in_dutch_and_what_was_typed_stays(
    client, request_, advisor, field, value, error
):
    client.force_login(advisor)
    data = {"timing": "elke woensdag", "version": "1", field: value}
    response = client.post(f"/triage/{request_.reference}/gegevens/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert error in html
    assert 'value="elke woensdag"' in html
    request_.refresh_from_db()
    assert request_.timing == "" and request_.version == 1


@pytest.mark.django_db
def test_the_api_patches_details_with_the_version_and_answers_409_without_it(request_, advisor, colleague):
    api = APIClient()
    api.force_authenticate(advisor)
    url = f"/api/requests/{request_.reference}/details/"
    ok = api.patch(url, {"timing": "in de zomer", "version": 1}, format="json")
    assert ok.status_code == 200 and ok.json()["timing"] == "in de zomer" and ok["ETag"] == '"2"'
    stale = api.patch(url, {"timing": "in de herfst"}, format="json", HTTP_IF_MATCH='"1"')
    assert stale.status_code == 409 and MESSAGE in stale.json()["detail"]
    bad = api.patch(url, {"group_size": "veel", "version": 2}, format="json")
    assert bad.status_code == 400 and "group_size" in bad.json()
    request_.refresh_from_db()
    assert request_.timing == "in de zomer"
    api.force_authenticate(colleague)
    assert api.patch(url, {"timing": "x"}, format="json").status_code == 200
    from tests.factories import UserFactory

    api.force_authenticate(UserFactory(roles=["manager"]))
    assert api.patch(url, {"timing": "y"}, format="json").status_code == 403
