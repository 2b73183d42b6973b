"""Activities: what a match becomes, and what the centre runs or supports without a request."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class ActivityRole(models.TextChoices):
    # Seed 000: 102 produced, 88 supporting/advisory, 37 co-produced of 227.
    PRODUCED = "produced", _("geïnitieerd en geproduceerd")
    SUPPORTED = "supported", _("ondersteunend en adviserend")
    CO_PRODUCED = "co_produced", _("coproductie")


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("gepland")
    RUNNING = "running", _("loopt")
    COMPLETED = "completed", _("afgerond")
    CANCELLED = "cancelled", _("geannuleerd")


class Activity(models.Model):
    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    description = models.TextField(_("beschrijving"), blank=True)
    role = models.CharField(_("rol van het centrum"), max_length=20, choices=ActivityRole.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    municipality = models.ForeignKey(
        "districts.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="activities",
        null=True,
        blank=True,
    )
    whole_municipality = models.BooleanField(_("in de hele gemeente"), default=False)
    districts = models.ManyToManyField(
        "districts.District", verbose_name=_("wijken"), related_name="activities", blank=True
    )
    disciplines = models.ManyToManyField(
        "makers.Discipline", verbose_name=_("disciplines"), related_name="activities", blank=True
    )
    makers = models.ManyToManyField(
        "makers.Maker", verbose_name=_("makers"), related_name="activities", blank=True
    )
    partners = models.ManyToManyField(
        "districts.Partner", verbose_name=_("partners"), related_name="activities", blank=True
    )
    other_partners = models.CharField(_("andere partners"), max_length=300, blank=True)
    themes = models.ManyToManyField(
        "impact.ImpactTheme", verbose_name=_("impactthema's"), related_name="activities", blank=True
    )
    request = models.ForeignKey(
        "requests.CultureRequest",
        verbose_name=_("vraag"),
        on_delete=models.SET_NULL,
        related_name="activities",
        null=True,
        blank=True,
    )
    # One activity per match: the receiver that creates it relies on this being unique.
    match = models.OneToOneField(
        "requests.Match",
        verbose_name=_("koppeling"),
        on_delete=models.SET_NULL,
        related_name="activity",
        null=True,
        blank=True,
    )
    starts_on = models.DateField(_("begindatum"), db_index=True)
    ends_on = models.DateField(_("einddatum"), null=True, blank=True)
    budget_cents = models.PositiveIntegerField(_("begroting (cent)"), default=0)
    funding_cents = models.PositiveIntegerField(_("fondsen en bijdragen (cent)"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        ordering = ["-starts_on", "title"]
        indexes = [models.Index(fields=["role", "starts_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="activity_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(whole_municipality=False) | Q(municipality__isnull=False),
                name="activity_whole_municipality_names_it",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("De einddatum ligt vóór de begindatum.")})
        if self.whole_municipality and not self.municipality_id:
            raise ValidationError(
                {"municipality": _("Kies de gemeente waar de activiteit overal plaatsvindt.")}
            )


class Reach(models.Model):
    """Who an activity reached (seed 000: active participants, visitors or passers-by, pupils)."""

    activity = models.OneToOneField(Activity, on_delete=models.CASCADE, related_name="reach")
    participants = models.PositiveIntegerField(_("actieve deelnemers"), default=0)
    new_participants = models.PositiveIntegerField(_("waarvan nieuwe deelnemers"), default=0)
    visitors = models.PositiveIntegerField(_("bezoekers of passanten"), default=0)
    pupils = models.PositiveIntegerField(_("leerlingen"), default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("bereik")
        verbose_name_plural = _("bereik")
        constraints = [
            models.CheckConstraint(
                condition=Q(new_participants__lte=F("participants")), name="reach_new_within_participants"
            )
        ]

    def __str__(self):
        return f"{self.activity}: {self.participants}/{self.visitors}/{self.pupils}"

    def clean(self):
        if self.new_participants > self.participants:
            raise ValidationError(
                {"new_participants": _("Er kunnen niet meer nieuwe deelnemers zijn dan deelnemers.")}
            )
