"""The managers' norms form: a number of working days per kind of asker and status."""

from django import forms
from django.utils.translation import gettext_lazy as _

from requests.models import RequesterKind
from requests.workflow import Status

NORM_STATUSES = (Status.NEW, Status.IN_CONVERSATION, Status.MATCHING, Status.MATCHED)
NORM_ERROR = _("Vul een heel aantal werkdagen in, van 1 tot 250.")


class ServiceNormsForm(forms.Form):
    """Every norm on one page: a number of working days per kind of asker and status."""

    def __init__(self, *args, current: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.cells = []
        for kind, kind_label in RequesterKind.choices:
            row = []
            for status in NORM_STATUSES:
                name = f"{kind}__{status}"
                self.fields[name] = forms.IntegerField(
                    label=f"{kind_label}: {Status(status).label}",
                    min_value=1,
                    max_value=250,
                    initial=current.get((kind, status)),
                    error_messages={
                        key: NORM_ERROR for key in ("required", "invalid", "min_value", "max_value")
                    },
                    widget=forms.NumberInput(attrs={"class": "input-narrow"}),
                )
                row.append(name)
            self.cells.append((kind_label, row))

    def rows(self):
        """(kind label, [bound fields]) for the table."""
        return [(label, [self[name] for name in names]) for label, names in self.cells]

    def changed_norms(self, current: dict) -> list[tuple[str, str, int]]:
        changed = []
        for name, value in self.cleaned_data.items():
            kind, status = name.split("__")
            if current.get((kind, status)) != value:
                changed.append((kind, status, value))
        return changed
