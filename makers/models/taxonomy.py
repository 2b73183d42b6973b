"""The shared taxonomy and the publication states."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from cultuur.translated import EnglishNamed


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Concept")
    PENDING_REVIEW = "pending_review", _("Wacht op beoordeling")
    PUBLISHED = "published", _("Gepubliceerd")
    ARCHIVED = "archived", _("Gearchiveerd")


class Discipline(EnglishNamed):
    """One shared taxonomy of art forms, created as rows by a data migration."""

    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("discipline")
        verbose_name_plural = _("disciplines")
        ordering = ["order", "name"]

    def __str__(self):
        return self.label


class TargetGroup(EnglishNamed):
    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")
        ordering = ["order", "name"]

    def __str__(self):
        return self.label


class Language(EnglishNamed):
    code = models.CharField(
        _("taalcode"), max_length=8, unique=True, help_text=_("ISO 639, bijvoorbeeld nl.")
    )
    name = models.CharField(_("naam"), max_length=60)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("taal")
        verbose_name_plural = _("talen")
        ordering = ["order", "name"]

    def __str__(self):
        return self.label
