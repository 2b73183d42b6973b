"""Forms of the risk register: a risk (of a goal or of a CMK plan) and a review."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from cultuur.widgets import DateInput
from impact.models import Risk, RiskStatus

SCALE_CHOICES = [(n, str(n)) for n in range(1, 6)]
SCALE_ERRORS = {"invalid_choice": _("Kies een waarde van 1 tot en met 5.")}


class RiskForm(forms.ModelForm):
    likelihood = forms.TypedChoiceField(
        label=_("Kans (1-5)"),
        choices=SCALE_CHOICES,
        coerce=int,
        error_messages=SCALE_ERRORS,
        help_text=_("Hoe groot is de kans? 1 = zeer klein, 5 = zeer groot."),
    )
    impact = forms.TypedChoiceField(
        label=_("Impact (1-5)"),
        choices=SCALE_CHOICES,
        coerce=int,
        error_messages=SCALE_ERRORS,
        help_text=_("Hoe erg is dit? 1 = nauwelijks, 5 = zeer ernstig."),
    )

    class Meta:
        model = Risk
        fields = [
            "title",
            "goal",
            "plan",
            "description",
            "likelihood",
            "impact",
            "measure",
            "owner",
            "review_on",
            "status",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "measure": forms.Textarea(attrs={"rows": 3}),
            "review_on": DateInput(),
        }

    def __init__(self, *args, goals, plans, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = goals
        self.fields["plan"].queryset = plans
        self.fields["owner"].queryset = owners
        self.fields["owner"].label_from_instance = lambda user: user.get_full_name() or user.email
        if not goals.exists():
            del self.fields["goal"]

    def clean(self):
        data = super().clean()
        if bool(data.get("goal")) == bool(data.get("plan")):
            raise forms.ValidationError(_("Kies een doelstelling of een CMK-plan (één van beide)."))
        return data


class ReviewForm(forms.Form):
    likelihood = forms.TypedChoiceField(
        label=_("Kans nu (1-5)"), choices=SCALE_CHOICES, coerce=int, error_messages=SCALE_ERRORS
    )
    impact = forms.TypedChoiceField(
        label=_("Impact nu (1-5)"), choices=SCALE_CHOICES, coerce=int, error_messages=SCALE_ERRORS
    )
    note = forms.CharField(label=_("Toelichting"), widget=forms.Textarea(attrs={"rows": 3}))
    next_review_on = forms.DateField(
        label=_("Volgende beoordeling op"),
        widget=DateInput(),
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 2027-01-15.")},
    )
    status = forms.ChoiceField(label=_("Status"), choices=RiskStatus.choices)

    def clean_next_review_on(self):
        value = self.cleaned_data["next_review_on"]
        if value <= datetime.date.today():
            raise forms.ValidationError(_("De volgende beoordeling moet na vandaag liggen."))
        return value
