"""Real SMTP to the real receiver process: a reply lands on the timeline; junk is refused or dropped."""

import smtplib

import pytest
from django.conf import settings

from requests import inbound
from requests.models import Message, MessageAttachment, Notification, NotificationKind
from requests.workflow import Status
from tests.factories import DistrictFactory, advisor_in
from tests.requests.factories import CultureRequestFactory
from tests.requests.mail_samples import PDF, reply_mail
from tests.stack.conftest import require_stack, wait_for
from tests.stack.receiver import Receiver

pytestmark = [pytest.mark.stack, pytest.mark.django_db(transaction=True)]
DOMAIN = "antwoord.cultuur.example.nl"


@pytest.fixture
def receiver(celery_worker, tmp_path, settings):
    require_stack()
    settings.INBOUND_EMAIL_DOMAIN = DOMAIN
    # The receiver's tasks (the e-mail to the owner) go to this test's own worker.
    running = Receiver(
        domain=DOMAIN,
        attachment_root=tmp_path / "attachments",
        env={
            "CELERY_TASK_DEFAULT_QUEUE": celery_worker.queue,
            "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        },
    )
    yield running
    print(running.stop())


@pytest.fixture
def waiting_request(db):
    district = DistrictFactory(name="Zaandam-Noord")
    advisor = advisor_in(district, email="adviseur.noord@example.org")
    return CultureRequestFactory(district=district, owner=advisor, status=Status.WAITING)


def smtp(receiver) -> smtplib.SMTP:
    return smtplib.SMTP("127.0.0.1", receiver.port, timeout=30)


def test_a_reply_sent_over_smtp_lands_on_the_timeline_and_the_owner_is_told(receiver, waiting_request):
    address = inbound.reply_address(waiting_request.reply_token)
    raw = reply_mail(
        address,
        "Vier kinderen, van 8 en 10 jaar.\n\nOp di 1 dec. 2026 om 14:02 schreef Cultuur:\n> Hoeveel?",
        attachments=[("aanmelding.pdf", "application/pdf", PDF)],
    )
    with smtp(receiver) as client:
        refused = client.sendmail("fatima@example.org", [address], raw)
    assert refused == {}

    message = Message.objects.get(request=waiting_request, direction="from_asker")
    assert message.body == "Vier kinderen, van 8 en 10 jaar."
    assert waiting_request.events.filter(action="requests.message.received").exists()
    waiting_request.refresh_from_db()
    assert waiting_request.status == Status.IN_CONVERSATION
    attachment = MessageAttachment.objects.get(message=message)
    assert (receiver.attachment_root / attachment.file.name).read_bytes() == PDF
    # The notification went through Redis to a real worker, which sent it.
    assert wait_for(
        lambda: Notification.objects.filter(
            request=waiting_request, kind=NotificationKind.REPLY, sent_at__isnull=False
        ).exists(),
        timeout=60,
    )


def test_a_forged_address_is_refused_with_550_at_rcpt_time(receiver, waiting_request):
    good = inbound.reply_address(waiting_request.reply_token)
    local, domain = good.split("@")
    forged = f"{local[:-4]}beef@{domain}"
    with smtp(receiver) as client, pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        client.sendmail("fatima@example.org", [forged], reply_mail(forged))
    assert refused.value.recipients[forged][0] == 550
    assert not Message.objects.exists()


def test_an_oversized_mail_is_refused_with_552(receiver, waiting_request):
    address = inbound.reply_address(waiting_request.reply_token)
    raw = reply_mail(address, "x" * (settings.INBOUND_EMAIL_MAX_BYTES + 1000))
    with smtp(receiver) as client, pytest.raises(smtplib.SMTPException) as error:
        client.sendmail("fatima@example.org", [address], raw)
    assert getattr(error.value, "smtp_code", None) == 552
    assert not Message.objects.exists()


def test_an_out_of_office_reply_is_accepted_and_dropped(receiver, waiting_request):
    address = inbound.reply_address(waiting_request.reply_token)
    raw = reply_mail(address, "Ik ben afwezig tot 5 januari.", subject="Afwezig: Re: uw vraag")
    with smtp(receiver) as client:
        assert client.sendmail("fatima@example.org", [address], raw) == {}
    assert not Message.objects.exists()
    waiting_request.refresh_from_db()
    assert waiting_request.status == Status.WAITING


def test_the_receiver_also_speaks_lmtp(celery_worker, tmp_path, settings, waiting_request):
    require_stack()
    settings.INBOUND_EMAIL_DOMAIN = DOMAIN
    lmtp = Receiver(
        domain=DOMAIN,
        attachment_root=tmp_path / "attachments",
        env={"CELERY_TASK_DEFAULT_QUEUE": celery_worker.queue},
        lmtp=True,
    )
    try:
        address = inbound.reply_address(waiting_request.reply_token)
        with smtplib.LMTP("127.0.0.1", lmtp.port, timeout=30) as client:
            assert client.sendmail("fatima@example.org", [address], reply_mail(address)) == {}
    finally:
        print(lmtp.stop())
    assert Message.objects.filter(request=waiting_request, direction="from_asker").count() == 1
