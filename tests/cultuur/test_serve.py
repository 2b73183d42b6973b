"""`manage.py serve` starts the mail receiver beside the server only when it is configured."""

from cultuur.management.commands.serve import Command


def test_the_embedded_default_starts_only_the_worker(settings):
    settings.INBOUND_SMTP_PORT = 0
    settings.INBOUND_EMAIL_DOMAIN = ""
    assert list(Command().helpers()) == ["Celery worker"]


def test_a_configured_receiver_is_started_too(settings):
    settings.INBOUND_SMTP_PORT = 18325
    settings.INBOUND_EMAIL_DOMAIN = "antwoord.cultuur.example.nl"
    assert list(Command().helpers()) == ["Celery worker", "mail receiver"]
    assert list(Command().helpers(no_worker=True)) == ["mail receiver"]


def test_a_port_without_a_domain_starts_no_receiver(settings):
    settings.INBOUND_SMTP_PORT = 18325
    settings.INBOUND_EMAIL_DOMAIN = ""
    assert "mail receiver" not in Command().helpers()
