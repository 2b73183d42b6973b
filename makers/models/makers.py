"""Makers and their co-creations."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from districts.models import District
from makers.models.taxonomy import Discipline, Language, PublicationStatus, TargetGroup


class Maker(models.Model):
    class Kind(models.TextChoices):
        FREELANCER = "freelancer", _("Zelfstandige (zzp'er)")
        ORGANISATION = "organisation", _("Organisatie")
        AMATEUR_ASSOCIATION = "amateur_association", _("Amateurvereniging")
        INSTITUTION = "institution", _("Instelling")

    class ContactPreference(models.TextChoices):
        EMAIL = "email", _("Per e-mail")
        PHONE = "phone", _("Per telefoon")
        WEBSITE = "website", _("Via de website")
        VIA_CENTRE = "via_centre", _("Via het cultuurcentrum")

    Status = PublicationStatus

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eigenaar"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="maker_profiles",
    )
    name = models.CharField(_("naam"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    kind = models.CharField(_("soort"), max_length=30, choices=Kind.choices, default=Kind.FREELANCER)
    disciplines = models.ManyToManyField(Discipline, verbose_name=_("disciplines"), related_name="makers")
    short_description = models.CharField(_("korte beschrijving"), max_length=300)
    description = models.TextField(_("beschrijving"), blank=True)
    photo = models.ImageField(_("foto"), upload_to="makers/photos/%Y/", blank=True)
    photo_alt = models.CharField(_("beschrijving van de foto"), max_length=200, blank=True)
    districts = models.ManyToManyField(District, verbose_name=_("wijken"), related_name="makers", blank=True)
    whole_municipality = models.BooleanField(_("actief in de hele gemeente"), default=False)
    target_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("doelgroepen"), related_name="makers", blank=True
    )
    age_min = models.PositiveSmallIntegerField(_("leeftijd vanaf"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("leeftijd tot en met"), null=True, blank=True)
    languages = models.ManyToManyField(Language, verbose_name=_("talen"), related_name="makers", blank=True)
    works_in_education = models.BooleanField(_("werkt in het onderwijs (CMK)"), default=False)
    education_experience = models.TextField(_("ervaring in het onderwijs"), blank=True)
    rate_per_hour_cents = models.PositiveIntegerField(_("tarief per uur (cent)"), null=True, blank=True)
    rate_per_day_part_cents = models.PositiveIntegerField(
        _("tarief per dagdeel (cent)"), null=True, blank=True
    )
    website = models.URLField(_("website"), blank=True)
    contact_preference = models.CharField(
        _("contactvoorkeur"),
        max_length=20,
        choices=ContactPreference.choices,
        default=ContactPreference.VIA_CENTRE,
    )
    contact_email = models.EmailField(_("e-mailadres voor contact"), blank=True)
    contact_phone = models.CharField(_("telefoonnummer voor contact"), max_length=30, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=PublicationStatus.choices, default=PublicationStatus.DRAFT
    )
    review_comment = models.TextField(_("opmerking bij beoordeling"), blank=True)
    submitted_at = models.DateTimeField(_("ingediend op"), null=True, blank=True)
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    # Filled on PostgreSQL only (makers.search); GIN-indexed by migration 0003.
    search_vector = SearchVectorField(null=True, editable=False)
    # The SQLite search's words and their Dutch stems, " "-framed (makers/search.py).
    search_text = models.TextField(default="", editable=False)

    class Meta:
        verbose_name = _("cultuurmaker")
        verbose_name_plural = _("cultuurmakers")
        ordering = ["name"]
        indexes = [models.Index(fields=["status", "name"], name="maker_status_name")]
        constraints = [
            models.CheckConstraint(
                condition=Q(age_min__isnull=True) | Q(age_max__isnull=True) | Q(age_min__lte=F("age_max")),
                name="maker_age_range_ordered",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("makers:maker_detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == PublicationStatus.PUBLISHED

    def clean(self):
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            raise ValidationError({"age_max": _("De leeftijd tot en met moet gelijk aan of hoger zijn.")})


class CoCreation(models.Model):
    """Custom work made by at least two schools and two makers; its material is reusable by every
    school. The makers rule is enforced in makers.services; the schools app links schools
    (schools.CoCreationSchool) and enforces its half through `cocreation_activate(..., school_count=)`."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("In voorbereiding")
        ACTIVE = "active", _("Loopt")
        COMPLETED = "completed", _("Afgerond")
        ARCHIVED = "archived", _("Gearchiveerd")

    MIN_MAKERS = 2
    MIN_SCHOOLS = 2
    PUBLIC_STATUSES = (Status.ACTIVE, Status.COMPLETED)

    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=210, unique=True)
    description = models.TextField(_("beschrijving"))
    reusable_material = models.TextField(
        _("herbruikbaar materiaal"), blank=True, help_text=_("Wat andere scholen kunnen hergebruiken.")
    )
    material_url = models.URLField(_("link naar het materiaal"), blank=True)
    makers = models.ManyToManyField(
        Maker, verbose_name=_("cultuurmakers"), related_name="cocreations", blank=True
    )
    disciplines = models.ManyToManyField(
        Discipline, verbose_name=_("disciplines"), related_name="cocreations", blank=True
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    started_on = models.DateField(_("gestart op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    search_vector = SearchVectorField(null=True, editable=False)
    # The SQLite search's words and their Dutch stems, " "-framed (makers/search.py).
    search_text = models.TextField(default="", editable=False)

    class Meta:
        verbose_name = _("co-creatie")
        verbose_name_plural = _("co-creaties")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("makers:cocreation_detail", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return self.status in self.PUBLIC_STATUSES
