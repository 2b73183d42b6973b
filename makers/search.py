"""Free-text search: PostgreSQL full-text search ('dutch', ranked, GIN-indexed), or on SQLite a
stored text of every word and its Dutch Snowball stem (the same algorithm PostgreSQL's 'dutch'
configuration uses), matched with the same rules, so "dansen", "theaters" and "muzieklessen" find
the same rows on both. Both search the names of a row's disciplines along with its own text.
"""

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


# The disciplines whose names a row is found by: (relation, many).
SEARCH_DISCIPLINES = {
    "maker": ("disciplines", True),
    "course": ("discipline", False),
    "venue": None,
    "cocreation": ("disciplines", True),
}


def search_fields(model) -> list[tuple[str, str]]:
    """The weighted fields of `model`: its own `search_fields` (another app's model) or the registry."""
    return getattr(model, "search_fields", None) or SEARCH_FIELDS[model._meta.model_name]


def search_disciplines(model) -> tuple[str, bool] | None:
    if hasattr(model, "search_disciplines"):
        return model.search_disciplines
    return SEARCH_DISCIPLINES[model._meta.model_name]


# PostgreSQL's Dutch stop words (tsearch_data/dutch.stop): never searched, as websearch_to_tsquery drops them.
_STOP_FILE = """de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om
hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft
hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al waren veel meer doen toen moet ben
zonder kan hun dus alles onder ja eens hier wie werd altijd doch wordt wezen kunnen ons zelf tegen na reeds
wil kon niets uw iemand geweest andere"""
DUTCH_STOP_WORDS = frozenset(_STOP_FILE.split())
_WORD = re.compile(r"\w+")
# Dutch doubles a consonant after a short vowel (les, lessen); Snowball undoubles only k, d and t.
_DOUBLED = re.compile(r"([bcfghjlmnpqrsvwxz])\1$")


@functools.cache
def _stemmer():
    import snowballstemmer

    # "dutch_porter" is the Dutch Snowball stemmer PostgreSQL ships; snowballstemmer's newer "dutch" differs.
    return snowballstemmer.stemmer("dutch_porter")


@functools.lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    return _stemmer().stemWord(word)


def undouble(lexeme: str) -> str:
    return _DOUBLED.sub(r"\1", lexeme)


def stemmed_text(*texts: str) -> str:
    """Every word (lower case) and its stem, once each, framed by spaces: " dansen dans ... "."""
    tokens = {}
    for text in texts:
        for word in _WORD.findall((text or "").lower()):
            tokens.setdefault(word, None)
            tokens.setdefault(stem(word), None)
    return " " + " ".join(tokens) + " " if tokens else ""


def query_forms(word: str) -> tuple[set[str], str | None]:
    """What one typed word matches: whole tokens (its stem, the stem's stem, the stem undoubled)
    and, for a word of MIN_PREFIX_LENGTH or more, the word as a prefix. The rules of dutch_tsquery."""
    first = stem(word)
    whole = {first, stem(first), undouble(first)}
    return whole, (word if len(word) >= MIN_PREFIX_LENGTH else None)


def stemmed_search(queryset: QuerySet, query: str) -> QuerySet:
    """The SQLite search: every typed word (stop words aside) must match search_text."""
    words = [w for w in _WORD.findall(query.lower()) if w not in DUTCH_STOP_WORDS]
    condition = Q()
    for word in list(dict.fromkeys(words))[:10]:
        whole, prefix = query_forms(word)
        any_form = Q()
        for token in sorted(whole):
            any_form |= Q(search_text__contains=f" {token} ")
        if prefix:
            any_form |= Q(search_text__contains=f" {prefix}")
        condition &= any_form
    return queryset.filter(condition)


def use_full_text() -> bool:
    return bool(getattr(settings, "IS_POSTGRES", False)) and connection.vendor == "postgresql"


def clean_query(raw: str | None) -> str:
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]


