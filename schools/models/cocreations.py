from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from schools.models.schools import School


class CoCreationSchool(models.Model):
    """A school taking part in a co-creation (makers.CoCreation); a running one has at least two."""

    co_creation = models.ForeignKey(
        "makers.CoCreation",
        verbose_name=_("co-creatie"),
        on_delete=models.CASCADE,
        related_name="school_links",
    )
    school = models.ForeignKey(
        School, verbose_name=_("school"), on_delete=models.CASCADE, related_name="co_creation_links"
    )
    joined_on = models.DateField(_("doet mee sinds"), auto_now_add=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("school in een co-creatie")
        verbose_name_plural = _("scholen in co-creaties")
        ordering = ["co_creation", "school__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["co_creation", "school"], name="one_link_per_school_and_co_creation"
            )
        ]

    def __str__(self):
        return f"{self.school} – {self.co_creation}"
