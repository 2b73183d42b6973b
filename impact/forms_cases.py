"""Forms of the project bank: the search with its filters, and writing a case up."""

from django import forms
from django.utils.translation import gettext_lazy as _

from districts.models import District
from impact.cases import MAX_TAGS, parse_tags
from impact.models import CasePractice, CaseTag
from makers.forms import EuroField
from makers.models import Discipline, Maker
from makers.money import cents_to_euros, euros_to_cents
from schools.models.choices import CultureType

PAGE_SIZES = (10, 25, 50)


class CaseSearchForm(forms.Form):
    # Longer input is cut by makers.search, never an error (as in the directory).
    q = forms.CharField(label=_("Zoeken"), required=False, widget=forms.TextInput(attrs={"type": "search"}))
    discipline = forms.ModelChoiceField(
        label=_("Discipline"),
        queryset=Discipline.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle disciplines"),
    )
    district = forms.ModelChoiceField(
        label=_("Wijk"),
        queryset=District.objects.filter(is_central_intake=False).order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle wijken"),
    )
    practice = forms.ChoiceField(
        label=_("Soort voorbeeld"),
        choices=[("", _("Goed en leerzaam"))] + CasePractice.choices,
        required=False,
    )
    tag = forms.ModelChoiceField(
        label=_("Trefwoord"),
        queryset=CaseTag.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle trefwoorden"),
    )
    per_page = forms.TypedChoiceField(
        label=_("Per pagina"),
        choices=[(n, n) for n in PAGE_SIZES],
        coerce=int,
        required=False,
        empty_value=25,
    )

    def __init__(self, *args, tags=None, **kwargs):
        super().__init__(*args, **kwargs)
        if tags is not None:
            self.fields["tag"].queryset = tags
        for name in ("discipline", "district", "tag"):
            self.fields[name].error_messages["invalid_choice"] = _("Kies een %(field)s uit de lijst.") % {
                "field": str(self.fields[name].label).lower()
            }

    def filters(self) -> dict:
        data = self.cleaned_data
        return {
            k: data.get(k) or ("" if k in ("q", "practice") else None)
            for k in ("q", "discipline", "district", "practice", "tag")
        }


class CaseForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    practice = forms.ChoiceField(label=_("Soort voorbeeld"), choices=CasePractice.choices)
    question = forms.CharField(
        label=_("De cultuurvraag"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("In algemene woorden: geen namen, e-mailadressen of telefoonnummers."),
    )
    approach = forms.CharField(label=_("Aanpak"), widget=forms.Textarea(attrs={"rows": 4}))
    what_worked = forms.CharField(
        label=_("Wat werkte"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    what_did_not = forms.CharField(
        label=_("Wat niet werkte"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    costs = EuroField(label=_("Kosten (euro)"), required=False)
    disciplines = forms.ModelMultipleChoiceField(
        label=_("Disciplines"),
        queryset=Discipline.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    makers = forms.ModelMultipleChoiceField(
        label=_("Makers"),
        queryset=Maker.objects.filter(status="published").order_by("name").only("pk", "name"),
        required=False,
    )
    tags = forms.CharField(
        label=_("Trefwoorden"),
        required=False,
        max_length=500,
        help_text=_("Gescheiden door komma's, bijvoorbeeld: buitenruimte, ouderen."),
    )
    district = forms.ModelChoiceField(
        label=_("Wijk"),
        queryset=District.objects.filter(is_central_intake=False).order_by("name"),
        required=False,
        empty_label=_("Geen wijk (hele gemeente)"),
    )
    culture_type = forms.ChoiceField(
        label=_("Cultuurtype"), choices=[("", _("Niet van toepassing"))] + CultureType.choices, required=False
    )
    internal = forms.BooleanField(
        label=_("Alleen intern"),
        required=False,
        help_text=_("Alleen adviseurs en managers zien dit voorbeeld."),
    )

    def __init__(self, *args, districts=None, **kwargs):
        super().__init__(*args, **kwargs)
        if districts is not None:
            self.fields["district"].queryset = districts

    @classmethod
    def initial_from(cls, values: dict) -> dict:
        """Form initial data from a case's fields or a prefill (cents to euros, tags to text)."""
        initial = {k: v for k, v in values.items() if k in cls.base_fields}
        if "costs_cents" in values:
            initial["costs"] = cents_to_euros(values["costs_cents"])
        if "tags" in values and not isinstance(values["tags"], str):
            initial["tags"] = ", ".join(str(t) for t in values["tags"])
        return initial

    def clean_tags(self):
        names = parse_tags(self.cleaned_data.get("tags", ""))
        if len(names) > MAX_TAGS:
            raise forms.ValidationError(_("Geef hoogstens %(n)s trefwoorden.") % {"n": MAX_TAGS})
        return names

    def clean(self):
        data = super().clean()
        if data.get("practice") == CasePractice.BAD and not (data.get("what_did_not") or "").strip():
            self.add_error("what_did_not", _("Beschrijf bij een leerzaam voorbeeld wat niet werkte."))
        return data

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data["costs_cents"] = euros_to_cents(data.pop("costs"))
        return data
