"""Secret calendar-feed addresses, one per owner and kind; rotating the token kills the old URL."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """The secret behind one iCal URL. `kind` names a feed builder (makers/calendars.py registry:
    venue, maker, advisor here; school from the schools app) and `object_id` its owner's id, which
    never appears in the URL: only the token does."""

    kind = models.CharField(_("soort"), max_length=20)
    object_id = models.PositiveIntegerField(_("eigenaar"))
    token = models.CharField(max_length=64, unique=True, default=new_feed_token, editable=False)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    rotated_at = models.DateTimeField(_("vernieuwd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("agenda-abonnement")
        verbose_name_plural = _("agenda-abonnementen")
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="one_feed_per_owner")]

    def __str__(self):
        return f"{self.kind} {self.object_id}"
