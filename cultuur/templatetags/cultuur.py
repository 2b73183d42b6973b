import datetime

from django import template
from django.utils import timezone

from cultuur.money import format_euros

register = template.Library()


@register.filter
def euros(cents) -> str:
    """Whole cents as Dutch euros with the sign: 123456 -> "€ 1.234,56" (cultuur.money)."""
    return format_euros(cents)


def iso_datetime(value) -> str:
    """A valid HTML `<time datetime>`: ISO 8601 to the second, local time with its offset. Django's
    "c" format keeps microseconds, which HTML does not allow (at most milliseconds)."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.isoformat(timespec="seconds")
    return value.isoformat()


register.filter("isodatetime", iso_datetime)
