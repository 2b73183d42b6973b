"""The SMTP side of the receiver in-process (the stack test runs it as its own process): refusals
that need no database, over a real socket."""

import smtplib

import pytest

from requests.mail_receiver import ReplyController
from tests.requests.mail_samples import reply_mail
from tests.stack.receiver import free_port_in_range

DOMAIN = "antwoord.cultuur.example.nl"


@pytest.fixture
def controller(settings):
    settings.INBOUND_EMAIL_DOMAIN = DOMAIN
    settings.INBOUND_EMAIL_MAX_BYTES = 50_000
    running = ReplyController(host="127.0.0.1", port=free_port_in_range())
    running.start()
    yield running
    running.stop()


def test_a_forged_reply_address_is_refused_at_rcpt_with_550(controller):
    forged = f"vraag+0123456789abcdef0123.0000000000000000@{DOMAIN}"
    with (
        smtplib.SMTP("127.0.0.1", controller.port, timeout=10) as client,
        pytest.raises(smtplib.SMTPRecipientsRefused) as refused,
    ):
        client.sendmail("fatima@example.org", [forged], reply_mail(forged))
    assert refused.value.recipients[forged][0] == 550


def test_an_address_on_another_domain_is_refused(controller):
    with smtplib.SMTP("127.0.0.1", controller.port, timeout=10) as client:
        code, _message = client.ehlo()
        client.mail("fatima@example.org")
        code, message = client.rcpt("someone@elders.example.org")
    assert code == 550


def test_the_size_limit_is_announced_and_a_larger_mail_refused_with_552(controller):
    with smtplib.SMTP("127.0.0.1", controller.port, timeout=10) as client:
        client.ehlo()
        assert client.has_extn("size")
        assert int(client.esmtp_features["size"]) == 50_000
        code, _message = client.mail("fatima@example.org", options=["SIZE=60000"])
    assert code == 552
