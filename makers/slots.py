"""What occupies a venue slot, shared by every booking write (services, series, waiting list).

A slot is occupied by a booking in VenueBooking.OCCUPYING: confirmed, or requested (a hold).
Writes that take a slot lock the venue row first, so concurrent bookings of one venue queue and
each sees the others' committed rows; on PostgreSQL the exclusion constraint is the last word.
"""

import datetime
import logging

from django.conf import settings
from django.db import IntegrityError
from django.db.models import QuerySet
from django.utils import timezone

from cultuur.queue import enqueue_on_commit
from makers.models import Venue, VenueBooking

log = logging.getLogger("makers")

CONSTRAINT_NAME = "makers_booking_no_overlap"


def hold_deadline(now: datetime.datetime | None = None) -> datetime.datetime:
    return (now or timezone.now()) + datetime.timedelta(hours=settings.MAKERS_BOOKING_HOLD_HOURS)


def lock_venue(venue_id: int) -> Venue:
    return Venue.objects.select_for_update().get(pk=venue_id)


def occupying(
    *, venue_id: int, dates, start_time: datetime.time, end_time: datetime.time, exclude_pk=None
) -> QuerySet[VenueBooking]:
    """Bookings that take any part of start-end on any of `dates` (half-open: back to back is fine)."""
    queryset = VenueBooking.objects.filter(
        venue_id=venue_id,
        date__in=list(dates),
        status__in=VenueBooking.OCCUPYING,
        start_time__lt=end_time,
        end_time__gt=start_time,
    )
    return queryset.exclude(pk=exclude_pk) if exclude_pk else queryset


def is_overlap_violation(error: IntegrityError) -> bool:
    return CONSTRAINT_NAME in str(error)


def slot_freed(booking: VenueBooking) -> None:
    """After commit, offer the freed slot to the first on its waiting list (makers/waitlist.py)."""
    enqueue_on_commit(
        "makers.tasks.offer_freed_slot",
        venue_id=booking.venue_id,
        date=booking.date.isoformat(),
        start_time=booking.start_time.isoformat(),
        end_time=booking.end_time.isoformat(),
    )


def expire_hold(pk: int, now: datetime.datetime) -> bool:
    """Claim one lapsed hold with a conditional update; a second sweep or worker changes nothing."""
    updated = VenueBooking.objects.filter(
        pk=pk, status=VenueBooking.Status.REQUESTED, hold_expires_at__lt=now
    ).update(status=VenueBooking.Status.EXPIRED)
    return updated == 1


def expire_lapsed_holds(*, venue_id: int, dates, now: datetime.datetime | None = None) -> int:
    """Inside a write that locked the venue: holds on these dates whose time is up give way now,
    instead of blocking until the next sweep."""
    now = now or timezone.now()
    lapsed = VenueBooking.objects.filter(
        venue_id=venue_id,
        date__in=list(dates),
        status=VenueBooking.Status.REQUESTED,
        hold_expires_at__lt=now,
    )
    expired = 0
    for booking in lapsed:
        if expire_hold(booking.pk, now):
            expired += 1
            log.info("makers.booking.hold_expired id=%s by=None", booking.pk)
            slot_freed(booking)
    return expired
