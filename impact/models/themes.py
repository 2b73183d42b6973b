"""MAEX-style impact: the 17 SDGs as themes, indicators per theme, and measurements."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cultuur.translated import EnglishNamed


class ImpactTheme(EnglishNamed):
    """One UN Sustainable Development Goal (seeded 1..17 by a data migration); managers edit the texts."""

    number = models.PositiveSmallIntegerField(
        _("nummer"), unique=True, validators=[MinValueValidator(1), MaxValueValidator(17)]
    )
    name = models.CharField(_("naam"), max_length=120)
    description = models.TextField(_("toelichting"), blank=True)
    is_active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        verbose_name = _("impactthema")
        verbose_name_plural = _("impactthema's")
        ordering = ["number"]

    def __str__(self):
        return f"SDG {self.number}: {self.label}"


class Indicator(models.Model):
    theme = models.ForeignKey(
        ImpactTheme, verbose_name=_("thema"), on_delete=models.PROTECT, related_name="indicators"
    )
    name = models.CharField(_("naam"), max_length=200)
    unit = models.CharField(_("eenheid"), max_length=40)
    higher_is_better = models.BooleanField(_("hoger is beter"), default=True)
    method = models.TextField(_("zo wordt het gemeten"), blank=True)
    # MAEX values indicators in euros with social cost-benefit figures; optional per indicator.
    value_per_unit_cents = models.PositiveIntegerField(
        _("maatschappelijke waarde per eenheid (cent)"), null=True, blank=True
    )
    value_source = models.CharField(_("bron van de waardering"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")
        ordering = ["theme__number", "name"]
        constraints = [models.UniqueConstraint(fields=["theme", "name"], name="unique_indicator_per_theme")]

    def __str__(self):
        return self.name


class Measurement(models.Model):
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="measurements"
    )
    activity = models.ForeignKey(
        "impact.Activity",
        verbose_name=_("activiteit"),
        on_delete=models.CASCADE,
        related_name="measurements",
        null=True,
        blank=True,
    )
    district = models.ForeignKey(
        "districts.District",
        verbose_name=_("wijk"),
        on_delete=models.PROTECT,
        related_name="impact_measurements",
        null=True,
        blank=True,
    )
    period_start = models.DateField(_("periode vanaf"))
    period_end = models.DateField(_("periode tot en met"))
    value = models.DecimalField(_("waarde"), max_digits=14, decimal_places=2)
    evidence = models.TextField(_("bewijs of bron"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("meting")
        verbose_name_plural = _("metingen")
        ordering = ["-period_start", "indicator"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(activity__isnull=False) & Q(district__isnull=True))
                | (Q(activity__isnull=True) & Q(district__isnull=False)),
                name="measurement_activity_or_district",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")), name="measurement_period_ordered"
            ),
        ]

    def __str__(self):
        return f"{self.indicator}: {self.value}"
