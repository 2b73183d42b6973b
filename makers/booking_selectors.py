"""Reads of series, venue calendars and feeds, scoped by the viewer."""

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from cultuur.roles import Role, has_role
from makers.models import BookingSeries, Venue, VenueBooking, WaitingListEntry
from makers.selectors import can_read_everything, is_directory_editor


def can_see_booking_details(user, venue: Venue) -> bool:
    """Staff and the venue's own maker see who booked and why; everyone else sees taken times."""
    if is_directory_editor(user) or can_read_everything(user):
        return True
    return bool(
        getattr(user, "is_authenticated", False) and venue.maker_id and venue.maker.user_id == user.pk
    )


def upcoming_bookings(venue: Venue) -> QuerySet[VenueBooking]:
    """The venue calendar: bookings that take a slot from today on, with their series."""
    return (
        VenueBooking.objects.filter(
            venue=venue, status__in=VenueBooking.OCCUPYING, date__gte=timezone.localdate()
        )
        .select_related("series")
        .order_by("date", "start_time", "pk")
    )


def series_visible_to(user) -> QuerySet[BookingSeries]:
    """Staff roles: every series. Others: the series they booked, and those of venues they offer."""
    queryset = BookingSeries.objects.select_related("venue").annotate(
        occurrence_count=Count("occurrences"),
        live_count=Count("occurrences", filter=Q(occurrences__status__in=VenueBooking.OCCUPYING)),
    )
    if can_read_everything(user):
        return queryset
    if not getattr(user, "is_authenticated", False):
        return queryset.none()
    scope = Q(requested_by=user)
    if has_role(user, Role.MAKER):
        scope |= Q(venue__maker__user=user)
    return queryset.filter(scope)


def series_occurrences(series: BookingSeries) -> QuerySet[VenueBooking]:
    return series.occurrences.order_by("date", "start_time")


def waiting_list_for_email(email: str) -> list[dict]:
    """Waiting-list places under this e-mail address, for an access request (AVG art. 15)."""
    entries = WaitingListEntry.objects.filter(contact_email__iexact=email.strip()).select_related("venue")
    return [
        {
            "venue": entry.venue.name,
            "date": entry.date.isoformat(),
            "start_time": entry.start_time.isoformat(),
            "end_time": entry.end_time.isoformat(),
            "purpose": entry.purpose,
            "contact_name": entry.contact_name,
            "contact_email": entry.contact_email,
            "status": entry.status,
        }
        for entry in entries.order_by("date", "start_time")
    ]
