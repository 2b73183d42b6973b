"""Reopen: an unhappy asker sends their evaluated question back to the district board, once."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from freezegun import freeze_time

from requests import norms, services, workflow
from requests.models import Evaluation, Notification, NotificationKind, RequestEvent
from requests.workflow import Status
from tests.requests.factories import CultureRequestFactory

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def status_url(request):
    return f"/vraag/status/{request.status_token}/"


def evaluate(client, request, satisfaction="2", answered="yes"):
    return client.post(
        status_url(request) + "evaluatie/",
        {"satisfaction": satisfaction, "answered": answered, "would_ask_again": "no"},
        follow=True,
    )


@pytest.fixture
def completed(noord, advisor):
    return CultureRequestFactory(district=noord, status=Status.COMPLETED, owner=advisor)


@pytest.mark.parametrize(("satisfaction", "answered"), [("1", "yes"), ("2", "yes"), ("5", "no")])
def test_an_unhappy_evaluation_offers_to_reopen(client, completed, satisfaction, answered):
    page = evaluate(client, completed, satisfaction, answered).content.decode()
    assert "Open mijn vraag opnieuw" in page
    assert "Hieronder kunt u uw vraag opnieuw openen" in page


def test_a_happy_evaluation_offers_nothing_and_reopen_is_refused(client, completed):
    page = evaluate(client, completed, "4", "yes").content.decode()
    assert "Open mijn vraag opnieuw" not in page
    client.post(status_url(completed) + "heropenen/", {"confirm": "on"})
    completed.refresh_from_db()
    assert completed.status == Status.EVALUATED and completed.reopened_at is None


def test_reopening_returns_the_request_to_the_board_flagged_with_a_fresh_norm(
    client, completed, advisor, django_capture_on_commit_callbacks
):
    evaluate(client, completed)
    now = datetime(2026, 12, 2, 10, 0, tzinfo=AMS)
    with freeze_time(now), django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            status_url(completed) + "heropenen/", {"confirm": "on", "reason": "Er kwam niemand langs."}
        )
    assert response.status_code == 302
    completed.refresh_from_db()
    assert completed.status == Status.IN_CONVERSATION
    assert completed.reopened_at == now
    assert completed.norm_deadline == norms.deadline_after(now, 10)
    assert RequestEvent.objects.filter(request=completed, action=workflow.ACTION_REOPENED).exists()
    status_event = RequestEvent.objects.filter(request=completed, to_status=Status.IN_CONVERSATION).get()
    assert status_event.note == "Er kwam niemand langs."
    # The owner is told.
    assert Notification.objects.filter(request=completed, kind=NotificationKind.REOPENED).exists()
    assert any(advisor.email in m.to and "heropend" in m.subject for m in mail.outbox)
    # On the board, flagged.
    client.force_login(advisor)
    board = client.get("/triage/?reopened=true")
    assert [row["r"].id for row in board.context["rows"]] == [completed.pk]
    row = board.content.decode().split(f'id="row-{completed.reference}"')[1].split("</tr>")[0]
    assert "heropend" in row


def test_a_request_is_reopened_only_once_per_evaluation(client, completed):
    evaluate(client, completed)
    client.post(status_url(completed) + "heropenen/", {"confirm": "on"})
    completed.refresh_from_db()
    # Back through the work to evaluated (the evaluation stays), then a second try.
    services.request_change_status(request=completed, to=Status.WITHDRAWN, by=None)
    from requests.models import CultureRequest

    CultureRequest.objects.filter(pk=completed.pk).update(status=Status.EVALUATED)
    page = client.get(status_url(completed)).content.decode()
    assert "Open mijn vraag opnieuw" not in page
    response = client.post(status_url(completed) + "heropenen/", {"confirm": "on"}, follow=True)
    assert "kan niet (meer) worden heropend" in response.content.decode()
    completed.refresh_from_db()
    assert completed.status == Status.EVALUATED
    assert RequestEvent.objects.filter(request=completed, action=workflow.ACTION_REOPENED).count() == 1


def test_the_service_refuses_a_second_reopen_even_when_asked_directly(client, completed):
    from requests.reopen import request_reopen

    evaluate(client, completed)
    request_reopen(request=completed)
    from requests.models import CultureRequest

    CultureRequest.objects.filter(pk=completed.pk).update(status=Status.EVALUATED)
    completed.refresh_from_db()
    with pytest.raises(services.RequestError, match="al eens heropend"):
        request_reopen(request=completed)


def test_reopen_without_the_tick_keeps_what_was_typed(client, completed):
    evaluate(client, completed)
    response = client.post(status_url(completed) + "heropenen/", {"reason": "Niemand belde terug."})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Vink aan dat u uw vraag opnieuw wilt openen." in page
    assert "Niemand belde terug." in page
    completed.refresh_from_db()
    assert completed.status == Status.EVALUATED


def test_reopen_with_a_too_long_reason_is_refused_and_kept(client, completed):
    evaluate(client, completed)
    response = client.post(status_url(completed) + "heropenen/", {"reason": "x" * 1001, "confirm": "on"})
    assert response.status_code == 400
    assert "Schrijf hoogstens 1000 tekens." in response.content.decode()


def test_reopen_needs_the_secret_link(client, completed):
    evaluate(client, completed)
    assert client.post("/vraag/status/verkeerd-token/heropenen/", {"confirm": "on"}).status_code == 404
    assert client.get(status_url(completed) + "heropenen/").status_code == 405


def test_the_board_cannot_move_an_evaluated_request_back(completed, advisor):
    Evaluation.objects.create(request=completed, satisfaction=1, answered=False, would_ask_again=False)
    services.request_change_status(request=completed, to=Status.EVALUATED, by=None)
    assert Status.IN_CONVERSATION not in workflow.allowed_targets(Status.EVALUATED)
    with pytest.raises(services.RequestError):
        services.request_change_status(request=completed, to=Status.IN_CONVERSATION, by=advisor)
