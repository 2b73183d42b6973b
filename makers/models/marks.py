"""Quality marks (keurmerken) of makers: CultuurKeur (seed 002), the Fair Practice Code (seeds 000
and 004) and others. Organisations are makers too (Maker.Kind), so one model serves both.

A mark is shown to the public only when staff verified it and it is in force on the day asked:
issued on or before that day and expiring after it (the expiry day itself no longer counts)."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from makers.models.makers import Maker


class MarkKind(models.TextChoices):
    CULTUURKEUR = "cultuurkeur", _("CultuurKeur")
    FAIR_PRACTICE = "fair_practice", _("Fair Practice Code")
    OTHER = "other", _("Ander keurmerk")


def in_force_on(day: datetime.date, prefix: str = "") -> Q:
    """The marks in force on `day`: issued on or before it, expiring after it."""
    return Q(**{f"{prefix}issued_on__lte": day, f"{prefix}expires_on__gt": day})


def shown_on(day: datetime.date, prefix: str = "") -> Q:
    return in_force_on(day, prefix) & Q(**{f"{prefix}verified_at__isnull": False})


def has_shown_mark(kind: str | None = None, day: datetime.date | None = None) -> Exists:
    """For a Maker queryset: whether the maker has a verified mark (of `kind`) in force on `day`."""
    marks = QualityMark.objects.filter(shown_on(day or timezone.localdate()), maker=OuterRef("pk"))
    return Exists(marks.filter(kind=kind) if kind else marks)


class QualityMarkQuerySet(models.QuerySet):
    def shown(self, day: datetime.date | None = None):
        return self.filter(shown_on(day or timezone.localdate()))


class QualityMark(models.Model):
    # Reminder stages, in days before expiry; stored so that a rerun sends nothing twice.
    REMINDER_DAYS = (60, 14)

    maker = models.ForeignKey(
        Maker, verbose_name=_("cultuurmaker"), on_delete=models.CASCADE, related_name="quality_marks"
    )
    kind = models.CharField(_("soort keurmerk"), max_length=20, choices=MarkKind.choices)
    title = models.CharField(
        _("naam van het keurmerk"), max_length=150, blank=True, help_text=_("Nodig bij een ander keurmerk.")
    )
    issuer = models.CharField(_("uitgegeven door"), max_length=150)
    issued_on = models.DateField(_("uitgegeven op"))
    expires_on = models.DateField(
        _("geldig tot"), help_text=_("De eerste dag dat het keurmerk niet meer geldt.")
    )
    certificate_reference = models.CharField(_("certificaatnummer"), max_length=100, blank=True)
    certificate_url = models.URLField(_("link naar het certificaat"), blank=True)
    verified_at = models.DateTimeField(_("gecontroleerd op"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gecontroleerd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    rejection_reason = models.TextField(_("reden van afwijzing"), blank=True)
    reminder_stage = models.PositiveSmallIntegerField(
        _("herinnerd (dagen voor verloop)"), null=True, blank=True, editable=False
    )
    reminded_at = models.DateTimeField(_("herinnerd op"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = QualityMarkQuerySet.as_manager()

    class Meta:
        verbose_name = _("keurmerk")
        verbose_name_plural = _("keurmerken")
        ordering = ["maker", "kind", "-expires_on"]
        indexes = [models.Index(fields=["maker", "expires_on"], name="mark_maker_expiry")]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__gt=F("issued_on")), name="mark_expires_after_issue"
            ),
        ]

    def __str__(self):
        return f"{self.label} ({self.maker})"

    @property
    def label(self) -> str:
        return self.title if self.kind == MarkKind.OTHER and self.title else str(self.get_kind_display())

    def is_in_force(self, day: datetime.date | None = None) -> bool:
        day = day or timezone.localdate()
        return self.issued_on <= day < self.expires_on

    def is_shown(self, day: datetime.date | None = None) -> bool:
        return self.verified_at is not None and self.is_in_force(day)

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None

    @property
    def last_day(self) -> datetime.date:
        return self.expires_on - datetime.timedelta(days=1)

    def clean(self):
        errors = {}
        if self.issued_on and self.expires_on and self.expires_on <= self.issued_on:
            errors["expires_on"] = _("De einddatum moet na de datum van uitgifte liggen.")
        if self.kind == MarkKind.OTHER and not self.title.strip():
            errors["title"] = _("Geef de naam van het keurmerk.")
        if errors:
            raise ValidationError(errors)
