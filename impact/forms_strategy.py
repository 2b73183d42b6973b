"""Forms of the strategy pages: cards, agreements (manager) and the partner's progress form."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from cultuur.widgets import DateInput
from districts.models import Partner
from impact.models import Agreement, AgreementStatus, StrategyCard


class CardForm(forms.ModelForm):
    class Meta:
        model = StrategyCard
        fields = ["number", "title", "theme", "ambition"]
        widgets = {"ambition": forms.Textarea(attrs={"rows": 4})}


class AgreementForm(forms.ModelForm):
    class Meta:
        model = Agreement
        fields = ["title", "partner", "who", "what", "when", "deadline", "how", "status"]
        widgets = {
            "what": forms.Textarea(attrs={"rows": 3}),
            "how": forms.Textarea(attrs={"rows": 4}),
            "deadline": DateInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Partner.objects.select_related("district").order_by("name")
        self.fields["partner"].label_from_instance = lambda p: f"{p.name} ({p.district})"

    def clean(self):
        data = super().clean()
        if not data.get("partner") and not (data.get("who") or "").strip():
            raise forms.ValidationError(_("Vul bij 'wie' een partnerorganisatie of een omschrijving in."))
        return data


class ProgressForm(forms.Form):
    """One agreement's progress; prefixed per agreement so one page holds all of them."""

    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Kies een status"))] + list(AgreementStatus.choices),
        required=False,
    )
    text = forms.CharField(
        label=_("Hoe staat het ervoor?"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    figure = forms.DecimalField(
        label=_("Kengetal (optioneel)"),
        required=False,
        max_digits=12,
        decimal_places=2,
        min_value=0,
        localize=True,
        help_text=_("Bijvoorbeeld het aantal deelnemers of bijeenkomsten."),
        error_messages={
            "invalid": _("Vul een getal in, bijvoorbeeld 12 of 3,5."),
            "min_value": _("Het kengetal kan niet negatief zijn."),
            "max_decimal_places": _("Gebruik hoogstens twee cijfers achter de komma."),
        },
    )

    def __init__(self, *args, agreement: Agreement, **kwargs):
        self.agreement = agreement
        super().__init__(*args, prefix=f"a{agreement.pk}", **kwargs)

    @property
    def is_filled(self) -> bool:
        data = self.cleaned_data
        return bool(data.get("status") or (data.get("text") or "").strip() or data.get("figure") is not None)

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        text = (data.get("text") or "").strip()
        if data.get("figure") is not None or text or data.get("status"):
            if not data.get("status"):
                self.add_error("status", _("Kies de status van deze afspraak."))
            if not text:
                self.add_error("text", _("Schrijf in een paar zinnen hoe het ervoor staat."))
        data["text"] = text
        return data


class SpendingForm(forms.Form):
    spent_on = forms.DateField(
        label=_("Datum"),
        widget=DateInput(),
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 2027-01-15.")},
    )
    amount = forms.DecimalField(
        label=_("Bedrag in euro"),
        min_value=Decimal("0.01"),
        max_value=Decimal("10000000"),
        decimal_places=2,
        max_digits=10,
        localize=True,
        error_messages={
            "invalid": _("Vul een bedrag in, bijvoorbeeld 1250,00."),
            "min_value": _("Het bedrag moet groter zijn dan nul."),
        },
    )
    description = forms.CharField(label=_("Omschrijving"), max_length=200)
