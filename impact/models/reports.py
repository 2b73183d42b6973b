"""Periodic PDCA monitoring reports: one per period and scope, claimed before it is rendered."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ReportStatus(models.TextChoices):
    PENDING = "pending", _("in de wachtrij")
    RENDERING = "rendering", _("wordt gemaakt")
    DONE = "done", _("klaar")
    FAILED = "failed", _("mislukt")


class MonitoringReport(models.Model):
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    period_start = models.DateField(_("periode vanaf"))
    period_end = models.DateField(_("periode tot en met"))
    period_label = models.CharField(_("periode"), max_length=40)
    municipality = models.ForeignKey(
        "districts.Municipality", verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="+"
    )
    district = models.ForeignKey(
        "districts.District",
        verbose_name=_("wijk"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    # "m<municipality id>" or "d<district id>": NULLs are distinct in a unique constraint, this is not.
    scope_key = models.CharField(max_length=20, editable=False)
    status = models.CharField(max_length=12, choices=ReportStatus.choices, default=ReportStatus.PENDING)
    data = models.JSONField(default=dict, blank=True, editable=False)
    pdf = models.FileField(_("pdf"), upload_to="impact/reports/%Y/", blank=True)
    error = models.CharField(max_length=300, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    rendered_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("monitoringsrapportage")
        verbose_name_plural = _("monitoringsrapportages")
        ordering = ["-period_start", "scope_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["period_start", "period_end", "scope_key"], name="one_report_per_period_and_scope"
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")), name="report_period_ordered"
            ),
        ]

    def __str__(self):
        return f"{self.scope_label} {self.period_label}"

    @property
    def scope_label(self) -> str:
        return str(self.district) if self.district_id else str(self.municipality)
