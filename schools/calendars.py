"""The school's calendar feed of venue bookings made for it, and who may subscribe (its ICCs and
account holder). Registered with makers.calendars by SchoolsConfig.ready: makers never imports us."""

from django.utils.translation import gettext as _

from cultuur.roles import Role, has_role
from makers.booking_events import bookings_made
from makers.models import VenueBooking
from schools.models import School, SchoolVenueBooking
from schools.selectors import icc_school_id


def school_feed(object_id: int):
    school = School.objects.filter(pk=object_id).first()
    if school is None:
        return None
    title = _("Zaalboekingen %(school)s") % {"school": school.name}
    return title, VenueBooking.objects.filter(school_link__school=school)


def school_feed_offers(user) -> list:
    if not getattr(user, "is_authenticated", False):
        return []
    offers = []
    if has_role(user, Role.ICC) and (school_id := icc_school_id(user)):
        school = School.objects.get(pk=school_id)
        offers.append((_("Zaalboekingen van %(school)s") % {"school": school.name}, "school", school.pk))
    if has_role(user, Role.ADVISOR):
        for school in School.objects.filter(account_holder=user).order_by("name"):
            offers.append((_("Zaalboekingen van %(school)s") % {"school": school.name}, "school", school.pk))
    return offers


def link_icc_bookings(sender, bookings, by, **kwargs) -> None:
    """An ICC books for their school: link the new bookings to it (same transaction)."""
    if not getattr(by, "is_authenticated", False) or not has_role(by, Role.ICC):
        return
    school_id = icc_school_id(by)
    if school_id:
        SchoolVenueBooking.objects.bulk_create(
            SchoolVenueBooking(booking=booking, school_id=school_id) for booking in bookings
        )


def register() -> None:
    from makers.calendars import register_feed, register_feed_offer

    register_feed("school", school_feed)
    register_feed_offer(school_feed_offers)
    bookings_made.connect(link_icc_bookings, sender=VenueBooking, dispatch_uid="schools.link_icc_bookings")
