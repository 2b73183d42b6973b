"""An asker's e-mail reply is filed on their request, and only a real, signed reply is."""

import pytest
from django.core import mail

from requests import inbound, replies, services
from requests.models import Message, MessageAttachment, Notification, NotificationKind
from requests.workflow import Status
from tests.requests.factories import CultureRequestFactory
from tests.requests.mail_samples import PDF, reply_mail

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _domain(settings):
    settings.INBOUND_EMAIL_DOMAIN = "antwoord.cultuur.example.nl"


@pytest.fixture
def waiting_request(noord, advisor, django_capture_on_commit_callbacks):
    request = CultureRequestFactory(district=noord, owner=advisor, status=Status.IN_CONVERSATION)
    with django_capture_on_commit_callbacks(execute=True):
        services.message_send(request=request, body="Hoeveel kinderen komen er?", waiting=True, by=advisor)
    request.refresh_from_db()
    mail.outbox.clear()
    return request


def deliver(request, raw=None, capture=None, **kwargs):
    address = inbound.reply_address(request.reply_token)
    raw = raw if raw is not None else reply_mail(address, **kwargs)
    with capture(execute=True):
        return replies.email_reply_receive(raw=raw, recipients=[address], mail_from="fatima@example.org")


def test_every_email_to_the_asker_carries_the_requests_reply_address(
    noord, advisor, django_capture_on_commit_callbacks
):
    request = CultureRequestFactory(district=noord)
    with django_capture_on_commit_callbacks(execute=True):
        services.message_send(request=request, body="Mag ik u bellen?", by=advisor)
    sent = mail.outbox[-1]
    assert sent.to == [request.requester_email]
    assert sent.reply_to == [inbound.reply_address(request.reply_token)]
    assert "U kunt deze e-mail beantwoorden" in sent.body


def test_emails_to_staff_carry_no_reply_address(waiting_request, django_capture_on_commit_callbacks):
    deliver(waiting_request, capture=django_capture_on_commit_callbacks)
    to_owner = [m for m in mail.outbox if m.to == [waiting_request.owner.email]]
    assert to_owner and to_owner[0].reply_to == []


def test_without_an_inbound_domain_no_reply_to_is_set(
    settings, noord, advisor, django_capture_on_commit_callbacks
):
    settings.INBOUND_EMAIL_DOMAIN = ""
    request = CultureRequestFactory(district=noord)
    with django_capture_on_commit_callbacks(execute=True):
        services.message_send(request=request, body="Mag ik u bellen?", by=advisor)
    assert mail.outbox[-1].reply_to == []
    assert "U kunt deze e-mail beantwoorden" not in mail.outbox[-1].body


def test_a_reply_lands_on_the_timeline_tells_the_owner_and_ends_the_wait(
    waiting_request, django_capture_on_commit_callbacks
):
    quoted = (
        "Vier kinderen, van 8 en 10 jaar.\n\nOp di 1 dec. 2026 om 14:02 schreef Cultuur:\n> Hoeveel kinderen?"
    )
    result = deliver(waiting_request, capture=django_capture_on_commit_callbacks, text=quoted)
    assert result.startswith("250")
    message = Message.objects.get(request=waiting_request, direction="from_asker")
    assert message.body == "Vier kinderen, van 8 en 10 jaar."
    event = waiting_request.events.get(action="requests.message.received")
    assert event.actor_label == "Vraagsteller, per e-mail"
    waiting_request.refresh_from_db()
    assert waiting_request.status == Status.IN_CONVERSATION
    assert waiting_request.events.filter(
        from_status=Status.WAITING, to_status=Status.IN_CONVERSATION
    ).exists()
    owner_mail = mail.outbox[-1]
    assert owner_mail.to == [waiting_request.owner.email]
    assert "Vier kinderen" in owner_mail.body


def test_a_reply_to_a_request_that_is_not_waiting_keeps_its_status(
    noord, advisor, django_capture_on_commit_callbacks
):
    request = CultureRequestFactory(district=noord, status=Status.MATCHING)
    assert deliver(request, capture=django_capture_on_commit_callbacks).startswith("250")
    request.refresh_from_db()
    assert request.status == Status.MATCHING
    assert request.messages.filter(direction="from_asker").count() == 1


def test_the_status_page_reply_also_ends_the_wait(client, waiting_request):
    response = client.post(
        f"/vraag/status/{waiting_request.status_token}/reageren/", {"body": "Vier kinderen."}
    )
    assert response.status_code == 302
    waiting_request.refresh_from_db()
    assert waiting_request.status == Status.IN_CONVERSATION


