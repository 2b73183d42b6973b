from django import template

from cultuur.money import format_euros

register = template.Library()


@register.filter
def euros(cents) -> str:
    """Whole cents as Dutch euros with the sign: 123456 -> "€ 1.234,56" (cultuur.money)."""
    return format_euros(cents)
