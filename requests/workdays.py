"""Dutch working days: weekdays that are not a national public holiday.

The holidays come from the `holidays` package (NL), except Good Friday: the package lists it,
but it is no day off in the Netherlands (the collective agreements of municipalities and most
employers work through it; only Easter Monday is off), so it counts as a working day here.
"""

from datetime import date, datetime, time, timedelta
from functools import cache

import holidays
from dateutil.easter import easter
from django.utils import timezone


@cache
def _holidays(year: int) -> frozenset[date]:
    days = set(holidays.country_holidays("NL", years=year))
    days.discard(easter(year) - timedelta(days=2))  # Good Friday: see above
    return frozenset(days)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def working_day_cutoff(now: datetime, days: int) -> datetime:
    """The moment before which something must have happened to be at least `days` working days old.

    Counting back from today (included): after `days` working days the day before the last one
    counted is the latest day that qualifies, so the cutoff is the start of the day after it.
    """
    day = timezone.localdate(now)
    counted = 0
    while counted < days:
        if is_working_day(day):
            counted += 1
        day -= timedelta(days=1)
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))
