"""Form widgets every app shares (the lowest home, so no app imports another for a widget)."""

from django import forms


class DateInput(forms.DateInput):
    """`<input type="date">`, whose value must be ISO 8601 whatever the language's date format."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")
