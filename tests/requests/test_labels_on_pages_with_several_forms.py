"""A label belongs to the control of its own form, on the pages that hold several forms.

Without form prefixes the status page's "Ja, verwijder mijn naam..." label ticked the withdraw box,
and the triage page's "Interne notitie" label focused the message that goes to the resident.
"""

import re

import pytest

from tests.requests.factories import CultureRequestFactory

pytestmark = pytest.mark.django_db


def control_of_label(html: str, label_start: str) -> str:
    """The opening tag of the control that the label starting with `label_start` points at."""
    target = re.search(rf'<label[^>]*for="([^"]+)"[^>]*>\s*{re.escape(label_start)}', html).group(1)
    return re.search(rf'<(?:input|textarea|select)[^>]*id="{re.escape(target)}"[^>]*>', html).group(0)


def test_the_erase_label_ticks_the_erase_box_not_the_withdraw_box(client, noord):
    request = CultureRequestFactory(district=noord)
    html = client.get(f"/vraag/status/{request.status_token}/").content.decode()
    assert 'name="erase-confirm"' in control_of_label(html, "Ja, verwijder mijn naam")
    assert 'name="withdraw-confirm"' in control_of_label(html, "Ja, ik trek mijn vraag in")


def test_the_internal_note_label_focuses_the_note_not_the_message_to_the_resident(client, advisor, noord):
    request = CultureRequestFactory(district=noord)
    client.force_login(advisor)
    html = client.get(f"/triage/{request.reference}/").content.decode()
    assert 'name="note-body"' in control_of_label(html, "Interne notitie")
    assert 'name="message-body"' in control_of_label(html, "Bericht aan de vraagsteller")


def test_a_note_posted_with_its_prefix_stays_internal(client, advisor, noord):
    request = CultureRequestFactory(district=noord)
    client.force_login(advisor)
    client.post(f"/triage/{request.reference}/notitie/", {"note-body": "Alleen voor ons."})
    assert request.notes.get().body == "Alleen voor ons."
    assert not request.messages.exists()
