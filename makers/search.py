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


# Raw words shorter than this are not used as prefixes: "de" or "kun" would match too much.
MIN_PREFIX_LENGTH = 4


def _quote(lexeme: str) -> str:
    return "'" + lexeme.replace("'", "''") + "'"


@functools.lru_cache(maxsize=512)
def dutch_tsquery(query: str) -> str:
    """The search as a tsquery that finds Dutch word forms in both directions.

    Dutch Snowball is not idempotent: the text "dansen" stems to 'dans' but "dans" to 'dan'.
    So each query stem also matches its own stem ("dansen" finds "dans"), and the word as typed
    matches as a prefix ("dans" finds "dansen", whose stem is 'dans'). Quotes, minus signs and
    "or" keep their websearch meaning; stop words are dropped as PostgreSQL drops them.
    """
    words = sorted({word for word in re.findall(r"\w+", query.lower()) if len(word) >= MIN_PREFIX_LENGTH})
    with connection.cursor() as cursor:
        cursor.execute("SELECT websearch_to_tsquery('dutch', %s)::text", [query])
        text = cursor.fetchone()[0]
        lexemes = sorted({match.replace("''", "'") for match in _LEXEME.findall(text)})
        if not lexemes:
            return ""
        cursor.execute(
            "SELECT t, (ts_lexize('dutch_stem', t))[1] FROM unnest(%s::text[]) AS t", [lexemes + words]
        )
        stems = dict(cursor.fetchall())
    prefixes: dict[str, set[str]] = {}
    for word in words:
        if stems.get(word):
            prefixes.setdefault(stems[word], set()).add(word)

    def expand(match):
        lexeme = match.group(1).replace("''", "'")
        options = [match.group(0)]
        if stems.get(lexeme) and stems[lexeme] != lexeme:
            options.append(_quote(stems[lexeme]))
        options += [_quote(word) + ":*" for word in sorted(prefixes.get(lexeme, ())) if word != lexeme]
        return options[0] if len(options) == 1 else "(" + " | ".join(options) + ")"

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
