"""The public form helps people fill it in (WCAG 1.3.5) and, after an error, starts at the summary."""

import re
from pathlib import Path

import pytest

from tests.requests.factories import form_data

pytestmark = pytest.mark.django_db


def _input(html: str, name: str) -> str:
    return re.search(rf"<input[^>]*name=\"{name}\"[^>]*>", html).group(0)


def test_name_email_phone_and_postcode_say_what_they_ask_for(client):
    html = client.get("/vraag/").content.decode()
    assert 'autocomplete="name"' in _input(html, "requester_name")
    assert 'autocomplete="email"' in _input(html, "requester_email")
    phone = _input(html, "requester_phone")
    assert 'autocomplete="tel"' in phone and 'type="tel"' in phone
    assert 'autocomplete="postal-code"' in _input(html, "postcode")


def test_after_a_server_side_error_the_summary_takes_the_focus_and_links_to_the_fields(client):
    response = client.post("/vraag/", form_data(requester_name="", question="", consent=None))
    assert response.status_code == 400
    html = response.content.decode()
    summary = re.search(r"<div[^>]*id=\"form-errors\"[^>]*>", html).group(0)
    assert 'tabindex="-1"' in summary and "data-error-summary" in summary and "autofocus" in summary
    assert '<a href="#id_requester_name">Uw naam</a>' in html
    assert '<a href="#id_question">Uw vraag</a>' in html
    # What was typed is kept.
    assert 'value="fatima@example.org"' in _input(html, "requester_email")


def test_the_focus_is_moved_by_the_self_hosted_script_not_an_inline_one(client):
    response = client.post("/vraag/", form_data(requester_name=""))
    html = response.content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline scripts are refused by the CSP"
    from django.contrib.staticfiles import finders

    script = Path(finders.find("js/site.js")).read_text(encoding="utf-8")
    assert 'querySelector("[data-error-summary]")' in script and "summary.focus()" in script
