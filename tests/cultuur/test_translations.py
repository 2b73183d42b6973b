import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

CATALOGUE = Path(settings.BASE_DIR) / "cultuur" / "locale" / "en" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\([a-z_0-9]+\)[sd]|%[sd]|\{[a-z_]+\}")


def _entries():
    return [entry for entry in polib.pofile(str(CATALOGUE)) if not entry.obsolete]


def test_every_dutch_string_has_an_english_translation():
    missing = [
        entry.msgid[:60]
        for entry in _entries()
        if "fuzzy" in entry.flags
        or not (entry.msgstr or all(entry.msgstr_plural.values()) and entry.msgstr_plural)
    ]
    assert len(_entries()) > 100
    assert missing == []


def test_translations_keep_every_placeholder():
    broken = []
    for entry in _entries():
        translations = [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())
        sources = [entry.msgid] if not entry.msgid_plural else [entry.msgid, entry.msgid_plural]
        wanted = set().union(*(PLACEHOLDER.findall(text) for text in sources))
        for text in translations:
            if set(PLACEHOLDER.findall(text)) - wanted or (
                not entry.msgid_plural and set(PLACEHOLDER.findall(text)) != wanted
            ):
                broken.append(entry.msgid[:60])
    assert broken == []


@pytest.mark.django_db
def test_the_site_speaks_english_after_switching_language(client):
    call_command("compiletranslations", verbosity=0)
    translation.trans_real._translations = {}  # reload the freshly compiled catalogue
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)
    page = response.content.decode()
    assert '<html lang="en">' in page
    assert "Skip to content" in page or "Skip to main content" in page
    assert "Naar de inhoud" not in page
