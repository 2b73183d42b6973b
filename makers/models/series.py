"""Recurring bookings of a venue (booked all or nothing) and the waiting list for a taken slot."""

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from makers.models.venues import Venue

# A series never books more than this many dates: a school year of weekly sessions fits.
MAX_OCCURRENCES = 60


class BookingSeries(models.Model):
    """Every `interval_weeks` weeks on `weekday`, from `first_date` until `last_date` or `count` times.
    Its occurrences are VenueBooking rows (booking.series); the series itself occupies nothing."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("maandag")
        TUESDAY = 1, _("dinsdag")
        WEDNESDAY = 2, _("woensdag")
        THURSDAY = 3, _("donderdag")
        FRIDAY = 4, _("vrijdag")
        SATURDAY = 5, _("zaterdag")
        SUNDAY = 6, _("zondag")

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    venue = models.ForeignKey(
        Venue, verbose_name=_("locatie"), on_delete=models.CASCADE, related_name="booking_series"
    )
    weekday = models.PositiveSmallIntegerField(_("dag van de week"), choices=Weekday.choices)
    start_time = models.TimeField(_("begintijd"))
    end_time = models.TimeField(_("eindtijd"))
    interval_weeks = models.PositiveSmallIntegerField(
        _("om de hoeveel weken"), default=1, validators=[MinValueValidator(1), MaxValueValidator(8)]
    )
    first_date = models.DateField(_("vanaf"))
    last_date = models.DateField(_("tot en met"), null=True, blank=True)
    count = models.PositiveSmallIntegerField(
        _("aantal keer"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_OCCURRENCES)],
    )
    purpose = models.CharField(_("waarvoor"), max_length=300)
    contact_name = models.CharField(_("naam contactpersoon"), max_length=150)
    contact_email = models.EmailField(_("e-mailadres"))
    contact_phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="venue_booking_series",
    )
    cancelled_at = models.DateTimeField(_("geannuleerd op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("boekingsreeks")
        verbose_name_plural = _("boekingsreeksen")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(end_time__gt=F("start_time")), name="series_ends_after_start"),
            models.CheckConstraint(
                condition=Q(last_date__isnull=False) | Q(count__isnull=False), name="series_has_an_end"
            ),
        ]

    def __str__(self):
        return f"{self.venue} {self.get_weekday_display()} {self.start_time:%H:%M}-{self.end_time:%H:%M}"

    def clean(self):
        errors = {}
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("De eindtijd moet na de begintijd liggen.")
        if self.last_date is None and self.count is None:
            errors["count"] = _("Vul een einddatum of een aantal keer in.")
        if self.last_date and self.first_date and self.last_date < self.first_date:
            errors["last_date"] = _("De einddatum ligt voor de begindatum.")
        if not errors and self.first_date and len(self.dates()) > MAX_OCCURRENCES:
            errors["last_date"] = _("Een reeks heeft hoogstens %(max)s data.") % {"max": MAX_OCCURRENCES}
        if not errors and self.first_date and not self.dates():
            errors["last_date"] = _("In deze periode valt geen enkele datum op die dag.")
        if errors:
            raise ValidationError(errors)

    def dates(self) -> list[datetime.date]:
        """The occurrence dates: the first `weekday` on or after `first_date`, then every interval."""
        first = self.first_date + datetime.timedelta(days=(self.weekday - self.first_date.weekday()) % 7)
        step = datetime.timedelta(weeks=self.interval_weeks or 1)
        dates, day = [], first
        while len(dates) <= MAX_OCCURRENCES:
            if self.last_date and day > self.last_date:
                break
            if self.count and len(dates) >= self.count:
                break
            dates.append(day)
            day += step
        return dates


class WaitingListEntry(models.Model):
    """Someone who wants a taken slot. When it frees, the first in line is offered it by e-mail
    with a signed link valid for MAKERS_WAITLIST_OFFER_HOURS; unclaimed, the offer passes on."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Wacht")
        OFFERED = "offered", _("Aangeboden")
        CLAIMED = "claimed", _("Geboekt")
        LAPSED = "lapsed", _("Niet op tijd geboekt")
        WITHDRAWN = "withdrawn", _("Afgemeld")

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    venue = models.ForeignKey(
        Venue, verbose_name=_("locatie"), on_delete=models.CASCADE, related_name="waiting_list"
    )
    date = models.DateField(_("datum"))
    start_time = models.TimeField(_("begintijd"))
    end_time = models.TimeField(_("eindtijd"))
    purpose = models.CharField(_("waarvoor"), max_length=300)
    contact_name = models.CharField(_("naam"), max_length=150)
    contact_email = models.EmailField(_("e-mailadres"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.WAITING)
    offered_at = models.DateTimeField(_("aangeboden op"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("aanbod geldig tot"), null=True, blank=True)
    booking = models.ForeignKey(
        "makers.VenueBooking", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("aangemeld op"), auto_now_add=True)

    class Meta:
        verbose_name = _("wachtlijstplaats")
        verbose_name_plural = _("wachtlijst")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["venue", "date", "status"], name="waitlist_venue_date_status")]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=F("start_time")), name="waitlist_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.contact_name}: {self.venue} {self.date} {self.start_time:%H:%M}"
