"""The directory search finds Dutch word forms and discipline names, on SQLite and on PostgreSQL.

Not marked `stack`: the same tests run on the embedded default (`.venv/bin/pytest`) and on
PostgreSQL (`DATABASE_URL=postgres://... .venv/bin/pytest`).
"""

import pytest
from django.db import connection
from django.urls import reverse

from makers.models import Course, Discipline, Maker
from makers.search import query_forms, refresh_search_vector, stem, stemmed_text
from tests.makers.factories import CourseFactory, MakerFactory, discipline

pytestmark = pytest.mark.django_db


def _makers(client, q):
    return sorted(m.name for m in client.get(reverse("makers:maker_list"), {"q": q}).context["page"])


def _courses(client, q):
    return sorted(c.title for c in client.get(reverse("makers:course_list"), {"q": q}).context["page"])


def test_dansen_finds_makers_who_write_dans_and_makers_in_the_dance_discipline(client):
    MakerFactory(name="Studio Beweging", short_description="Lessen in dans voor kinderen")
    MakerFactory(
        name="Zaanse Voeten", short_description="Streetdance en hiphop", disciplines=[discipline("dans")]
    )
    MakerFactory(name="Dansschool Oost", short_description="Stijldansen voor volwassenen")
    MakerFactory(
        name="Koor de Zaan", short_description="Zingen in de wijk", disciplines=[discipline("muziek")]
    )

    assert _makers(client, "dansen") == ["Studio Beweging", "Zaanse Voeten"]
    assert _makers(client, "dans") == ["Dansschool Oost", "Studio Beweging", "Zaanse Voeten"]


def test_theaters_finds_the_singular_and_the_theater_discipline(client):
    MakerFactory(name="De Kleine Bühne", short_description="Een theater voor de buurt")
    MakerFactory(
        name="Spelgroep Zuid", short_description="Toneel met amateurs", disciplines=[discipline("theater")]
    )
    MakerFactory(name="Koor de Zaan", short_description="Zingen in de wijk")

    assert _makers(client, "theaters") == ["De Kleine Bühne", "Spelgroep Zuid"]


def test_muzieklessen_finds_a_muziekles_course(client):
    CourseFactory(title="Muziekles voor beginners", description="Gitaar en ukelele.")
    CourseFactory(title="Muzieklessen op zaterdag", description="Voor iedereen.")
    CourseFactory(title="Tekenen", description="Van schets tot schilderij.")

    assert _courses(client, "muzieklessen") == ["Muziekles voor beginners", "Muzieklessen op zaterdag"]


def test_a_course_is_found_by_its_discipline_name(client):
    CourseFactory(
        title="Ritme en maat", description="Slagwerk voor kinderen.", discipline=discipline("muziek")
    )
    CourseFactory(title="Spelen met licht", description="Schaduwspel.", discipline=discipline("theater"))

    assert _courses(client, "muziek") == ["Ritme en maat"]


def test_every_word_must_match_and_stop_words_are_ignored(client):
    MakerFactory(name="Studio Beweging", short_description="Dansen voor kinderen")
    MakerFactory(name="Jeugdtheater", short_description="Theater voor kinderen")

    assert _makers(client, "dansen voor de kinderen") == ["Studio Beweging"]


def test_the_search_follows_a_change_of_disciplines_and_a_renamed_discipline(client):
    maker = MakerFactory(name="Zaanse Voeten", short_description="Hiphop in de wijk")
    assert _makers(client, "dansen") == []

    maker.disciplines.add(discipline("dans"))
    assert _makers(client, "dansen") == ["Zaanse Voeten"]

    maker.disciplines.remove(discipline("dans"))
    assert _makers(client, "dansen") == []

    circus = discipline("circus")
    maker.disciplines.add(circus)
    circus.name = "Circus en acrobatiek"
    circus.save()
    assert _makers(client, "acrobatiek") == ["Zaanse Voeten"]


def test_a_refresh_of_every_row_fills_what_a_bulk_insert_left_empty(client):
    maker = MakerFactory(name="Studio Beweging", short_description="Dansen voor kinderen")
    Maker.objects.filter(pk=maker.pk).update(search_text="", search_vector=None)
    assert _makers(client, "dansen") == []

    refresh_search_vector(Maker)
    refresh_search_vector(Course)

    assert _makers(client, "dansen") == ["Studio Beweging"]
    assert " dansen " in Maker.objects.get(pk=maker.pk).search_text


def test_the_stemmer_is_postgresqls_dutch_snowball():
    assert [stem(w) for w in ("dansen", "dans", "theaters", "muzieklessen")] == [
        "dans",
        "dan",
        "theater",
        "muziekless",
    ]
    assert query_forms("muzieklessen") == ({"muziekless", "muziekles"}, "muzieklessen")
    assert stemmed_text("Dansen!", "dans") == " dansen dans dan "
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            words = ["dansen", "dans", "theaters", "muzieklessen", "schilderij", "kinderen", "voorstellingen"]
            cursor.execute("SELECT t, (ts_lexize('dutch_stem', t))[1] FROM unnest(%s::text[]) AS t", [words])
            assert {w: stem(w) for w in words} == dict(cursor.fetchall())


def test_discipline_names_are_in_the_postgresql_vector_too():
    maker = MakerFactory(name="Zaanse Voeten", short_description="Hiphop", disciplines=[discipline("dans")])
    found = Maker.objects.filter(pk=maker.pk)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        assert found.filter(search_vector=SearchQuery("dan", config="simple", search_type="raw")).exists()
    else:
        assert " dans " in found.get().search_text
    assert Discipline.objects.filter(makers=maker).exists()
