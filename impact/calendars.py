"""A maker's activities in their calendar feed (makers.calendars), as all-day events."""

import datetime

from django.db.models import Q
from icalendar import Event

from impact.models import Activity, ActivityStatus


def maker_activity_events(maker_id: int, host: str, first_day: datetime.date, last_day: datetime.date):
    activities = Activity.objects.filter(makers__id=maker_id, starts_on__lte=last_day).filter(
        Q(ends_on__gte=first_day) | Q(ends_on__isnull=True, starts_on__gte=first_day)
    )
    for activity in activities.order_by("starts_on", "pk").distinct():
        event = Event()
        event.add("uid", f"activity-{activity.slug}@{host}")
        event.add("dtstamp", activity.updated_at)
        event.add("dtstart", activity.starts_on)
        event.add("dtend", (activity.ends_on or activity.starts_on) + datetime.timedelta(days=1))
        event.add("summary", activity.title)
        if activity.status == ActivityStatus.CANCELLED:
            event.add("status", "CANCELLED")
        yield event


def register() -> None:
    from makers.calendars import register_feed_events

    register_feed_events("maker", maker_activity_events)
