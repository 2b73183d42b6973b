"""The one CSV writer (issue 20): every export's cells pass through `csv_cell`.

A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return
before one) as a formula, so text typed by a resident or a maker ("=HYPERLINK(...)") could run on a
manager's machine. Such text gets a leading `'`, which spreadsheets show as plain text (OWASP,
"CSV injection"). Numbers stay numbers: `-12.50` cannot be a formula, and money columns must stay
summable.
"""

import csv
import io
import re
from decimal import Decimal

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def csv_cell(value, *, decimal_comma: bool = False) -> str:
    """One cell as safe text: None empty, numbers as numbers, formula-like text escaped."""
    if value is None:
        return ""
    if isinstance(value, int | float | Decimal):
        text = str(value)
        return text.replace(".", ",") if decimal_comma else text
    text = str(value)
    if text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def cents_as_euros(cents) -> Decimal | None:
    """Money for a machine-readable column: euros with two decimals, no thousands separator."""
    if cents is None or cents == "":
        return None
    return (Decimal(int(cents)) / 100).quantize(Decimal("0.01"))


def write_csv(out, header, rows, *, delimiter: str = ",", decimal_comma: bool = False) -> None:
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow([csv_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([csv_cell(cell, decimal_comma=decimal_comma) for cell in row])


def csv_text(header, rows, **options) -> str:
    out = io.StringIO()
    write_csv(out, header, rows, **options)
    return out.getvalue()
