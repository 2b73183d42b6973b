"""Forms for the art-teacher pool. They keep what was typed when something is wrong."""

from django import forms
from django.utils.translation import gettext_lazy as _

from makers.models import Discipline, Maker
from schools.models import PoolTeacher, TeacherAvailability
from schools.models.pool import DayPart
from schools.school_year import SchoolYear


class PoolTeacherForm(forms.ModelForm):
    class Meta:
        model = PoolTeacher
        fields = [
            "maker",
            "single_lessons",
            "lesson_series",
            "co_teaching",
            "team_training",
            "note",
            "is_active",
        ]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["maker"]
        if self.instance.pk:
            field.disabled = True
            field.queryset = Maker.objects.filter(pk=self.instance.maker_id)
        else:
            field.queryset = Maker.objects.filter(
                status=Maker.Status.PUBLISHED, pool_teacher__isnull=True
            ).order_by("-works_in_education", "name")
            field.help_text = _("Gepubliceerde cultuurmakers die nog niet in de pool staan.")
        field.error_messages["invalid_choice"] = _("Kies een cultuurmaker uit de lijst.")


class AvailabilityForm(forms.ModelForm):
    school_year = forms.TypedChoiceField(label=_("Schooljaar"), coerce=int)
    day_parts = forms.MultipleChoiceField(
        label=_("Beschikbare dagdelen"),
        choices=DayPart.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één dagdeel.")},
    )
    disciplines = forms.ModelMultipleChoiceField(
        label=_("Disciplines die je geeft"),
        queryset=Discipline.objects.order_by("order", "name"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één discipline.")},
    )

    class Meta:
        model = TeacherAvailability
        fields = [
            "school_year",
            "day_parts",
            "hours_per_week",
            "disciplines",
            "grade_min",
            "grade_max",
            "max_schools",
        ]
        error_messages = {
            "hours_per_week": {"required": _("Vul het aantal uren per week in.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = SchoolYear.current()
        self.fields["school_year"].choices = [(y.start_year, y.label) for y in (current, current.next())]
        if self.instance.pk:
            self.fields["school_year"].disabled = True
            self.fields["school_year"].choices = [(self.instance.school_year, self.instance.year.label)]

    def clean(self):
        data = super().clean()
        low, high = data.get("grade_min"), data.get("grade_max")
        if low and high and low > high:
            self.add_error("grade_max", _("De laatste groep moet gelijk aan of hoger zijn dan de eerste."))
        return data


class ProposalForm(forms.Form):
    teacher = forms.ModelChoiceField(
        label=_("Kunstvakdocent"),
        queryset=PoolTeacher.objects.none(),
        error_messages={
            "required": _("Kies een kunstvakdocent."),
            "invalid_choice": _("Kies een kunstvakdocent uit de lijst."),
        },
    )
    note = forms.CharField(
        label=_("Toelichting voor de school"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, year: SchoolYear, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["teacher"].queryset = (
            PoolTeacher.objects.filter(is_active=True, availabilities__school_year=year.start_year)
            .select_related("maker")
            .order_by("maker__name")
        )


class ProposalResponseForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Jullie besluit"),
        choices=[("accept", _("Accepteren")), ("decline", _("Afwijzen"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies accepteren of afwijzen.")},
    )
    note = forms.CharField(
        label=_("Toelichting"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "decline" and not (data.get("note") or "").strip():
            self.add_error("note", _("Schrijf kort waarom jullie afwijzen; de coördinator zoekt dan verder."))
        return data
