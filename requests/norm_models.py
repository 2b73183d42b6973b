"""Service norms: how many working days a request may stay in a status, per kind of asker."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from requests.choices import RequesterKind
from requests.workflow import Status


class ServiceNorm(models.Model):
    """One norm per (requester kind, status); without a row requests.norms.DEFAULT_NORMS apply.

    Managers edit these in the admin or on the norms page; a change recomputes the deadline of
    every open request of that kind in that status (requests.norms.norm_recompute).
    """

    requester_kind = models.CharField(_("wie vraagt"), max_length=20, choices=RequesterKind.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    working_days = models.PositiveSmallIntegerField(
        _("werkdagen"), validators=[MinValueValidator(1), MaxValueValidator(250)]
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("servicenorm")
        verbose_name_plural = _("servicenormen")
        ordering = ["requester_kind", "status"]
        constraints = [
            models.UniqueConstraint(fields=["requester_kind", "status"], name="service_norm_once"),
        ]

    def __str__(self):
        return f"{self.get_requester_kind_display()} / {self.get_status_display()}: {self.working_days}"
