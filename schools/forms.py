from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from cultuur.widgets import DateInput
from schools.models import Ambition, MonitoringEntry
from schools.models.budget import MAX_HOURLY_RATE_CENTS, MAX_HOURS, MAX_LINE_CENTS
from schools.models.choices import CultureType, Principle
from schools.school_year import SchoolYear, school_year_choices


class EuroField(forms.DecimalField):
    """Typed in euros ("1250,50"), kept as integer cents."""

    def __init__(self, *, max_cents: int, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(
            max_digits=10,
            decimal_places=2,
            min_value=Decimal("0"),
            max_value=Decimal(max_cents) / 100,
            localize=True,
            **kwargs,
        )
        self.widget.attrs.setdefault("inputmode", "decimal")

    def prepare_value(self, value):
        if isinstance(value, int):
            return super().prepare_value(Decimal(value) / 100)
        return super().prepare_value(value)

    def clean(self, value):
        amount = super().clean(value)
        return None if amount is None else int(amount * 100)


class VisionForm(forms.Form):
    vision = forms.CharField(
        label=_("Visie (waarom)"),
        widget=forms.Textarea,
        max_length=5000,
        required=False,
        help_text=_("Waarom doet de school aan cultuureducatie? Wat is de gewenste situatie?"),
    )


class AmbitionForm(forms.ModelForm):
    principles = forms.MultipleChoiceField(
        label=_("Uitgangspunten CMK3"), choices=Principle.choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Ambition
        fields = ["domain", "approach", "principles", "description", "success_indicators"]
        help_texts = {
            "approach": _(
                "Consumerend: vasthouden, verminderen, versterken, vernieuwen. Participerend: verbreden, "
                "verdiepen, verduurzamen. Integrerend: verbinden."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["principles"] = list(self.instance.principles)

    def clean_principles(self):
        return "".join(sorted(self.cleaned_data["principles"]))

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Mijlpaal"), max_length=200)
    due_date = forms.DateField(label=_("Datum"), widget=DateInput())


class SendBackForm(forms.Form):
    comments = forms.CharField(label=_("Opmerkingen voor de school"), widget=forms.Textarea, max_length=5000)


class BudgetLineForm(forms.Form):
    description = forms.CharField(label=_("Omschrijving"), max_length=200)
    planned_date = forms.DateField(label=_("Geplande datum"), widget=DateInput())
    hours = forms.DecimalField(
        label=_("Uren"),
        required=False,
        max_digits=6,
        decimal_places=2,
        min_value=Decimal("0.25"),
        max_value=MAX_HOURS,
        localize=True,
    )
    hourly_rate_cents = EuroField(label=_("Uurtarief (euro)"), max_cents=MAX_HOURLY_RATE_CENTS)
    fixed_amount_cents = EuroField(
        label=_("Of: vast bedrag (euro)"),
        max_cents=MAX_LINE_CENTS,
        help_text=_("Alleen als er geen uren en uurtarief zijn."),
    )
    invoiced_amount_cents = EuroField(label=_("Gefactureerd bedrag (euro)"), max_cents=MAX_LINE_CENTS)
    invoiced_on = forms.DateField(label=_("Gefactureerd op"), required=False, widget=DateInput())
    paid_on = forms.DateField(label=_("Betaald op"), required=False, widget=DateInput())

    field_order = [
        "description",
        "planned_date",
        "hours",
        "hourly_rate_cents",
        "fixed_amount_cents",
        "invoiced_amount_cents",
        "invoiced_on",
        "paid_on",
    ]

    def __init__(self, *args, extra_fields: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in (extra_fields or {}).items():
            self.fields[name] = field

    def service_fields(self) -> dict:
        return dict(self.cleaned_data)


class MonitoringEntryForm(forms.ModelForm):
    class Meta:
        model = MonitoringEntry
        fields = [
            "date",
            "contact_kind",
            "phase",
            "notes",
            "solution_realised",
            "development",
            "could_be_better",
            "next_step",
            "shared_with_school",
        ]
        widgets = {"date": DateInput()}

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class CultureTypeForm(forms.Form):
    school_year = forms.TypedChoiceField(label=_("Schooljaar"), coerce=int, choices=())
    culture_type = forms.ChoiceField(label=_("Cultuurtype"), choices=CultureType.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school_year"].choices = school_year_choices()
        self.initial.setdefault("school_year", SchoolYear.current().start_year)


class CoCreationLinkForm(forms.Form):
    co_creation = forms.ModelChoiceField(label=_("Co-creatie"), queryset=None)

    def __init__(self, *args, school, **kwargs):
        super().__init__(*args, **kwargs)
        from makers.models import CoCreation

        self.fields["co_creation"].queryset = CoCreation.objects.exclude(
            status=CoCreation.Status.ARCHIVED
        ).order_by("title")