def search(queryset: QuerySet, raw: str | None) -> QuerySet:
    """Filter `queryset` to rows matching `raw`, best first on PostgreSQL."""
    query = clean_query(raw)
    if not query:
        return queryset
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
    return stemmed_search(queryset, query)


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
        if undouble(lexeme) != lexeme:
            options.append(_quote(undouble(lexeme)))
        options += [_quote(word) + ":*" for word in sorted(prefixes.get(lexeme, ())) if word != lexeme]
        return options[0] if len(options) == 1 else "(" + " | ".join(options) + ")"

    return _LEXEME.sub(expand, text)


def _discipline_names_sql(model, table: str) -> str:
    """SQL for the names of the row's disciplines (row alias `table`), or '' when it has none."""
    related = search_disciplines(model)
    if related is None:
        return "''"
    name, many = related
    field = model._meta.get_field(name)
    if not many:
        return f"coalesce((SELECT d.name FROM makers_discipline d WHERE d.id = {table}.{field.column}), '')"  # noqa: S608
    through = field.remote_field.through._meta.db_table
    return (
        f"coalesce((SELECT string_agg(d.name, ' ' ORDER BY d.id) FROM makers_discipline d JOIN {through} l "  # noqa: S608
        f"ON l.{field.m2m_reverse_name()} = d.id WHERE l.{field.m2m_column_name()} = {table}.id), '')"
    )


def refresh_sql(model) -> str:
    """PostgreSQL: one UPDATE that recomputes search_vector and search_text (add a WHERE to limit it).

    Every name in it is a table or column of the models; no input reaches this SQL.

    The disciplines' names count as much as the row's second field. search_text is only read on
    SQLite; here it is filled from PostgreSQL's own 'dutch' lexemes, so a copied database still finds.
    """
    table = model._meta.db_table
    fields = search_fields(model)
    disciplines = _discipline_names_sql(model, table)
    parts = [f"setweight(to_tsvector('dutch', coalesce({f}, '')), '{w}')" for f, w in fields]
    parts.append(f"setweight(to_tsvector('dutch', {disciplines}), 'B')")
    text = " || ' ' || ".join([*(f"coalesce({f}, '')" for f, _w in fields), disciplines])
    tokens = (
        f"SELECT string_agg(DISTINCT t, ' ') FROM unnest(regexp_split_to_array(lower({text}), '\\W+') "  # noqa: S608
        f"|| tsvector_to_array(to_tsvector('dutch', {text}))) AS t WHERE t <> ''"
    )
    return (
        f"UPDATE {table} SET search_vector = {' || '.join(parts)}, "  # noqa: S608
        f"search_text = coalesce(' ' || ({tokens}) || ' ', '')"
    )


def refresh_search_vector(model, pks=None) -> None:
    """Recompute the stored search vector (PostgreSQL) or search text (SQLite) of rows; all when pks is None."""
    if pks is not None:
        pks = list(pks)
        if not pks:
            return
    if use_full_text():
        sql = refresh_sql(model) + (f" WHERE {model._meta.db_table}.id = ANY(%s)" if pks is not None else "")
        with connection.cursor() as cursor:
            cursor.execute(sql, [pks] if pks is not None else [])
        return
    fields = [f for f, _w in search_fields(model)]
    related = search_disciplines(model)
    rows = model._base_manager.all() if pks is None else model._base_manager.filter(pk__in=pks)
    if related and related[1]:
        rows = rows.prefetch_related(related[0])
    elif related:
        rows = rows.select_related(related[0])
    changed = []
    for row in rows.only("pk", "search_text", *fields, *([related[0]] if related and not related[1] else [])):
        names = []
        if related and related[1]:
            names = [d.name for d in getattr(row, related[0]).all()]
        elif related and getattr(row, related[0] + "_id", None):
            names = [getattr(row, related[0]).name]
        text = stemmed_text(*(getattr(row, f) for f in fields), *names)
        if text != row.search_text:
            row.search_text = text
            changed.append(row)
    model._base_manager.bulk_update(changed, ["search_text"], batch_size=500)
