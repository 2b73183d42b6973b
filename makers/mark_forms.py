"""Forms for quality marks: the maker's own form and staff's rejection note."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cultuur.widgets import DateInput
from makers.models import QualityMark


class QualityMarkForm(forms.ModelForm):
    class Meta:
        model = QualityMark
        fields = [
            "kind",
            "title",
            "issuer",
            "issued_on",
            "expires_on",
            "certificate_reference",
            "certificate_url",
        ]
        widgets = {"issued_on": DateInput(), "expires_on": DateInput()}
        labels = {"expires_on": _("Verloopt op")}
        help_texts = {"expires_on": _("De eerste dag dat het keurmerk niet meer geldt.")}
        error_messages = {
            "issued_on": {"invalid": _("Vul een geldige datum in, bijvoorbeeld 1-9-2026.")},
            "expires_on": {"invalid": _("Vul een geldige datum in, bijvoorbeeld 1-9-2029.")},
        }


class MarkRejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom klopt het keurmerk niet?"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )
