"""What a request is matched to, the funding applications for it and the asker's evaluation.

Kept out of models.py so that file stays about the request itself; `requests.models` imports these."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class MatchKind(models.TextChoices):
    COURSE = "course", _("Verwijzen naar een bestaande cursus")
    CO_CREATION = "co_creation", _("Co-creatie met een maker")
    SPACE = "space", _("Een community of maakplek faciliteren")
    CUSTOM = "custom", _("Een andere oplossing op maat")
    KNOWLEDGE = "knowledge", _("Kennis delen")


class Match(models.Model):
    request = models.ForeignKey("requests.CultureRequest", on_delete=models.CASCADE, related_name="matches")
    kind = models.CharField(_("soort koppeling"), max_length=20, choices=MatchKind.choices)
    maker = models.ForeignKey(
        "makers.Maker",
        verbose_name=_("maker"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    course = models.ForeignKey(
        "makers.Course",
        verbose_name=_("cursus"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    co_creation = models.ForeignKey(
        "makers.CoCreation",
        verbose_name=_("co-creatie"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    venue = models.ForeignKey(
        "makers.Venue",
        verbose_name=_("locatie"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Free text for what the directory does not hold (a custom solution, a partner elsewhere).
    target_name = models.CharField(_("met wie of wat"), max_length=200, blank=True)
    description = models.TextField(_("toelichting"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("koppeling")
        verbose_name_plural = _("koppelingen")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.request_id})"

    @property
    def target_label(self) -> str:
        for name in ("course", "maker", "co_creation", "venue"):
            target = getattr(self, name, None)
            if target is not None:
                return str(target)
        return self.target_name


class FundingStatus(models.TextChoices):
    PREPARING = "preparing", _("In voorbereiding")
    SUBMITTED = "submitted", _("Ingediend")
    GRANTED = "granted", _("Toegekend")
    PARTLY_GRANTED = "partly_granted", _("Deels toegekend")
    REJECTED = "rejected", _("Afgewezen")
    WITHDRAWN = "withdrawn", _("Ingetrokken")


OPEN_FUNDING = (FundingStatus.PREPARING, FundingStatus.SUBMITTED)
DECIDED_FUNDING = (FundingStatus.GRANTED, FundingStatus.PARTLY_GRANTED, FundingStatus.REJECTED)
SUCCESSFUL_FUNDING = (FundingStatus.GRANTED, FundingStatus.PARTLY_GRANTED)


class FundingApplication(models.Model):
    request = models.ForeignKey(
        "requests.CultureRequest", on_delete=models.CASCADE, related_name="funding_applications"
    )
    fund = models.CharField(_("fonds"), max_length=200)
    amount_requested_cents = models.PositiveIntegerField(_("gevraagd bedrag (centen)"))
    submitted_on = models.DateField(_("ingediend op"), null=True, blank=True)
    decision_on = models.DateField(_("besluit op"), null=True, blank=True)
    amount_granted_cents = models.PositiveIntegerField(_("toegekend bedrag (centen)"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=FundingStatus.choices, default=FundingStatus.PREPARING
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("fondsaanvraag")
        verbose_name_plural = _("fondsaanvragen")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_granted_cents__isnull=True)
                | Q(amount_granted_cents__lte=models.F("amount_requested_cents")),
                name="funding_granted_not_above_requested",
            ),
        ]

    def __str__(self):
        return self.fund


class Evaluation(models.Model):
    request = models.OneToOneField(
        "requests.CultureRequest", on_delete=models.CASCADE, related_name="evaluation"
    )
    satisfaction = models.PositiveSmallIntegerField(
        _("tevredenheid"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    answered = models.BooleanField(_("heeft dit uw vraag beantwoord?"))
    would_ask_again = models.BooleanField(_("zou u opnieuw een vraag stellen?"))
    comment = models.TextField(_("toelichting"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Once per evaluation: the asker's reopen after an unhappy answer (requests.reopen).
    reopened_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.request_id}: {self.satisfaction}/5"

    @property
    def is_unhappy(self) -> bool:
        return self.satisfaction <= 2 or not self.answered
