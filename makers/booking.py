"""Recurring series (all or nothing), cancelling, and the sweep that ends lapsed holds.

Same rules as makers/services.py: `<noun>_<verb>(*, ..., by)`, one transaction, Dutch errors.
"""

import logging

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from makers import slots
from makers.booking_events import bookings_made
from makers.models import BookingSeries, VenueBooking
from makers.selectors import is_directory_editor
from makers.services import BookingConflict, DirectoryError

log = logging.getLogger("makers")


class SeriesConflict(BookingConflict):
    """A series that clashes somewhere books nothing; `dates` lists every clashing date."""

    def __init__(self, dates):
        self.dates = sorted(set(dates))
        listed = ", ".join(formats.date_format(day, "D j F Y") for day in self.dates)
        super().__init__(
            _("Er is niets geboekt: de locatie is al bezet op %(count)s datum(s): %(dates)s.")
            % {"count": len(self.dates), "dates": listed}
        )


def _clash_dates(series: BookingSeries, dates) -> list:
    return list(
        slots.occupying(
            venue_id=series.venue_id, dates=dates, start_time=series.start_time, end_time=series.end_time
        )
        .values_list("date", flat=True)
        .distinct()
    )


def series_book(*, series: BookingSeries, by) -> BookingSeries:
    """Book every date of the series or none. Staff book confirmed; anyone else books holds that
    staff confirm (or that expire like any request)."""
    if not getattr(by, "is_authenticated", False):
        raise PermissionDenied(_("Log in om een reeks te boeken."))
    if not series.venue.is_published:
        raise DirectoryError(_("Deze locatie is niet te boeken."))
    series.requested_by = by
    series.full_clean()
    dates = series.dates()
    if dates[0] < timezone.localdate():
        raise DirectoryError(_("Kies een begindatum vandaag of later."))
    confirmed = is_directory_editor(by)
    now = timezone.now()
    try:
        with transaction.atomic():
            slots.lock_venue(series.venue_id)
            slots.expire_lapsed_holds(venue_id=series.venue_id, dates=dates, now=now)
            clashes = _clash_dates(series, dates)
            if clashes:
                raise SeriesConflict(clashes)
            series.save()
            occurrences = VenueBooking.objects.bulk_create(
                VenueBooking(
                    venue_id=series.venue_id,
                    series=series,
                    date=day,
                    start_time=series.start_time,
                    end_time=series.end_time,
                    purpose=series.purpose,
                    contact_name=series.contact_name,
                    contact_email=series.contact_email,
                    contact_phone=series.contact_phone,
                    requested_by=by,
                    status=VenueBooking.Status.CONFIRMED if confirmed else VenueBooking.Status.REQUESTED,
                    hold_expires_at=None if confirmed else slots.hold_deadline(now),
                    decided_by=by if confirmed else None,
                    decided_at=now if confirmed else None,
                )
                for day in dates
            )
            bookings_made.send(sender=VenueBooking, bookings=occurrences, by=by)
    except IntegrityError as error:
        if slots.is_overlap_violation(error):
            series.pk = None
            raise BookingConflict(
                _("Er is niets geboekt: de locatie werd net op een van deze data bezet. Probeer het opnieuw.")
            ) from error
        raise
    log.info("makers.series.booked id=%s dates=%s by=%s", series.pk, len(dates), by.pk)
    return series


@transaction.atomic
def venue_booking_cancel(*, booking: VenueBooking, by=None) -> VenueBooking:
    """Cancel one booking (alone or one date of a series); its slot goes to the waiting list."""
    booking = VenueBooking.objects.select_for_update().get(pk=booking.pk)
    if not booking.is_occupying:
        raise DirectoryError(_("Deze boeking is al afgewezen, verlopen of geannuleerd."))
    if booking.date < timezone.localdate():
        raise DirectoryError(_("Een boeking in het verleden kan niet meer worden geannuleerd."))
    booking.status = VenueBooking.Status.CANCELLED
    booking.save(update_fields=["status"])
    log.info("makers.booking.cancelled id=%s by=%s", booking.pk, getattr(by, "pk", None))
    slots.slot_freed(booking)
    return booking


@transaction.atomic
def series_cancel(*, series: BookingSeries, by=None) -> int:
    """Cancel every date of the series still to come; returns how many were cancelled."""
    series = BookingSeries.objects.select_for_update().get(pk=series.pk)
    upcoming = list(
        series.occurrences.select_for_update().filter(
            status__in=VenueBooking.OCCUPYING, date__gte=timezone.localdate()
        )
    )
    if series.cancelled_at is not None and not upcoming:
        raise DirectoryError(_("Deze reeks is al geannuleerd."))
    VenueBooking.objects.filter(pk__in=[b.pk for b in upcoming]).update(status=VenueBooking.Status.CANCELLED)
    series.cancelled_at = timezone.now()
    series.save(update_fields=["cancelled_at"])
    for booking in upcoming:
        slots.slot_freed(booking)
    log.info(
        "makers.series.cancelled id=%s dates=%s by=%s", series.pk, len(upcoming), getattr(by, "pk", None)
    )
    return len(upcoming)


def series_confirm(*, series: BookingSeries, by) -> int:
    """Staff confirm every held date of a series at once (the holds already keep the slots)."""
    if not is_directory_editor(by):
        raise PermissionDenied(_("Alleen medewerkers van het cultuurcentrum kunnen dit doen."))
    with transaction.atomic():
        updated = series.occurrences.filter(status=VenueBooking.Status.REQUESTED).update(
            status=VenueBooking.Status.CONFIRMED, decided_by=by, decided_at=timezone.now()
        )
    log.info("makers.series.confirmed id=%s dates=%s by=%s", series.pk, updated, by.pk)
    return updated


def holds_expire_due(*, now=None, limit: int = 500) -> int:
    """The beat sweep: every hold past its time becomes "expired" and frees its slot. Each row is
    claimed with a conditional update, so a rerun or a second worker expires nothing twice."""
    now = now or timezone.now()
    due = VenueBooking.objects.filter(status=VenueBooking.Status.REQUESTED, hold_expires_at__lt=now).order_by(
        "hold_expires_at"
    )[:limit]
    expired = 0
    for booking in due:
        with transaction.atomic():
            if slots.expire_hold(booking.pk, now):
                expired += 1
                log.info("makers.booking.hold_expired id=%s by=None", booking.pk)
                slots.slot_freed(booking)
    return expired
