from django import template
from django.utils.formats import number_format

from cultuur.money import format_euros

register = template.Library()


@register.filter
def euro(cents) -> str:
    """Integer cents as "€ 1.250,50" (cultuur.money, the one notation)."""
    return format_euros(cents)


@register.filter
def percent(value) -> str:
    if value is None:
        return "–"
    return f"{number_format(value, decimal_pos=0)}%"
