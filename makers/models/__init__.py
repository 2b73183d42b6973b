"""Makers, courses, venues and co-creations: the public culture directory.

Other apps point at these models (requests matches to them, schools books budget lines on them),
so the model names are part of the contract. makers never imports requests or schools.
"""

from makers.models.calendars import CalendarFeed
from makers.models.courses import Course
from makers.models.makers import CoCreation, Maker
from makers.models.marks import MarkKind, QualityMark
from makers.models.series import BookingSeries, WaitingListEntry
from makers.models.taxonomy import Discipline, Language, PublicationStatus, TargetGroup
from makers.models.venues import Venue, VenueBooking

__all__ = [
    "BookingSeries",
    "CalendarFeed",
    "CoCreation",
    "Course",
    "Discipline",
    "Language",
    "Maker",
    "MarkKind",
    "PublicationStatus",
    "QualityMark",
    "TargetGroup",
    "Venue",
    "VenueBooking",
    "WaitingListEntry",
]
