"""Forms of the issue-16 tools: standard texts, saved views, merging, "my questions"."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from districts.models import District
from districts.selectors import district_ids_of
from requests.advisor_models import SavedView, StandardText
from requests.models import RequesterKind
from requests.placeholders import PLACEHOLDERS, placeholder_errors
from requests.workflow import Status

BODY_MAX = 5000


class StandardTextForm(forms.ModelForm):
    status = forms.ChoiceField(
        label=_("Bij status"), choices=[("", _("Elke status"))] + list(Status.choices), required=False
    )
    requester_kind = forms.ChoiceField(
        label=_("Voor wie"), choices=[("", _("Iedereen"))] + list(RequesterKind.choices), required=False
    )

    class Meta:
        model = StandardText
        fields = ["title", "status", "requester_kind", "language", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}
        error_messages = {
            "title": {"required": _("Geef de tekst een titel.")},
            "body": {"required": _("Schrijf de tekst.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].max_length = BODY_MAX
        self.fields["body"].help_text = _("Invulvelden: %(fields)s.") % {
            "fields": ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)
        }

    def clean_body(self):
        body = self.cleaned_data["body"]
        errors = placeholder_errors(body)
        if errors:
            raise forms.ValidationError(errors)
        return body


class SavedViewForm(forms.ModelForm):
    """Name, sharing and default of a view; the filter state comes from the board (hidden `query`)."""

    query = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)

    class Meta:
        model = SavedView
        fields = ["name", "shared_with", "is_default"]
        error_messages = {"name": {"required": _("Geef de weergave een naam.")}}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["shared_with"]
        field.queryset = District.objects.filter(pk__in=district_ids_of(user)).order_by("name")
        field.empty_label = _("Niet delen: alleen voor mij")
        field.required = False
        field.error_messages["invalid_choice"] = _("Kies een wijkteam waar u in zit.")
        self.fields["name"].max_length = 80


_REFERENCE = re.compile(r"CV-\d{4}-\d{5}", re.IGNORECASE)


class MergeForm(forms.Form):
    others = forms.MultipleChoiceField(
        label=_("Voeg deze vragen samen met deze vraag"), required=False, widget=forms.CheckboxSelectMultiple
    )
    references = forms.CharField(
        label=_("Of typ kenmerken, gescheiden door komma's"),
        required=False,
        max_length=200,
        help_text=_("Bijvoorbeeld: CV-2026-00042, CV-2026-00043"),
    )

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["others"].choices = [(c.reference, c.reference) for c in candidates]

    def clean_references(self):
        text = self.cleaned_data["references"]
        leftover = _REFERENCE.sub("", text).replace(",", " ").split()
        if leftover:
            raise forms.ValidationError(
                _("‘%(text)s’ is geen kenmerk. Een kenmerk ziet eruit als CV-2026-00042.")
                % {"text": leftover[0]}
            )
        return [match.upper() for match in _REFERENCE.findall(text)]

    def clean(self):
        data = super().clean()
        chosen = list(dict.fromkeys([*data.get("others", []), *data.get("references", [])]))
        if not chosen and not self.errors:
            raise forms.ValidationError(_("Kies minstens één vraag om samen te voegen."))
        data["chosen"] = chosen
        return data


class MyQuestionsForm(forms.Form):
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        max_length=254,
        help_text=_("Het adres dat u gebruikte toen u uw vraag stelde."),
        error_messages={
            "required": _("Vul uw e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
