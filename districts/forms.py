from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cultuur.widgets import DateInput
from districts.models import CultureProfile, Partner

MAX_GRANT_EUROS = Decimal("100000.00")


class ProfileForm(forms.ModelForm):
    class Meta:
        model = CultureProfile
        fields = CultureProfile.TEXT_FIELDS
        widgets = {field: forms.Textarea(attrs={"rows": 4}) for field in CultureProfile.TEXT_FIELDS}


class PartnerForm(forms.ModelForm):
    class Meta:
        model = Partner
        fields = ["name", "kind", "contact_person", "email", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class GrantForm(forms.Form):
    initiative = forms.CharField(label=_("Initiatief"), max_length=200)
    amount = forms.DecimalField(
        label=_("Bedrag in euro"),
        min_value=Decimal("0.01"),
        max_value=MAX_GRANT_EUROS,
        decimal_places=2,
        max_digits=9,
        localize=True,  # Dutch users type 150,00
        error_messages={
            "min_value": _("Het bedrag moet groter zijn dan nul."),
            "max_value": _("Dat bedrag is te hoog voor een wijkbijdrage (maximaal € 100.000)."),
        },
    )
    granted_on = forms.DateField(label=_("Datum"), widget=DateInput())
    linked_to = forms.CharField(
        label=_("Gekoppelde vraag of activiteit"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld het kenmerk van de vraag: CV-2026-00042."),
    )
    over_budget_reason = forms.CharField(
        label=_("Reden om het budget te overschrijden"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Alleen nodig als de bijdrage hoger is dan wat er nog in het budget zit."),
    )

    def clean_granted_on(self):
        granted_on = self.cleaned_data["granted_on"]
        this_year = timezone.localdate().year
        if not (this_year - 1 <= granted_on.year <= this_year + 1):
            raise forms.ValidationError(_("Kies een datum in vorig, dit of volgend jaar."))
        return granted_on

    @property
    def amount_cents(self) -> int:
        return int(self.cleaned_data["amount"] * 100)


def current_year() -> int:
    return timezone.localdate().year


def parse_year(raw: str | None) -> int:
    """The year from the query string, or this year when it is missing or not a sensible year."""
    try:
        year = int(raw or "")
    except ValueError:
        return current_year()
    return year if 2000 <= year <= 2100 else current_year()
