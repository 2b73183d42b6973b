"""Venues and maker spaces, and their bookings."""

import uuid

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from districts.models import District
from makers.models.makers import Maker


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
    # The SQLite search's words and their Dutch stems, " "-framed (makers/search.py).
    search_text = models.TextField(default="", editable=False)

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
    """A request to use a venue, alone or as one occurrence of a BookingSeries.

    A requested booking is a hold: it occupies its slot until it is confirmed, declined, cancelled
    or its `hold_expires_at` passes (null: held until someone decides). Requested and confirmed
    bookings of one venue never overlap: on PostgreSQL the exclusion constraint of migration 0007
    covers exactly the OCCUPYING statuses, and the expiry sweep (makers/slots.py) moves a lapsed hold
    to "expired", out of the constraint; the services check the same in a transaction that locks
    the venue row, and expire a lapsed hold in the way first, so nobody waits for the sweep."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Aangevraagd")
        CONFIRMED = "confirmed", _("Bevestigd")
        DECLINED = "declined", _("Afgewezen")
        CANCELLED = "cancelled", _("Geannuleerd")
        EXPIRED = "expired", _("Verlopen")

    # The statuses that take the slot (the exclusion constraint's WHERE says the same).
    OCCUPYING = (Status.REQUESTED, Status.CONFIRMED)

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
    hold_expires_at = models.DateTimeField(_("optie vervalt op"), null=True, blank=True)
    series = models.ForeignKey(
        "makers.BookingSeries",
        verbose_name=_("reeks"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="occurrences",
    )
    created_at = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("boeking")
        verbose_name_plural = _("boekingen")
        ordering = ["date", "start_time"]
        indexes = [
            models.Index(fields=["venue", "date", "status"], name="booking_venue_date_status"),
            models.Index(
                fields=["hold_expires_at"], name="booking_live_holds", condition=Q(status="requested")
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=F("start_time")), name="booking_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.venue} {self.date} {self.start_time:%H:%M}-{self.end_time:%H:%M}"

    @property
    def is_occupying(self) -> bool:
        return self.status in self.OCCUPYING

    def clean(self):
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("De eindtijd moet na de begintijd liggen.")})
