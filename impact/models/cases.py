"""The project bank (seeds 002 and 004): cases of good and bad practice, written up by staff.

A case describes the culture question in general words. It never holds the asker's personal
data: the write-up services prefill it from a request's question and disciplines only.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from schools.models.choices import CultureType


class CasePractice(models.TextChoices):
    GOOD = "good", _("goed voorbeeld")
    BAD = "bad", _("leerzaam voorbeeld (wat niet werkte)")


class CaseStatus(models.TextChoices):
    DRAFT = "draft", _("concept")
    PUBLISHED = "published", _("gepubliceerd")


class CaseTag(models.Model):
    """A free tag ("buitenruimte", "ouderen"), made when a case first uses it."""

    name = models.CharField(_("naam"), max_length=60, unique=True)
    slug = models.SlugField(_("slug"), max_length=70, unique=True)

    class Meta:
        verbose_name = _("trefwoord")
        verbose_name_plural = _("trefwoorden")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Case(models.Model):
    # makers.search reads these: the weighted fields of the stored search vector and the
    # disciplines whose names a case is found by.
    search_fields = [
        ("title", "A"),
        ("question", "B"),
        ("approach", "C"),
        ("what_worked", "C"),
        ("what_did_not", "C"),
        ("tag_names", "B"),
    ]
    search_disciplines = ("disciplines", True)

    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    practice = models.CharField(
        _("soort voorbeeld"), max_length=10, choices=CasePractice.choices, default=CasePractice.GOOD
    )
    question = models.TextField(_("de cultuurvraag"), help_text=_("In algemene woorden, zonder namen."))
    approach = models.TextField(_("aanpak"))
    what_worked = models.TextField(_("wat werkte"), blank=True)
    what_did_not = models.TextField(_("wat niet werkte"), blank=True)
    costs_cents = models.PositiveIntegerField(_("kosten (cent)"), null=True, blank=True)
    makers = models.ManyToManyField(
        "makers.Maker", verbose_name=_("makers"), related_name="cases", blank=True
    )
    disciplines = models.ManyToManyField(
        "makers.Discipline", verbose_name=_("disciplines"), related_name="cases", blank=True
    )
    tags = models.ManyToManyField(CaseTag, verbose_name=_("trefwoorden"), related_name="cases", blank=True)
    # The tags' names, kept by the services, so that the search finds a case by its tags.
    tag_names = models.CharField(max_length=500, blank=True, editable=False)
    district = models.ForeignKey(
        "districts.District",
        verbose_name=_("wijk"),
        on_delete=models.SET_NULL,
        related_name="cases",
        null=True,
        blank=True,
    )
    culture_type = models.CharField(_("cultuurtype"), max_length=20, choices=CultureType.choices, blank=True)
    internal = models.BooleanField(
        _("alleen intern"), default=False, help_text=_("Alleen zichtbaar voor adviseurs en managers.")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=CaseStatus.choices, default=CaseStatus.DRAFT
    )
    source_request = models.ForeignKey(
        "requests.CultureRequest",
        verbose_name=_("uit vraag"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    source_activity = models.ForeignKey(
        "impact.Activity",
        verbose_name=_("uit activiteit"),
        on_delete=models.SET_NULL,
        related_name="cases",
        null=True,
        blank=True,
    )
    source_cocreation = models.ForeignKey(
        "makers.CoCreation",
        verbose_name=_("uit co-creatie"),
        on_delete=models.SET_NULL,
        related_name="cases",
        null=True,
        blank=True,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Filled on PostgreSQL only (makers.search); GIN-indexed by migration 0006.
    search_vector = SearchVectorField(null=True, editable=False)
    # The SQLite search's words and their Dutch stems, " "-framed (makers/search.py).
    search_text = models.TextField(default="", editable=False)

    class Meta:
        verbose_name = _("praktijkvoorbeeld")
        verbose_name_plural = _("praktijkvoorbeelden")
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["status", "internal", "-published_at"], name="case_status_published")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("impact:case", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == CaseStatus.PUBLISHED
