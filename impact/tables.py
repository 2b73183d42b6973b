"""Figures as rows for the screen, the CSV and the stored report: plain values, money as euros."""

from __future__ import annotations

from decimal import Decimal

from django.utils.formats import number_format

from cultuur.exports import cents_as_euros, csv_text
from cultuur.money import format_euros


def euro(cents) -> str:
    return format_euros(cents, empty="—")


def display(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, Decimal | float):
        return number_format(value, decimal_pos=1 if value % 1 else 0, use_l10n=True, force_grouping=True)
    if isinstance(value, int):
        return number_format(value, use_l10n=True, force_grouping=True)
    return str(value)


def display_rows(figure: dict) -> list[list[str]]:
    money = set(figure.get("money_columns", ()))
    return [
        [euro(cell) if index in money else display(cell) for index, cell in enumerate(row)]
        for row in figure["rows"]
    ]


def to_csv(figure: dict) -> str:
    """CSV carries machine-readable numbers: money in euros with a point, no thousands separator."""
    money = set(figure.get("money_columns", ()))
    rows = (
        [cents_as_euros(cell) if index in money else cell for index, cell in enumerate(row)]
        for row in figure["rows"]
    )
    return csv_text(figure["header"], rows)


def jsonable(figure: dict) -> dict:
    """A figure as stored in a report (JSON): Decimals as floats, no live objects."""

    def plain(value):
        if isinstance(value, Decimal):
            return float(value)
        return value

    return {
        "key": figure["key"],
        "title": str(figure["title"]),
        "header": [str(h) for h in figure["header"]],
        "rows": [
            [plain(cell) if not isinstance(cell, str) else cell for cell in row] for row in figure["rows"]
        ],
        "money_columns": figure.get("money_columns", []),
        "note": str(figure.get("note", "")),
    }
