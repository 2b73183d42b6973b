"""Form widgets every app shares (the lowest home, so no app imports another for a widget)."""

import datetime

from django import forms


class DateInput(forms.DateInput):
    """`<input type="date">`, whose value must be ISO 8601 whatever the language's date format:
    browsers show a Dutch "06-04-2026" as an empty field. The widget formats dates itself, so no
    locale setting or `localize` on a field can change that."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")

    def format_value(self, value):
        if isinstance(value, datetime.date):
            return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
        return super().format_value(value)
