"""Choices that several modules of the app share (models, norms), below all of them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RequesterKind(models.TextChoices):
    RESIDENT = "resident", _("Inwoner")
    INITIATIVE = "initiative", _("Maatschappelijk initiatief")
    ORGANISATION = "organisation", _("Maatschappelijke organisatie")
    SCHOOL = "school", _("School")