def test_a_forged_address_is_refused_and_nothing_is_stored(
    waiting_request, django_capture_on_commit_callbacks
):
    good = inbound.reply_address(waiting_request.reply_token)
    forged = good.replace(good.split("@")[0][-4:], "0000", 1)
    assert replies.recipient_verdict(forged).startswith("550")
    with django_capture_on_commit_callbacks(execute=True):
        result = replies.email_reply_receive(raw=reply_mail(forged), recipients=[forged])
    assert result.startswith("550")
    assert not Message.objects.filter(direction="from_asker").exists()
    assert mail.outbox == []


def test_an_unknown_but_well_signed_address_is_refused(db):
    address = inbound.reply_address("00000000000000000000")
    assert replies.recipient_verdict(address).startswith("550")


def test_a_reply_to_a_closed_request_is_refused(noord):
    request = CultureRequestFactory(district=noord, status=Status.COMPLETED)
    assert replies.recipient_verdict(inbound.reply_address(request.reply_token)).startswith("550")


def test_an_oversized_mail_is_refused_with_552(settings, waiting_request, django_capture_on_commit_callbacks):
    settings.INBOUND_EMAIL_MAX_BYTES = 2000
    result = deliver(waiting_request, capture=django_capture_on_commit_callbacks, text="x" * 5000)
    assert result.startswith("552")
    assert not waiting_request.messages.filter(direction="from_asker").exists()


def test_an_auto_reply_is_accepted_but_not_stored_nor_notified(
    waiting_request, django_capture_on_commit_callbacks
):
    result = deliver(
        waiting_request,
        capture=django_capture_on_commit_callbacks,
        subject="Afwezig: Nieuw bericht over uw cultuurvraag",
        text="Ik ben tot 5 januari afwezig.",
        headers={"Auto-Submitted": "auto-replied"},
    )
    assert result.startswith("250")
    assert not waiting_request.messages.filter(direction="from_asker").exists()
    assert not Notification.objects.filter(kind=NotificationKind.REPLY).exists()
    waiting_request.refresh_from_db()
    assert waiting_request.status == Status.WAITING
    assert mail.outbox == []


def test_attachments_are_kept_with_the_message_and_refused_ones_noted(
    waiting_request, django_capture_on_commit_callbacks
):
    deliver(
        waiting_request,
        capture=django_capture_on_commit_callbacks,
        attachments=[
            ("offerte.pdf", "application/pdf", PDF),
            ("macro.docm", "application/msword", b"PK\x03\x04"),
        ],
    )
    attachment = MessageAttachment.objects.get()
    assert attachment.filename == "offerte.pdf"
    assert attachment.content_type == "application/pdf"
    assert attachment.file.read() == PDF
    note = waiting_request.events.get(action="requests.message.received").note
    assert "offerte.pdf" in note and "macro.docm" in note


def test_a_mail_with_nothing_left_after_stripping_is_refused(
    waiting_request, django_capture_on_commit_callbacks
):
    result = deliver(
        waiting_request, capture=django_capture_on_commit_callbacks, text="On Tue Advisor wrote:\n> Vraag?"
    )
    assert result.startswith("554")
    assert not waiting_request.messages.filter(direction="from_asker").exists()


def test_a_broken_mail_to_a_good_address_does_not_crash(waiting_request, django_capture_on_commit_callbacks):
    raw = (
        b"Content-Type: multipart/mixed; boundary=X\r\n\r\n--X\r\nContent-Type: text/plain\r\n\r\nKlopt!\r\n"
    )
    result = deliver(waiting_request, raw=raw, capture=django_capture_on_commit_callbacks)
    assert result.startswith("250")
    assert waiting_request.messages.get(direction="from_asker").body == "Klopt!"


def test_the_same_mail_delivered_twice_is_filed_once(waiting_request, django_capture_on_commit_callbacks):
    address = inbound.reply_address(waiting_request.reply_token)
    raw = reply_mail(address, "Vier kinderen.", message_id="<once@example.org>")
    for _ in range(2):
        assert deliver(waiting_request, raw=raw, capture=django_capture_on_commit_callbacks).startswith("250")
    assert waiting_request.messages.filter(direction="from_asker").count() == 1
    assert Notification.objects.filter(kind=NotificationKind.REPLY).count() == 1
    other = reply_mail(address, "En nog iets.", message_id="<twice@example.org>")
    deliver(waiting_request, raw=other, capture=django_capture_on_commit_callbacks)
    assert waiting_request.messages.filter(direction="from_asker").count() == 2


def test_erasing_the_askers_data_deletes_the_files_they_sent(
    waiting_request, settings, django_capture_on_commit_callbacks
):
    from requests.retention import request_erase_on_request

    deliver(
        waiting_request,
        capture=django_capture_on_commit_callbacks,
        attachments=[("paspoort.pdf", "application/pdf", PDF)],
    )
    path = settings.REQUESTS_ATTACHMENT_ROOT / MessageAttachment.objects.get().file.name
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        request_erase_on_request(request=waiting_request)
    assert not MessageAttachment.objects.exists()
    assert not path.exists()
