"""iCalendar feeds of venue bookings behind secret, rotatable URLs.

A feed is a CalendarFeed row (kind, owner id, random token). Each kind has a builder that turns
the owner id into a title and the bookings to show; makers registers venue, maker and advisor,
the schools app registers school (makers may not import schools). Who may see which feed address
is asked of registered offer functions (the "Agenda-abonnementen" page).
"""

import datetime
from collections.abc import Callable
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from cultuur.roles import Role, has_role
from makers.models import CalendarFeed, Maker, Venue, VenueBooking
from makers.models.calendars import new_feed_token

TZ = ZoneInfo("Europe/Amsterdam")
# A feed shows a month back and a year ahead: enough for a calendar app, bounded for the server.
PAST_DAYS, FUTURE_DAYS = 31, 366

# kind -> builder(object_id) -> (title, bookings) or None when the owner no longer exists.
FeedBuilder = Callable[[int], "tuple[str, QuerySet[VenueBooking]] | None"]
_builders: dict[str, FeedBuilder] = {}
# offer(user) -> [(label, kind, object_id)]: the feeds this user may subscribe to.
_offers: list[Callable] = []
# kind -> [extra(object_id, host, first_day, last_day) -> icalendar Events]: other apps' events in a
# feed (impact adds a maker's activities to the maker feed).
_extras: dict[str, list[Callable]] = {}


def register_feed_events(kind: str, extra: Callable) -> None:
    if extra not in _extras.setdefault(kind, []):
        _extras[kind].append(extra)


def register_feed(kind: str, builder: FeedBuilder) -> None:
    _builders[kind] = builder


def register_feed_offer(offer: Callable) -> None:
    if offer not in _offers:
        _offers.append(offer)


def feed_for(kind: str, object_id: int) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.get_or_create(kind=kind, object_id=object_id)
    return feed


def feed_url(feed: CalendarFeed) -> str:
    return settings.SITE_URL + reverse("makers:calendar_feed", kwargs={"token": feed.token})


def feeds_offered_to(user) -> list[dict]:
    """The user's feeds with their addresses: one read, and one insert for those never asked before."""
    offers = [offer for provider in _offers for offer in provider(user)]
    if not offers:
        return []
    wanted = Q()
    for _label, kind, object_id in offers:
        wanted |= Q(kind=kind, object_id=object_id)
    feeds = {(f.kind, f.object_id): f for f in CalendarFeed.objects.filter(wanted)}
    missing = {(kind, object_id) for _label, kind, object_id in offers} - set(feeds)
    if missing:
        CalendarFeed.objects.bulk_create(
            [CalendarFeed(kind=kind, object_id=object_id) for kind, object_id in missing],
            ignore_conflicts=True,
        )
        feeds = {(f.kind, f.object_id): f for f in CalendarFeed.objects.filter(wanted)}
    rows = []
    for label, kind, object_id in offers:
        feed = feeds[(kind, object_id)]
        rows.append({"label": label, "feed": feed, "url": feed_url(feed)})
    return rows


@transaction.atomic
def feed_rotate(*, token: str, by) -> CalendarFeed:
    """A new secret for one of `by`'s feeds: the old address answers 404 from now on."""
    offered = {(kind, object_id) for offer in _offers for _label, kind, object_id in offer(by)}
    feed = CalendarFeed.objects.select_for_update().filter(token=token).first()
    if feed is None or (feed.kind, feed.object_id) not in offered:
        raise CalendarFeed.DoesNotExist
    feed.token = new_feed_token()
    feed.rotated_at = timezone.now()
    feed.save(update_fields=["token", "rotated_at"])
    return feed


def window() -> tuple[datetime.date, datetime.date]:
    today = timezone.localdate()
    return today - datetime.timedelta(days=PAST_DAYS), today + datetime.timedelta(days=FUTURE_DAYS)


def _window(queryset: QuerySet[VenueBooking]) -> QuerySet[VenueBooking]:
    first_day, last_day = window()
    return (
        queryset.filter(date__gte=first_day, date__lte=last_day)
        .select_related("venue")
        .order_by("date", "start_time")
    )


def _status(booking: VenueBooking) -> str:
    if booking.status == VenueBooking.Status.CONFIRMED:
        return "CONFIRMED"
    if booking.status == VenueBooking.Status.REQUESTED:
        return "TENTATIVE"
    return "CANCELLED"


def render_feed(feed: CalendarFeed) -> bytes | None:
    builder = _builders.get(feed.kind)
    built = builder(feed.object_id) if builder else None
    if built is None:
        return None
    title, bookings = built
    calendar = Calendar()
    calendar.add("prodid", "-//cultuur//zaalboekingen//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", title)
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    host = settings.SITE_URL.split("//")[-1].split("/")[0] or "cultuur"
    for booking in _window(bookings):
        venue = booking.venue
        event = Event()
        event.add("uid", f"booking-{booking.token}@{host}")
        event.add("dtstamp", booking.decided_at or booking.created_at)
        event.add("dtstart", datetime.datetime.combine(booking.date, booking.start_time, tzinfo=TZ))
        event.add("dtend", datetime.datetime.combine(booking.date, booking.end_time, tzinfo=TZ))
        event.add("summary", f"{venue.name}: {booking.purpose}")
        event.add("location", f"{venue.name}, {venue.street}, {venue.postcode} {venue.city}")
        event.add("status", _status(booking))
        calendar.add_component(event)
    for extra in _extras.get(feed.kind, []):
        for event in extra(feed.object_id, host, *window()):
            calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


# --- makers' own feeds ---------------------------------------------------------------------------


def _venue_feed(object_id: int):
    venue = Venue.objects.filter(pk=object_id).first()
    if venue is None:
        return None
    return _("Boekingen %(venue)s") % {"venue": venue.name}, VenueBooking.objects.filter(venue=venue)


def _maker_feed(object_id: int):
    maker = Maker.objects.filter(pk=object_id).first()
    if maker is None:
        return None
    mine = Q(venue__maker=maker)
    if maker.user_id:
        mine |= Q(requested_by_id=maker.user_id)
    return _("Boekingen %(maker)s") % {"maker": maker.name}, VenueBooking.objects.filter(mine)


def _advisor_feed(object_id: int):
    from django.contrib.auth import get_user_model

    from districts.selectors import district_ids_of

    user = get_user_model().objects.filter(pk=object_id, is_active=True).first()
    if user is None or not has_role(user, Role.ADVISOR):
        return None
    scope = Q(venue__district_id__in=district_ids_of(user)) | Q(requested_by=user)
    return _("Zaalboekingen in mijn wijken"), VenueBooking.objects.filter(scope)


def _makers_offers(user) -> list:
    if not getattr(user, "is_authenticated", False):
        return []
    offers = []
    if has_role(user, Role.ADVISOR):
        offers.append((_("Zaalboekingen in mijn wijken en van mij"), "advisor", user.pk))
    if has_role(user, Role.MAKER):
        for maker in Maker.objects.filter(user=user).order_by("name"):
            offers.append((_("Boekingen van %(maker)s") % {"maker": maker.name}, "maker", maker.pk))
        for venue in Venue.objects.filter(maker__user=user).order_by("name"):
            offers.append((_("Boekingen van locatie %(venue)s") % {"venue": venue.name}, "venue", venue.pk))
    return offers


register_feed("venue", _venue_feed)
register_feed("maker", _maker_feed)
register_feed("advisor", _advisor_feed)
register_feed_offer(_makers_offers)
