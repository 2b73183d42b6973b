"""Every e-mail is multipart: the plain text and the same content as accessible HTML, in its language."""

import html
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import translation

from cultuur.mail import html_from_text, send


def visible_text(html_part: str) -> str:
    body = re.search(r"<body[^>]*>(.*)</body>", html_part, re.S).group(1)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def test_the_html_part_says_what_the_text_says_with_links_and_its_language():
    text = "Beste Ayse,\n\nUw vraag CV-2026-00012 is binnen.\nVolg haar hier: https://cultuur.example.nl/v/abc/\n\n<b>Groet</b>"
    page = html_from_text(text, subject="Uw vraag is binnen", language="nl")
    assert '<html lang="nl">' in page and "<title>Uw vraag is binnen</title>" in page
    assert page.count("<p ") == 3
    assert '<a href="https://cultuur.example.nl/v/abc/"' in page
    assert "&lt;b&gt;Groet&lt;/b&gt;" in page and "<b>" not in page
    assert visible_text(page) == " ".join(text.split())


def test_send_gives_a_multipart_message_in_the_language_asked():
    send(subject="Your report is ready", body="The report is ready.", to=["m@example.nl"], language="en")
    [message] = mail.outbox
    assert message.body == "The report is ready."
    [(part, mimetype)] = message.alternatives
    assert mimetype == "text/html" and '<html lang="en">' in part and "The report is ready." in part


# Seeding needs the data migrations' rows (disciplines, themes): restored by serialized_rollback.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_demo_e_mail_has_an_html_part_with_the_same_content(settings):
    settings.DEBUG = True
    with translation.override("nl"):
        call_command("seed_demo", verbosity=0, stdout=None)
    call_command("send_request_reminders")
    assert len(mail.outbox) > 10
    print(f"demo e-mails: {len(mail.outbox)}, each multipart")
    for message in mail.outbox:
        [(part, mimetype)] = message.alternatives
        assert mimetype == "text/html"
        assert visible_text(part) == " ".join(message.body.split()), message.subject
        assert 'lang="nl"' in part
