"""Strategy cards of an execution agenda (seed 003: eight cards, each agreement says who / what /
when / how), the partners' half-yearly progress per agreement, and the budget per card and year."""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class StrategyCard(models.Model):
    number = models.PositiveSmallIntegerField(
        _("nummer"), unique=True, validators=[MinValueValidator(1), MaxValueValidator(99)]
    )
    title = models.CharField(_("titel"), max_length=200)
    ambition = models.TextField(_("ambitie"), blank=True)
    theme = models.CharField(_("thema"), max_length=120, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("strategiekaart")
        verbose_name_plural = _("strategiekaarten")
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.title}"


class AgreementStatus(models.TextChoices):
    PLANNED = "planned", _("gepland")
    RUNNING = "running", _("loopt")
    DELAYED = "delayed", _("vertraagd")
    DONE = "done", _("afgerond")
    STOPPED = "stopped", _("gestopt")


class Agreement(models.Model):
    card = models.ForeignKey(
        StrategyCard, on_delete=models.CASCADE, related_name="agreements", verbose_name=_("strategiekaart")
    )
    title = models.CharField(_("afspraak"), max_length=200)
    partner = models.ForeignKey(
        "districts.Partner",
        verbose_name=_("partnerorganisatie"),
        on_delete=models.SET_NULL,
        related_name="agreements",
        null=True,
        blank=True,
        help_text=_("De organisatie die de voortgang elk halfjaar meldt."),
    )
    who = models.CharField(_("wie"), max_length=300, blank=True)
    what = models.TextField(_("wat"))
    when = models.CharField(
        _("wanneer"), max_length=120, blank=True, help_text=_("Bijvoorbeeld: doorlopend, 2023-2026.")
    )
    deadline = models.DateField(_("uiterlijk op"), null=True, blank=True)
    how = models.TextField(_("hoe"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=AgreementStatus.choices, default=AgreementStatus.PLANNED
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")
        ordering = ["card__number", "pk"]

    def __str__(self):
        return self.title


class AgreementSpending(models.Model):
    """Money spent on an agreement: the source of a card's spent budget."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="spending")
    spent_on = models.DateField(_("datum"))
    amount_cents = models.PositiveIntegerField(_("bedrag (centen)"))
    description = models.CharField(_("omschrijving"), max_length=200)

    class Meta:
        verbose_name = _("besteding")
        verbose_name_plural = _("bestedingen")
        ordering = ["spent_on", "pk"]

    def __str__(self):
        return self.description


class ThemeBudget(models.Model):
    card = models.ForeignKey(
        StrategyCard, on_delete=models.CASCADE, related_name="budgets", verbose_name=_("strategiekaart")
    )
    year = models.PositiveSmallIntegerField(
        _("jaar"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    amount_cents = models.PositiveIntegerField(_("bedrag (centen)"))

    class Meta:
        verbose_name = _("themabudget")
        verbose_name_plural = _("themabudgetten")
        ordering = ["card__number", "year"]
        constraints = [models.UniqueConstraint(fields=["card", "year"], name="one_budget_per_card_year")]

    def __str__(self):
        return f"{self.card} {self.year}"


class ProgressInvitation(models.Model):
    """One per partner and half year: the claim that the invitation goes out once, and the secret
    behind the signed link (the link carries this nonce, never a pk)."""

    partner = models.ForeignKey("districts.Partner", on_delete=models.CASCADE, related_name="+")
    period_key = models.CharField(_("halfjaar"), max_length=7)
    nonce = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("uitnodiging voortgang")
        verbose_name_plural = _("uitnodigingen voortgang")
        constraints = [
            models.UniqueConstraint(fields=["partner", "period_key"], name="one_invitation_per_partner_half")
        ]

    def __str__(self):
        return f"{self.partner} {self.period_key}"


class AgreementProgress(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="progress")
    period_key = models.CharField(_("halfjaar"), max_length=7)
    status = models.CharField(_("status"), max_length=12, choices=AgreementStatus.choices)
    text = models.TextField(_("voortgang"))
    figure = models.DecimalField(_("kengetal"), max_digits=12, decimal_places=2, null=True, blank=True)
    reported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("voortgangsmelding")
        verbose_name_plural = _("voortgangsmeldingen")
        ordering = ["-period_key", "agreement__card__number", "agreement_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "period_key"], name="one_progress_per_agreement_half"
            ),
            models.CheckConstraint(
                condition=Q(period_key__regex=r"^\d{4}-H[12]$"), name="progress_half_year_key"
            ),
        ]

    def __str__(self):
        return f"{self.agreement} {self.period_key}"
