"""Reference data (disciplines, target groups, languages, the 17 SDGs) speaks the visitor's language."""

import pytest
from django.core.management import call_command
from django.utils import translation

from impact.models import ImpactTheme
from makers.models import Discipline, Language, TargetGroup

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(client):
    call_command("compiletranslations", verbosity=0)
    translation.trans_real._translations = {}  # reload the freshly compiled catalogue
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client


def test_every_reference_row_has_an_english_name():
    for model in (Discipline, TargetGroup, Language, ImpactTheme):
        assert model.objects.exists()
        assert not model.objects.filter(name_en="").exists(), model.__name__
    assert Discipline.objects.count() == 12 and ImpactTheme.objects.count() == 17


def test_the_english_public_form_lists_the_disciplines_in_english(english):
    page = english.get("/vraag/").content.decode()
    assert '<html lang="en">' in page
    assert "Dance" in page and "Visual arts" in page and "Heritage" in page
    assert "Beeldende kunst" not in page and "Erfgoed" not in page


def test_the_dutch_public_form_keeps_the_dutch_names(client):
    page = client.get("/vraag/").content.decode()
    assert "Beeldende kunst" in page and "Visual arts" not in page


def test_a_theme_reads_in_the_active_language():
    theme = ImpactTheme.objects.get(number=4)
    with translation.override("en"):
        assert str(theme) == "SDG 4: Quality education"
    with translation.override("nl"):
        assert str(theme) == "SDG 4: Kwaliteitsonderwijs"


def test_a_row_without_an_english_name_falls_back_to_dutch():
    Discipline.objects.filter(slug="circus").update(name_en="")
    with translation.override("en"):
        assert str(Discipline.objects.get(slug="circus")) == "Circus"
        assert Discipline.objects.get(slug="dans").label == "Dance"
