"""The one euro notation for people (issue 20): pages, PDFs, e-mails and messages.

Babel's CLDR data for nl_NL: "€ 1.234,56" and "€ -1.234,56", with a no-break space so that the
sign and the amount never wrap apart. Machine-readable exports (CSV, JSON) keep plain numbers."""

from decimal import Decimal

from babel.numbers import format_currency

EMPTY = "–"


def format_euros(cents, *, empty: str = EMPTY) -> str:
    """Whole cents as Dutch euros; `empty` for no amount (None or "")."""
    if cents is None or cents == "":
        return empty
    return format_currency(Decimal(int(cents)) / 100, "EUR", locale="nl_NL")
