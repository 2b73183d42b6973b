"""Demo series, holds and a waiting list on the demo venues (called from makers/demo.py)."""

import datetime

from django.utils import timezone

from makers import booking, services, waitlist
from makers.models import BookingSeries, VenueBooking, WaitingListEntry


def seed_series_and_holds(ctx, venues) -> None:
    if BookingSeries.objects.exists():
        return
    published = [v for v in venues if v.is_published][:3]
    if not published:
        return
    maker = ctx.get_user("maker@cultuur.test")
    staff = ctx.get_user("beheer@cultuur.test")
    today = timezone.localdate()
    plans = [
        (published[0], 1, datetime.time(16), datetime.time(17, 30), 1, "Theaterles groep 6-8", maker),
        (published[-1], 3, datetime.time(16), datetime.time(18), 2, "Buurtorkest oefenavond", staff),
    ]
    for venue, weekday, start, end, interval, purpose, by in plans:
        series = BookingSeries(
            venue=venue,
            weekday=weekday,
            start_time=start,
            end_time=end,
            interval_weeks=interval,
            first_date=today + datetime.timedelta(days=1),
            count=8,
            purpose=purpose,
            contact_name=by.get_full_name() or by.email,
            contact_email=by.email,
        )
        try:
            booking.series_book(series=series, by=by)
        except services.DirectoryError:
            continue
    # A few holds: requested bookings keep their slot for MAKERS_BOOKING_HOLD_HOURS from now.
    VenueBooking.objects.filter(status=VenueBooking.Status.REQUESTED, hold_expires_at__isnull=True).update(
        hold_expires_at=timezone.now() + datetime.timedelta(hours=36)
    )
    taken = VenueBooking.objects.filter(status=VenueBooking.Status.CONFIRMED, date__gt=today).first()
    if taken and not WaitingListEntry.objects.exists():
        for name in ("Sanne Wachter", "Yusuf Later"):
            entry = WaitingListEntry(
                venue=taken.venue,
                date=taken.date,
                start_time=taken.start_time,
                end_time=taken.end_time,
                purpose="Repetitie",
                contact_name=name,
                contact_email=f"{name.split()[0].lower()}@example.org",
            )
            try:
                waitlist.waitlist_join(entry=entry)
            except services.DirectoryError:
                break
