"""Free-text search: PostgreSQL full-text search ('dutch', ranked, GIN-indexed) or icontains on SQLite."""

import functools
import re

from django.conf import settings
from django.db import connection
from django.db.models import F, Q, QuerySet

# A search box is not an essay: longer input is cut, never an error.
MAX_QUERY_LENGTH = 200

# Weighted fields per model: the search_vector column is built from these (A counts most).
SEARCH_FIELDS = {
    "maker": [("name", "A"), ("short_description", "B"), ("description", "C")],
    "course": [("title", "A"), ("description", "B"), ("how_to_register", "D")],
    "venue": [("name", "A"), ("description", "B"), ("street", "C"), ("city", "C")],
    "cocreation": [("title", "A"), ("description", "B"), ("reusable_material", "C")],
}


def use_full_text() -> bool:
    return bool(getattr(settings, "IS_POSTGRES", False)) and connection.vendor == "postgresql"


def clean_query(raw: str | None) -> str:
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]


def search(queryset: QuerySet, raw: str | None) -> QuerySet:
    """Filter `queryset` to rows matching `raw`, best first on PostgreSQL."""
    query = clean_query(raw)
    if not query:
        return queryset
    fields = SEARCH_FIELDS[queryset.model._meta.model_name]
    if use_full_text():
        tsquery = dutch_tsquery(query)
        if tsquery:
            from django.contrib.postgres.search import SearchQuery, SearchRank

            search_query = SearchQuery(tsquery, config="simple", search_type="raw")
            return (
                queryset.filter(search_vector=search_query)
                .annotate(search_rank=SearchRank(F("search_vector"), search_query))
                .order_by("-search_rank", *queryset.model._meta.ordering)
            )
    words = [word.strip("\"'") for word in query.split()]
    condition = Q()
    for word in filter(None, words[:10]):
        any_field = Q()
        for field, _weight in fields:
            any_field |= Q(**{f"{field}__icontains": word})
        condition &= any_field
    return queryset.filter(condition)


_LEXEME = re.compile(r"'((?:[^']|'')+)'")


@functools.lru_cache(maxsize=512)
def dutch_tsquery(query: str) -> str:
    """The search as a tsquery in which every stem also matches its own stem.

    Dutch Snowball is not idempotent: "dansen" stems to 'dans' but the text "dans" to 'dan', so
    a plain query would miss the base form. Stemming each query lexeme once more and OR-ing both
    makes "dansen" find "dans". Quotes, minus signs and "or" keep their websearch meaning.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT websearch_to_tsquery('dutch', %s)::text", [query])
        text = cursor.fetchone()[0]
        lexemes = sorted({match.replace("''", "'") for match in _LEXEME.findall(text)})
        if not lexemes:
            return ""
        cursor.execute("SELECT t, (ts_lexize('dutch_stem', t))[1] FROM unnest(%s::text[]) AS t", [lexemes])
        restemmed = {lexeme: stem for lexeme, stem in cursor.fetchall() if stem and stem != lexeme}

    def expand(match):
        lexeme = match.group(1).replace("''", "'")
        stem = restemmed.get(lexeme)
        quoted = match.group(0)
        if not stem:
            return quoted
        return "(" + quoted + " | '" + stem.replace("'", "''") + "')"

    return _LEXEME.sub(expand, text)


def refresh_search_vector(model, pks) -> None:
    """Recompute the stored search vector of the given rows (PostgreSQL only)."""
    if not use_full_text():
        return
    from django.contrib.postgres.search import SearchVector

    fields = SEARCH_FIELDS[model._meta.model_name]
    vector = None
    for field, weight in fields:
        part = SearchVector(field, weight=weight, config="dutch")
        vector = part if vector is None else vector + part
    model.objects.filter(pk__in=list(pks)).update(search_vector=vector)
