"""Forms of the series, waiting-list and calendar pages (the single request form is in forms.py)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cultuur.widgets import DateInput
from makers.models import BookingSeries, WaitingListEntry

TIME = {"type": "time"}


class SeriesForm(forms.ModelForm):
    class Meta:
        model = BookingSeries
        fields = [
            "weekday",
            "start_time",
            "end_time",
            "interval_weeks",
            "first_date",
            "last_date",
            "count",
            "purpose",
            "contact_name",
            "contact_email",
            "contact_phone",
        ]
        widgets = {
            "first_date": DateInput(),
            "last_date": DateInput(),
            "start_time": forms.TimeInput(attrs=TIME, format="%H:%M"),
            "end_time": forms.TimeInput(attrs=TIME, format="%H:%M"),
        }
        help_texts = {
            "last_date": _("Vul een einddatum in, of hieronder hoe vaak."),
            "interval_weeks": _("1 is elke week, 2 is om de week."),
        }

    def clean_first_date(self):
        first = self.cleaned_data["first_date"]
        if first < timezone.localdate():
            raise ValidationError(_("Kies een datum vandaag of later."))
        return first


class WaitlistForm(forms.ModelForm):
    class Meta:
        model = WaitingListEntry
        fields = ["date", "start_time", "end_time", "purpose", "contact_name", "contact_email"]
        widgets = {
            "date": DateInput(),
            "start_time": forms.TimeInput(attrs=TIME, format="%H:%M"),
            "end_time": forms.TimeInput(attrs=TIME, format="%H:%M"),
        }

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("De eindtijd moet na de begintijd liggen."))
        return cleaned
