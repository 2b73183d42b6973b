"""Keyset ("seek") pagination: a page starts after the last row of the one before, not at an OFFSET.

OFFSET n makes the database read and throw away n rows, so page 200 of the board cost twice page
one. A keyset page reads `WHERE (order keys) > (the last row's keys) ORDER BY keys LIMIT size+1`
along the index that already serves the order, so every page costs what the first one does. The
cursor is the order keys of the row a page starts after (or ends before), so a page's link can be
shared and still shows the same rows; the trade is that there are no page numbers, only first,
previous and next.

An ordering qualifies when every key is a plain non-null column of the model and the last one is
the primary key (the keys must identify a row); `order_keys()` returns None otherwise and the
caller falls back to numbered pages.
"""

import base64
import binascii
import datetime
import json
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import Q, QuerySet


class InvalidCursor(ValueError):
    """A cursor that does not decode into values of this ordering's keys."""


def order_keys(queryset: QuerySet, *, tie_break: bool = False) -> list[tuple[str, bool]] | None:
    """The ordering as [(attname, descending)], or None when it cannot be a keyset.

    With tie_break, an ordering of plain columns that does not end with the primary key gets it
    appended (same direction as the last key), so rows with equal keys still have one order.
    """
    query = queryset.query
    ordering = list(query.order_by) or (list(queryset.model._meta.ordering) if query.default_ordering else [])
    if not ordering or query.extra_order_by:
        return None
    meta = queryset.model._meta
    keys = []
    for item in ordering:
        if not isinstance(item, str):
            return None
        descending = item.startswith("-")
        name = item.lstrip("-")
        if name == "pk":
            name = meta.pk.name
        if "__" in name or name == "?":
            return None
        try:
            model_field = meta.get_field(name)
        except FieldDoesNotExist:
            return None
        if not model_field.concrete or model_field.null or model_field.many_to_many:
            return None
        keys.append((model_field.attname, descending))
    if keys[-1][0] != meta.pk.attname:
        if not tie_break:
            return None
        keys.append((meta.pk.attname, keys[-1][1]))
    return keys


def _plain(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def encode_cursor(values) -> str:
    raw = json.dumps([_plain(v) for v in values], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(token: str, model, keys) -> list:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        values = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError) as error:
        raise InvalidCursor(token) from error
    if not isinstance(values, list) or len(values) != len(keys):
        raise InvalidCursor(token)
    fields = {f.attname: f for f in model._meta.concrete_fields}
    out = []
    for (attname, _descending), value in zip(keys, values, strict=True):
        if value is None or isinstance(value, dict | list):
            raise InvalidCursor(token)
        try:
            parsed = fields[attname].to_python(value)
        except (ValidationError, TypeError, ValueError) as error:
            raise InvalidCursor(token) from error
        if parsed is None:
            raise InvalidCursor(token)
        out.append(parsed)
    return out


def beyond(keys, values, *, forward: bool) -> Q:
    """Rows after `values` in the order `keys` (before them when not forward).

    Spelled as OR of prefixes plus a redundant bound on the first key, which lets PostgreSQL and
    SQLite start the index scan at the cursor: (a >= x) AND (a > x OR (a = x AND b > y)).
    """
    condition = Q()
    for i, (attname, descending) in enumerate(keys):
        # Ascending and forward, or descending and backward: the rows beyond are greater.
        op = "gt" if (not descending) == forward else "lt"
        step = Q(**{f"{attname}__{op}": values[i]})
        for prior, value in zip(keys[:i], values[:i], strict=False):
            step &= Q(**{prior[0]: value})
        condition = step if i == 0 else condition | step
    first, descending = keys[0]
    bound = "gte" if (not descending) == forward else "lte"
    return Q(**{f"{first}__{bound}": values[0]}) & condition


def _reversed(keys):
    return [(attname, not descending) for attname, descending in keys]


def _term(attname, descending):
    return ("-" if descending else "") + attname


@dataclass
class KeysetPage:
    rows: list
    keys: list = field(repr=False)
    has_next: bool = False
    has_previous: bool = False

    def __iter__(self):
        return iter(self.rows)

    def __len__(self):
        return len(self.rows)

    def cursor_of(self, row) -> str:
        return encode_cursor([getattr(row, attname) for attname, _descending in self.keys])

    @property
    def next_cursor(self) -> str | None:
        return self.cursor_of(self.rows[-1]) if self.has_next and self.rows else None

    @property
    def previous_cursor(self) -> str | None:
        return self.cursor_of(self.rows[0]) if self.has_previous and self.rows else None


def keyset_page(queryset: QuerySet, size: int, *, keys, after: str = "", before: str = "") -> KeysetPage:
    """One page of `queryset` (ordered by `keys`) after or before a cursor; InvalidCursor if bad.

    One query of LIMIT size + 1: the extra row tells whether there is a page beyond this one.
    """
    model = queryset.model
    queryset = queryset.order_by(*[_term(a, d) for a, d in keys])
    if after:
        values = decode_cursor(after, model, keys)
        rows = list(queryset.filter(beyond(keys, values, forward=True))[: size + 1])
        return KeysetPage(rows[:size], keys, has_next=len(rows) > size, has_previous=True)
    if before:
        values = decode_cursor(before, model, keys)
        backwards = queryset.filter(beyond(keys, values, forward=False)).order_by(
            *[_term(a, d) for a, d in _reversed(keys)]
        )
        rows = list(backwards[: size + 1])
        more = len(rows) > size
        rows = rows[:size][::-1]
        # Going back from the second page lands on the first: it has no "previous".
        return KeysetPage(rows, keys, has_next=True, has_previous=more)
    rows = list(queryset[: size + 1])
    return KeysetPage(rows[:size], keys, has_next=len(rows) > size, has_previous=False)
