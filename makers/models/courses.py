"""Courses."""

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from makers.models.makers import Maker
from makers.models.taxonomy import Discipline, PublicationStatus
from makers.models.venues import Venue


class Course(models.Model):
    class Level(models.TextChoices):
        ALL = "all", _("Alle niveaus")
        BEGINNER = "beginner", _("Beginner")
        INTERMEDIATE = "intermediate", _("Gevorderd")
        ADVANCED = "advanced", _("Vergevorderd")

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("maandag")
        TUESDAY = 1, _("dinsdag")
        WEDNESDAY = 2, _("woensdag")
        THURSDAY = 3, _("donderdag")
        FRIDAY = 4, _("vrijdag")
        SATURDAY = 5, _("zaterdag")
        SUNDAY = 6, _("zondag")

    Status = PublicationStatus

    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=210, unique=True)
    description = models.TextField(_("beschrijving"))
    maker = models.ForeignKey(
        Maker,
        verbose_name=_("cultuurmaker"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="courses",
        help_text=_("Leeg: het cultuurcentrum geeft de cursus zelf."),
    )
    discipline = models.ForeignKey(
        Discipline, verbose_name=_("discipline"), on_delete=models.PROTECT, related_name="courses"
    )
    age_min = models.PositiveSmallIntegerField(_("leeftijd vanaf"), default=0)
    age_max = models.PositiveSmallIntegerField(_("leeftijd tot en met"), default=99)
    level = models.CharField(_("niveau"), max_length=20, choices=Level.choices, default=Level.ALL)
    first_date = models.DateField(_("eerste les"), null=True, blank=True)
    last_date = models.DateField(_("laatste les"), null=True, blank=True)
    weekday = models.PositiveSmallIntegerField(_("dag"), choices=Weekday.choices, null=True, blank=True)
    start_time = models.TimeField(_("begintijd"), null=True, blank=True)
    end_time = models.TimeField(_("eindtijd"), null=True, blank=True)
    sessions = models.PositiveSmallIntegerField(_("aantal lessen"), default=1)
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("locatie"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="courses",
    )
    price_cents = models.PositiveIntegerField(_("prijs (cent)"), default=0)
    reduced_price_cents = models.PositiveIntegerField(
        _("prijs met stadspas (cent)"),
        null=True,
        blank=True,
        help_text=_("Voor wie een minimaregeling of stadspas heeft."),
    )
    capacity = models.PositiveIntegerField(_("aantal plaatsen"), default=12)
    places_left = models.PositiveIntegerField(_("plaatsen vrij"), default=12)
    how_to_register = models.TextField(_("zo meld je je aan"), blank=True)
    registration_url = models.URLField(_("link om aan te melden"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=PublicationStatus.choices, default=PublicationStatus.DRAFT
    )
    review_comment = models.TextField(_("opmerking bij beoordeling"), blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    search_vector = SearchVectorField(null=True, editable=False)
    # The SQLite search's words and their Dutch stems, " "-framed (makers/search.py).
    search_text = models.TextField(default="", editable=False)

    class Meta:
        verbose_name = _("cursus")
        verbose_name_plural = _("cursussen")
        ordering = ["title"]
        indexes = [models.Index(fields=["status", "title"], name="course_status_title")]
        constraints = [
            models.CheckConstraint(condition=Q(age_min__lte=F("age_max")), name="course_age_range_ordered"),
            models.CheckConstraint(
                condition=Q(places_left__lte=F("capacity")), name="course_places_within_capacity"
            ),
            models.CheckConstraint(
                condition=Q(reduced_price_cents__isnull=True) | Q(reduced_price_cents__lte=F("price_cents")),
                name="course_reduced_price_not_higher",
            ),
            models.CheckConstraint(
                condition=Q(first_date__isnull=True)
                | Q(last_date__isnull=True)
                | Q(last_date__gte=F("first_date")),
                name="course_dates_ordered",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("makers:course_detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == PublicationStatus.PUBLISHED

    def clean(self):
        errors = {}
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            errors["age_max"] = _("De leeftijd tot en met moet gelijk aan of hoger zijn.")
        if self.places_left is not None and self.capacity is not None and self.places_left > self.capacity:
            errors["places_left"] = _("Er kunnen niet meer plaatsen vrij zijn dan er zijn.")
        if (
            self.reduced_price_cents is not None
            and self.price_cents is not None
            and self.reduced_price_cents > self.price_cents
        ):
            errors["reduced_price_cents"] = _(
                "De prijs met stadspas mag niet hoger zijn dan de gewone prijs."
            )
        if self.first_date and self.last_date and self.last_date < self.first_date:
            errors["last_date"] = _("De laatste les kan niet voor de eerste les liggen.")
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("De eindtijd moet na de begintijd liggen.")
        if errors:
            raise ValidationError(errors)
