from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def euro(cents) -> str:
    """Integer cents as "€ 1.250,50" (localised)."""
    if cents is None or cents == "":
        return "–"
    amount = Decimal(int(cents)) / 100
    return f"€ {number_format(amount, decimal_pos=2, use_l10n=True, force_grouping=True)}"


@register.filter
def percent(value) -> str:
    if value is None:
        return "–"
    return f"{number_format(value, decimal_pos=0)}%"
