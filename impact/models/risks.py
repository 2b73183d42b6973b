"""The risk register (seed 001: "hoe groot is de kans, hoe erg is dit?"): risks of a programme
goal or of a school's CMK plan, scored likelihood x impact, reviewed in the PDCA cycle."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

SCALE = range(1, 6)
SCALE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]
# Score = likelihood x impact (1-25). Up to LOW_MAX is low, from HIGH_MIN high, between medium.
LOW_MAX = 4
HIGH_MIN = 10


class RiskLevel(models.TextChoices):
    LOW = "low", _("laag")
    MEDIUM = "medium", _("middel")
    HIGH = "high", _("hoog")


def risk_level(likelihood: int, impact: int) -> RiskLevel:
    score = likelihood * impact
    if score <= LOW_MAX:
        return RiskLevel.LOW
    if score >= HIGH_MIN:
        return RiskLevel.HIGH
    return RiskLevel.MEDIUM


class RiskStatus(models.TextChoices):
    OPEN = "open", _("open")
    MANAGED = "managed", _("beheerst")
    CLOSED = "closed", _("gesloten")


def _in_scale(field: str) -> Q:
    return Q(**{f"{field}__gte": 1, f"{field}__lte": 5})


class Risk(models.Model):
    goal = models.ForeignKey(
        "impact.Goal",
        verbose_name=_("doelstelling"),
        on_delete=models.CASCADE,
        related_name="risks",
        null=True,
        blank=True,
    )
    plan = models.ForeignKey(
        "schools.CmkPlan",
        verbose_name=_("CMK-plan"),
        on_delete=models.CASCADE,
        related_name="risks",
        null=True,
        blank=True,
    )
    title = models.CharField(_("risico"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    likelihood = models.PositiveSmallIntegerField(
        _("kans (1-5)"),
        validators=SCALE_VALIDATORS,
        help_text=_("Hoe groot is de kans? 1 = zeer klein, 5 = zeer groot."),
    )
    impact = models.PositiveSmallIntegerField(
        _("impact (1-5)"),
        validators=SCALE_VALIDATORS,
        help_text=_("Hoe erg is dit? 1 = nauwelijks, 5 = zeer ernstig."),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eigenaar"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    measure = models.TextField(_("beheersmaatregel"), blank=True)
    review_on = models.DateField(_("beoordelen op"))
    status = models.CharField(_("status"), max_length=10, choices=RiskStatus.choices, default=RiskStatus.OPEN)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("risico")
        verbose_name_plural = _("risico's")
        ordering = ["review_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=_in_scale("likelihood"), name="risk_likelihood_1_5"),
            models.CheckConstraint(condition=_in_scale("impact"), name="risk_impact_1_5"),
            models.CheckConstraint(
                condition=Q(goal__isnull=False, plan__isnull=True) | Q(goal__isnull=True, plan__isnull=False),
                name="risk_of_a_goal_or_a_plan",
            ),
        ]
        indexes = [models.Index(fields=["status", "review_on"], name="risk_status_review")]

    def __str__(self):
        return self.title

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def level(self) -> RiskLevel:
        return risk_level(self.likelihood, self.impact)

    @property
    def subject(self) -> str:
        return str(self.goal) if self.goal_id else str(self.plan)


class RiskReview(models.Model):
    """Append-only: every review in the PDCA cycle keeps the scores it found and a note."""

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField(_("beoordeeld op"))
    likelihood = models.PositiveSmallIntegerField(_("kans (1-5)"), validators=SCALE_VALIDATORS)
    impact = models.PositiveSmallIntegerField(_("impact (1-5)"), validators=SCALE_VALIDATORS)
    previous_likelihood = models.PositiveSmallIntegerField(validators=SCALE_VALIDATORS)
    previous_impact = models.PositiveSmallIntegerField(validators=SCALE_VALIDATORS)
    note = models.TextField(_("toelichting"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("risicobeoordeling")
        verbose_name_plural = _("risicobeoordelingen")
        ordering = ["-reviewed_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=_in_scale("likelihood"), name="review_likelihood_1_5"),
            models.CheckConstraint(condition=_in_scale("impact"), name="review_impact_1_5"),
        ]

    def __str__(self):
        return f"{self.risk} {self.reviewed_on}"

    @property
    def score(self) -> int:
        return self.likelihood * self.impact
