"""Figures as rows for the screen, the CSV and the stored report: plain values, money as euros."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from django.utils.formats import number_format


def euro(cents) -> str:
    if cents is None or cents == "":
        return "—"
    amount = Decimal(int(cents)) / 100
    return f"€ {number_format(amount, decimal_pos=2, use_l10n=True, force_grouping=True)}"


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


def csv_value(value, money: bool) -> str:
    """CSV carries machine-readable numbers: money in euros with a point, no thousands separator."""
    if value is None:
        return ""
    if money:
        return f"{Decimal(int(value)) / 100:.2f}"
    return str(value)


def to_csv(figure: dict) -> str:
    money = set(figure.get("money_columns", ()))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(figure["header"])
    for row in figure["rows"]:
        writer.writerow([csv_value(cell, index in money) for index, cell in enumerate(row)])
    return out.getvalue()


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
