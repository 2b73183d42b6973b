"""Makers, courses, venues and co-creations: the public culture directory.

Other apps point at these models (requests matches to them, schools books budget lines on them),
so the model names are part of the contract. makers never imports requests or schools.
"""

import uuid

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from districts.models import District


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Concept")
    PENDING_REVIEW = "pending_review", _("Wacht op beoordeling")
    PUBLISHED = "published", _("Gepubliceerd")
    ARCHIVED = "archived", _("Gearchiveerd")


class Discipline(models.Model):
    """One shared taxonomy of art forms, created as rows by a data migration."""

    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("discipline")
        verbose_name_plural = _("disciplines")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class TargetGroup(models.Model):
    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class Language(models.Model):
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
        return self.name


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


class Venue(models.Model):
    """A room, hall, stage, studio or maker space that can be booked by the hour."""

    class Kind(models.TextChoices):
        CLASSROOM = "classroom", _("Leslokaal")
        HALL = "hall", _("Zaal")
        STAGE = "stage", _("Podium")
        STUDIO = "studio", _("Studio")
        MAKER_SPACE = "maker_space", _("Maakplek")

    name = models.CharField(_("naam"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("beschrijving"), blank=True)
    street = models.CharField(_("straat en huisnummer"), max_length=150)
    postcode = models.CharField(_("postcode"), max_length=7)
    city = models.CharField(_("plaats"), max_length=100)
    district = models.ForeignKey(
        District, verbose_name=_("wijk"), on_delete=models.PROTECT, related_name="venues"
    )
    maker = models.ForeignKey(
        Maker,
        verbose_name=_("aangeboden door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="venues",
        help_text=_("Leeg: de locatie is van het cultuurcentrum zelf."),
    )
    capacity = models.PositiveIntegerField(_("capaciteit (personen)"))
    has_sound = models.BooleanField(_("geluid"), default=False)
    has_light = models.BooleanField(_("licht"), default=False)
    has_instruments = models.BooleanField(_("instrumenten"), default=False)
    has_tools = models.BooleanField(_("gereedschap"), default=False)
    step_free = models.BooleanField(_("drempelvrij"), default=False)
    hourly_rate_cents = models.PositiveIntegerField(_("huur per uur (cent)"), default=0)
    is_published = models.BooleanField(_("gepubliceerd"), default=False)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("makers:venue_detail", kwargs={"slug": self.slug})

    @property
    def facilities(self) -> list[str]:
        names = [
            (self.has_sound, _("geluid")),
            (self.has_light, _("licht")),
            (self.has_instruments, _("instrumenten")),
            (self.has_tools, _("gereedschap")),
            (self.step_free, _("drempelvrij")),
        ]
        return [str(label) for present, label in names if present]


class VenueBooking(models.Model):
    """A request to use a venue. Two confirmed bookings of one venue never overlap: on PostgreSQL
    an exclusion constraint (migration 0003) guards it, everywhere the confirm service checks it."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Aangevraagd")
        CONFIRMED = "confirmed", _("Bevestigd")
        DECLINED = "declined", _("Afgewezen")
        CANCELLED = "cancelled", _("Geannuleerd")

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    venue = models.ForeignKey(
        Venue, verbose_name=_("locatie"), on_delete=models.CASCADE, related_name="bookings"
    )
    date = models.DateField(_("datum"))
    start_time = models.TimeField(_("begintijd"))
    end_time = models.TimeField(_("eindtijd"))
    purpose = models.CharField(_("waarvoor"), max_length=300)
    contact_name = models.CharField(_("naam contactpersoon"), max_length=150)
    contact_email = models.EmailField(_("e-mailadres"))
    contact_phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="venue_bookings",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.REQUESTED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)
    decline_reason = models.TextField(_("reden van afwijzing"), blank=True)
    created_at = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("boeking")
        verbose_name_plural = _("boekingen")
        ordering = ["date", "start_time"]
        indexes = [models.Index(fields=["venue", "date", "status"], name="booking_venue_date_status")]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=F("start_time")), name="booking_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.venue} {self.date} {self.start_time:%H:%M}-{self.end_time:%H:%M}"

    def clean(self):
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("De eindtijd moet na de begintijd liggen.")})


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
