"""Waiting on the asker: a message with a question starts it, a reply ends it, the sweep follows up."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core import mail
from freezegun import freeze_time
from rest_framework.test import APIClient

from requests import inbound, replies, services
from requests.models import Notification, NotificationKind
from requests.tasks import sweep_waiting
from requests.workflow import Status
from tests.factories import advisor_in
from tests.requests.factories import CultureRequestFactory
from tests.requests.mail_samples import PDF, reply_mail

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def at(*args):
    return datetime(*args, tzinfo=AMS)


def test_a_message_with_a_question_puts_the_request_in_waiting(noord, advisor):
    request = CultureRequestFactory(district=noord, status=Status.IN_CONVERSATION)
    services.message_send(request=request, body="Welke dag past u?", waiting=True, by=advisor)
    request.refresh_from_db()
    assert request.status == Status.WAITING
    assert request.events.filter(to_status=Status.WAITING, actor=advisor).exists()


def test_a_first_message_with_a_question_on_a_new_request_goes_through_in_conversation(noord, advisor):
    request = CultureRequestFactory(district=noord)
    services.message_send(request=request, body="Welke dag past u?", waiting=True, by=advisor)
    request.refresh_from_db()
    assert request.status == Status.WAITING
    assert list(request.events.exclude(to_status="").values_list("to_status", flat=True)) == [
        Status.IN_CONVERSATION,
        Status.WAITING,
    ]
    assert request.first_contact_at is not None


def test_a_message_without_the_question_leaves_the_status(noord, advisor):
    request = CultureRequestFactory(district=noord, status=Status.IN_CONVERSATION)
    services.message_send(request=request, body="Ter informatie.", by=advisor)
    request.refresh_from_db()
    assert request.status == Status.IN_CONVERSATION


def test_a_request_that_cannot_wait_refuses_and_sends_nothing(noord, advisor):
    request = CultureRequestFactory(district=noord, status=Status.IN_PROGRESS)
    with pytest.raises(services.RequestError, match="kan niet op antwoord"):
        services.message_send(request=request, body="Hoe gaat het?", waiting=True, by=advisor)
    assert not request.messages.exists()


def test_the_detail_page_form_puts_the_request_in_waiting(client, noord, advisor):
    request = CultureRequestFactory(district=noord, status=Status.IN_CONVERSATION)
    client.force_login(advisor)
    page = client.get(f"/triage/{request.reference}/")
    assert "Wacht op antwoord van de vraagsteller" in page.content.decode()
    response = client.post(
        f"/triage/{request.reference}/bericht/", {"body": "Welke dag past u?", "waiting": "on"}
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == Status.WAITING


def test_the_form_keeps_what_was_typed_when_the_request_cannot_wait(client, noord, advisor):
    request = CultureRequestFactory(district=noord, status=Status.IN_PROGRESS)
    client.force_login(advisor)
    response = client.post(
        f"/triage/{request.reference}/bericht/", {"body": "Mijn lange bericht aan u.", "waiting": "on"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "kan niet op antwoord van de vraagsteller wachten" in html
    assert "Mijn lange bericht aan u." in html
    assert not request.messages.exists()


def test_an_empty_message_gets_a_dutch_error(client, noord, advisor):
    request = CultureRequestFactory(district=noord)
    client.force_login(advisor)
    response = client.post(f"/triage/{request.reference}/bericht/", {"body": "", "waiting": "on"})
    assert response.status_code == 400
    assert "Schrijf een bericht." in response.content.decode()


def test_the_api_sends_a_message_that_waits(noord, advisor):
    request = CultureRequestFactory(district=noord, status=Status.IN_CONVERSATION)
    api = APIClient()
    api.force_authenticate(advisor)
    url = f"/api/requests/{request.reference}/send-message/"
    response = api.post(url, {"body": "Welke dag past u?", "waiting": True}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["body"] == "Welke dag past u?"
    request.refresh_from_db()
    assert request.status == Status.WAITING
    bad = api.post(url, {"body": ""}, format="json")
    assert bad.status_code == 400
    assert "body" in str(bad.json())


def test_the_api_refuses_a_wait_the_workflow_does_not_allow(noord, advisor):
    request = CultureRequestFactory(district=noord, status=Status.IN_PROGRESS)
    api = APIClient()
    api.force_authenticate(advisor)
    response = api.post(
        f"/api/requests/{request.reference}/send-message/", {"body": "Vraag", "waiting": True}, format="json"
    )
    assert response.status_code == 400
    assert "kan niet op antwoord" in response.json()["detail"]


# --- the sweep ---------------------------------------------------------------------------------


@pytest.fixture
def waiting_since_wednesday(noord, advisor):
    # Wednesday 23 December 2026; Christmas (25, 26) and the weekend are no working days.
    with freeze_time(at(2026, 12, 23, 10, 0)):
        request = CultureRequestFactory(district=noord, owner=advisor, status=Status.IN_CONVERSATION)
        services.message_send(request=request, body="Welke dag past u?", waiting=True, by=advisor)
    return request


def sweep(when, capture):
    with freeze_time(when), capture(execute=True):
        return sweep_waiting.delay().get()


def test_the_beat_schedule_runs_the_waiting_sweep():
    assert "requests.tasks.sweep_waiting" in {e["task"] for e in settings.CELERY_BEAT_SCHEDULE.values()}


def test_the_asker_is_reminded_once_after_n_working_days_then_the_owner_is_told(
    waiting_since_wednesday, advisor, django_capture_on_commit_callbacks, settings
):
    settings.INBOUND_EMAIL_DOMAIN = "antwoord.cultuur.example.nl"
    request = waiting_since_wednesday
    # Working days from Thu 24: 24, 28, 29, 30, 31 = five; the reminder goes out on the 31st.
    assert sweep(at(2026, 12, 30, 23, 0), django_capture_on_commit_callbacks) == {"asker": 0, "owner": 0}
    mail.outbox.clear()
    assert sweep(at(2026, 12, 31, 9, 0), django_capture_on_commit_callbacks) == {"asker": 1, "owner": 0}
    assert [m.to for m in mail.outbox] == [[request.requester_email]]
    assert mail.outbox[0].reply_to == [inbound.reply_address(request.reply_token)]
    assert "We wachten op uw antwoord" in mail.outbox[0].subject
    # A rerun the same day (or a second worker) does nothing more.
    assert sweep(at(2026, 12, 31, 10, 0), django_capture_on_commit_callbacks) == {"asker": 0, "owner": 0}
    # Five working days later (1 January is a holiday): 4, 5, 6, 7, 8 January.
    assert sweep(at(2027, 1, 7, 23, 0), django_capture_on_commit_callbacks)["owner"] == 0
    assert sweep(at(2027, 1, 8, 9, 0), django_capture_on_commit_callbacks) == {"asker": 0, "owner": 1}
    assert mail.outbox[-1].to == [advisor.email]
    assert request.reference in mail.outbox[-1].subject
    for _ in range(2):
        assert sweep(at(2027, 1, 9, 9, 0), django_capture_on_commit_callbacks) == {"asker": 0, "owner": 0}
    assert Notification.objects.filter(kind=NotificationKind.WAITING_REMINDER).count() == 1
    assert Notification.objects.filter(kind=NotificationKind.WAITING_OWNER).count() == 1
    assert request.events.filter(action="requests.reminder.sent").count() == 2


def test_a_request_that_got_its_answer_is_not_chased(
    waiting_since_wednesday, django_capture_on_commit_callbacks
):
    with freeze_time(at(2026, 12, 28, 9, 0)):
        services.message_receive(request=waiting_since_wednesday, body="Dinsdag past.")
    assert sweep(at(2027, 1, 20, 9, 0), django_capture_on_commit_callbacks) == {"asker": 0, "owner": 0}


def test_a_new_wait_gets_its_own_reminder(
    waiting_since_wednesday, advisor, django_capture_on_commit_callbacks
):
    request = waiting_since_wednesday
    sweep(at(2026, 12, 31, 9, 0), django_capture_on_commit_callbacks)
    with freeze_time(at(2027, 1, 4, 9, 0)):
        services.message_receive(request=request, body="Dinsdag past.")
        services.message_send(request=request, body="En hoe laat?", waiting=True, by=advisor)
    assert sweep(at(2027, 1, 11, 9, 0), django_capture_on_commit_callbacks)["asker"] == 1
    assert Notification.objects.filter(kind=NotificationKind.WAITING_REMINDER).count() == 2


def test_an_asker_without_email_is_not_reminded_but_the_owner_is_told(
    noord, advisor, django_capture_on_commit_callbacks
):
    with freeze_time(at(2026, 12, 23, 10, 0)):
        request = CultureRequestFactory(
            district=noord,
            owner=advisor,
            status=Status.IN_CONVERSATION,
            requester_email="",
            requester_phone="0612345678",
        )
        services.message_send(request=request, body="Ik bel u.", waiting=True, by=advisor)
    assert sweep(at(2027, 1, 8, 9, 0), django_capture_on_commit_callbacks) == {"asker": 0, "owner": 1}


# --- attachments on the detail page ------------------------------------------------------------


@pytest.fixture
def with_attachment(settings, noord, advisor):
    settings.INBOUND_EMAIL_DOMAIN = "antwoord.cultuur.example.nl"
    request = CultureRequestFactory(district=noord, status=Status.IN_CONVERSATION)
    address = inbound.reply_address(request.reply_token)
    raw = reply_mail(address, "Zie de offerte.", attachments=[("offerte.pdf", "application/pdf", PDF)])
    assert replies.email_reply_receive(raw=raw, recipients=[address]).startswith("250")
    return request, request.messages.get().attachments.get()


def test_staff_see_and_download_an_attachment_on_the_detail_page(client, advisor, with_attachment):
    request, attachment = with_attachment
    client.force_login(advisor)
    url = f"/triage/{request.reference}/bijlage/{attachment.pk}/"
    assert url in client.get(f"/triage/{request.reference}/").content.decode()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PDF


def test_the_status_page_does_not_show_attachments(client, with_attachment):
    request, attachment = with_attachment
    html = client.get(f"/vraag/status/{request.status_token}/").content.decode()
    assert "Zie de offerte." in html
    assert "/bijlage/" not in html
    assert attachment.filename not in html


def test_an_advisor_of_another_district_gets_404_for_an_attachment(client, oost, with_attachment):
    request, attachment = with_attachment
    client.force_login(advisor_in(oost))
    assert client.get(f"/triage/{request.reference}/bijlage/{attachment.pk}/").status_code == 404


def test_an_attachment_of_another_request_is_404(client, noord, advisor, with_attachment):
    _request, attachment = with_attachment
    other = CultureRequestFactory(district=noord)
    client.force_login(advisor)
    assert client.get(f"/triage/{other.reference}/bijlage/{attachment.pk}/").status_code == 404


def test_the_checkbox_is_not_offered_where_the_workflow_does_not_allow_waiting(client, noord, advisor):
    request = CultureRequestFactory(district=noord, status=Status.IN_PROGRESS)
    client.force_login(advisor)
    html = client.get(f"/triage/{request.reference}/").content.decode()
    assert "Bericht aan de vraagsteller" in html
    assert "Wacht op antwoord van de vraagsteller" not in html
