"""Programme goals (seed 001 and 003): a target, and progress computed from the data or entered by hand."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class GoalStatus(models.TextChoices):
    ON_TRACK = "on_track", _("op koers")
    BEHIND = "behind", _("achter")
    ACHIEVED = "achieved", _("behaald")


class GoalMetric(models.TextChoices):
    """What a computed goal is computed from; impact.metrics says how each one is computed."""

    ACTIVITIES = "activities", _("Aantal activiteiten")
    ACTIVITIES_CO_PRODUCED = "activities_co_produced", _("Aantal coproducties")
    SHARE_CO_PRODUCED_OR_SUPPORTED = (
        "share_co_produced_or_supported",
        _("Aandeel coproducties en ondersteunde activiteiten (%)"),
    )
    PARTICIPANTS = "participants", _("Actieve deelnemers")
    NEW_PARTICIPANTS = "new_participants", _("Nieuwe deelnemers")
    VISITORS = "visitors", _("Bezoekers en passanten")
    PUPILS = "pupils", _("Leerlingen")
    NEW_CO_CREATIONS = "new_co_creations", _("Nieuwe co-creaties (gestart in de periode)")
    SCHOOLS_IN_PARTNERSHIP = (
        "schools_in_partnership",
        _("Aandeel scholen met een partnerschap met een maker (%)"),
    )
    CONSUMING_SCHOOLS = "consuming_schools", _("Aantal consumerende scholen")
    REQUESTS_MATCHED = "requests_matched", _("Aandeel gekoppelde vragen (%)")


class Goal(models.Model):
    title = models.CharField(_("doelstelling"), max_length=300)
    description = models.TextField(_("toelichting"), blank=True)
    period_start = models.DateField(_("periode vanaf"))
    period_end = models.DateField(_("periode tot en met"))
    target = models.DecimalField(_("streefwaarde"), max_digits=12, decimal_places=2)
    unit = models.CharField(_("eenheid"), max_length=40, blank=True)
    lower_is_better = models.BooleanField(
        _("lager is beter"), default=False, help_text=_("Bijvoorbeeld: minder consumerende scholen.")
    )
    # Empty means the progress is entered by hand with evidence.
    metric = models.CharField(
        _("berekend uit"),
        max_length=60,
        blank=True,
        choices=GoalMetric.choices,
        error_messages={"invalid_choice": _("Kies een berekening uit de lijst.")},
    )
    manual_value = models.DecimalField(
        _("gemeten waarde"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    evidence = models.TextField(_("bewijs"), blank=True)
    municipality = models.ForeignKey(
        "districts.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="goals",
        null=True,
        blank=True,
    )
    district = models.ForeignKey(
        "districts.District",
        verbose_name=_("wijk"),
        on_delete=models.PROTECT,
        related_name="goals",
        null=True,
        blank=True,
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("doelstelling")
        verbose_name_plural = _("doelstellingen")
        ordering = ["period_end", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="goal_period_ordered"
            ),
            models.CheckConstraint(condition=Q(target__gte=0), name="goal_target_not_negative"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_computed(self) -> bool:
        return bool(self.metric)

    def clean(self):
        if self.metric and self.manual_value is not None:
            raise ValidationError(
                {"manual_value": _("Een berekende doelstelling heeft geen handmatige waarde.")}
            )
        if not self.metric and self.manual_value is not None and not self.evidence.strip():
            raise ValidationError({"evidence": _("Geef het bewijs bij een handmatig ingevulde waarde.")})
