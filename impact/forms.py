from django import forms
from django.utils.translation import gettext_lazy as _

from cultuur.widgets import DateInput
from districts.models import District, Municipality
from impact.models import Indicator
from impact.periods import Period, period_choices


class DashboardFilterForm(forms.Form):
    period = forms.ChoiceField(label=_("Periode"), required=False)
    municipality = forms.ModelChoiceField(
        label=_("Gemeente"),
        queryset=Municipality.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle gemeenten"),
    )
    district = forms.ModelChoiceField(
        label=_("Wijk"),
        queryset=District.objects.filter(is_central_intake=False).select_related("municipality"),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle wijken"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [(p.key, p.label) for p in period_choices()]
        self.fields["district"].label_from_instance = lambda d: f"{d.name} ({d.municipality})"

    def clean_period(self):
        key = self.cleaned_data.get("period")
        if not key:
            return Period.current_year()
        try:
            return Period.parse(key)
        except ValueError:
            raise forms.ValidationError(_("Kies een periode uit de lijst.")) from None

    def clean(self):
        data = super().clean()
        district, municipality = data.get("district"), data.get("municipality")
        if district and municipality and district.municipality_id != municipality.pk:
            self.add_error("district", _("Deze wijk ligt niet in de gekozen gemeente."))
        elif district:
            data["municipality"] = district.municipality
        return data


class ReportRequestForm(forms.Form):
    period = forms.ChoiceField(label=_("Periode"))
    scope = forms.ChoiceField(label=_("Gemeente of wijk"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [(p.key, p.label) for p in period_choices()]
        scopes = []
        for municipality in Municipality.objects.order_by("name").prefetch_related("districts"):
            scopes.append((f"m{municipality.pk}", str(municipality)))
            scopes += [
                (f"d{d.pk}", f"{municipality} – {d.name}")
                for d in municipality.districts.all()
                if not d.is_central_intake
            ]
        self.fields["scope"].choices = scopes

    def clean(self):
        data = super().clean()
        if "period" in data:
            data["period"] = Period.parse(data["period"])
        scope = data.get("scope", "")
        if scope.startswith("d"):
            data["district"] = District.objects.select_related("municipality").get(pk=int(scope[1:]))
            data["municipality"] = data["district"].municipality
        elif scope.startswith("m"):
            data["district"] = None
            data["municipality"] = Municipality.objects.get(pk=int(scope[1:]))
        return data


class ThemeForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=120)
    description = forms.CharField(
        label=_("Toelichting"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    is_active = forms.BooleanField(label=_("In gebruik"), required=False)


class GoalProgressForm(forms.Form):
    value = forms.DecimalField(label=_("Gemeten waarde"), min_value=0, max_digits=12, decimal_places=2)
    evidence = forms.CharField(
        label=_("Bewijs"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld: verslagen van de stuurgroep, presentielijsten."),
    )


class ReachForm(forms.Form):
    participants = forms.IntegerField(label=_("Actieve deelnemers"), min_value=0)
    new_participants = forms.IntegerField(label=_("Waarvan nieuwe deelnemers"), min_value=0)
    visitors = forms.IntegerField(label=_("Bezoekers of passanten"), min_value=0)
    pupils = forms.IntegerField(label=_("Leerlingen"), min_value=0)


class MeasurementForm(forms.Form):
    indicator = forms.ModelChoiceField(
        label=_("Indicator"),
        queryset=Indicator.objects.select_related("theme").order_by("theme__number", "name"),
    )
    district = forms.ModelChoiceField(label=_("Wijk"), queryset=District.objects.none())
    period_start = forms.DateField(label=_("Periode vanaf"), widget=DateInput())
    period_end = forms.DateField(label=_("Periode tot en met"), widget=DateInput())
    value = forms.DecimalField(label=_("Waarde"), max_digits=14, decimal_places=2)
    evidence = forms.CharField(label=_("Bewijs of bron"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, districts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = districts if districts is not None else District.objects.none()
        self.fields["indicator"].label_from_instance = lambda i: f"SDG {i.theme.number}: {i.name} ({i.unit})"

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("Het einde van de periode ligt vóór het begin."))
        return data
