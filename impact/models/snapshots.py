"""Pre-computed dashboard figures (issue 11): one row per view (language, period and scope), refreshed
by a periodic task so the manager dashboard reads one row instead of running ~30 aggregates."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DashboardSnapshot(models.Model):
    key = models.CharField(_("sleutel"), max_length=100, unique=True)
    figures = models.JSONField(_("cijfers"), default=list)
    computed_at = models.DateTimeField(_("berekend op"))
    viewed_at = models.DateTimeField(_("laatst bekeken"), null=True, blank=True)

    class Meta:
        verbose_name = _("dashboardmomentopname")
        verbose_name_plural = _("dashboardmomentopnamen")

    def __str__(self):
        return self.key
