from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from schools.models.choices import (
    EDITABLE_PLAN_STATUSES,
    SCHOOL_YEAR_VALIDATORS,
    Approach,
    Domain,
    PlanStatus,
    Principle,
)
from schools.models.schools import School
from schools.school_year import SchoolYear


def validate_principles(value: str) -> None:
    allowed = set(Principle.values)
    if not value or any(letter not in allowed for letter in value) or len(set(value)) != len(value):
        raise ValidationError(_("Kies een of meer uitgangspunten A tot en met E."))


class CmkPlan(models.Model):
    """The school's CMK plan for one school year: why (vision), ambitions, indicators and planning."""

    school = models.ForeignKey(
        School, on_delete=models.CASCADE, related_name="plans", verbose_name=_("school")
    )
    school_year = models.PositiveSmallIntegerField(_("schooljaar"), validators=SCHOOL_YEAR_VALIDATORS)
    vision = models.TextField(_("visie (waarom)"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    review_comments = models.TextField(_("opmerkingen van de accounthouder"), blank=True)
    submitted_at = models.DateTimeField(_("ingediend op"), null=True, blank=True)
    agreed_at = models.DateTimeField(_("akkoord op"), null=True, blank=True)
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("CMK-plan")
        verbose_name_plural = _("CMK-plannen")
        ordering = ["school__name", "-school_year"]
        constraints = [
            models.UniqueConstraint(fields=["school", "school_year"], name="one_plan_per_school_year")
        ]

    def __str__(self):
        return f"{self.school} {self.year}"

    @property
    def year(self) -> SchoolYear:
        return SchoolYear(self.school_year)

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_PLAN_STATUSES


class Ambition(models.Model):
    plan = models.ForeignKey(CmkPlan, on_delete=models.CASCADE, related_name="ambitions")
    domain = models.CharField(_("terrein"), max_length=30, choices=Domain.choices)
    approach = models.CharField(_("aanpak"), max_length=20, choices=Approach.choices)
    principles = models.CharField(
        _("uitgangspunten CMK3"),
        max_length=5,
        validators=[validate_principles],
        help_text=_("Letters A tot en met E."),
    )
    description = models.TextField(_("ambitie"))
    success_indicators = models.TextField(_("succesindicatoren"), blank=True)

    class Meta:
        verbose_name = _("ambitie")
        verbose_name_plural = _("ambities")
        ordering = ["plan", "domain", "pk"]

    def __str__(self):
        return f"{self.get_domain_display()}: {self.get_approach_display()}"

    @property
    def principle_list(self) -> list[str]:
        return list(self.principles)


class Milestone(models.Model):
    plan = models.ForeignKey(CmkPlan, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("mijlpaal"), max_length=200)
    due_date = models.DateField(_("datum"))

    class Meta:
        verbose_name = _("mijlpaal")
        verbose_name_plural = _("mijlpalen")
        ordering = ["plan", "due_date", "pk"]

    def __str__(self):
        return self.title


EVENT_LABELS = {
    "schools.plan.created": _("plan begonnen"),
    "schools.plan.vision_changed": _("visie gewijzigd"),
    "schools.plan.ambition_added": _("ambitie toegevoegd"),
    "schools.plan.ambition_changed": _("ambitie gewijzigd"),
    "schools.plan.ambition_removed": _("ambitie verwijderd"),
    "schools.plan.milestone_added": _("mijlpaal toegevoegd"),
    "schools.plan.milestone_removed": _("mijlpaal verwijderd"),
    "schools.plan.submitted": _("ingediend"),
    "schools.plan.agreed": _("akkoord gegeven"),
    "schools.plan.sent_back": _("teruggestuurd"),
}


class PlanEvent(models.Model):
    """The history of a plan: every change, with its actor and, when sent back, the comments."""

    plan = models.ForeignKey(CmkPlan, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("actie"), max_length=60)
    from_status = models.CharField(max_length=20, choices=PlanStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=PlanStatus.choices, blank=True)
    comment = models.TextField(_("toelichting"), blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("planwijziging")
        verbose_name_plural = _("planwijzigingen")
        ordering = ["plan", "at", "pk"]

    def __str__(self):
        return self.action

    @property
    def label(self) -> str:
        return str(EVENT_LABELS.get(self.action, self.action))
