"""Reads shared by pages, API and other apps. Scoping lives in `makers_visible_to(user)` and its
siblings; editing rights in `can_edit_maker`/`makers_editable_by`."""

from django.db.models import Prefetch, Q, QuerySet

from cultuur.roles import Role, has_role
from makers.models import (
    CoCreation,
    Course,
    Discipline,
    Maker,
    PublicationStatus,
    Venue,
    VenueBooking,
)

PUBLISHED = PublicationStatus.PUBLISHED


def is_directory_editor(user) -> bool:
    """Staff who may edit any directory record and review submissions (managers only read)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_superuser or user.is_staff or has_role(user, Role.ADVISOR))


def can_read_everything(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return is_directory_editor(user) or has_role(user, Role.MANAGER, Role.FUNDS_COORDINATOR)


# --- Makers -----------------------------------------------------------------------------------


def _maker_list_related(queryset: QuerySet[Maker]) -> QuerySet[Maker]:
    return queryset.prefetch_related(
        Prefetch("disciplines", queryset=Discipline.objects.order_by("order", "name")),
        "districts",
        "languages",
        "target_groups",
    )


def published_makers() -> QuerySet[Maker]:
    """The public directory: published makers only."""
    return _maker_list_related(Maker.objects.filter(status=PUBLISHED))


def makers_visible_to(user) -> QuerySet[Maker]:
    """Public: published. A maker: published plus their own. Staff roles: everything."""
    if can_read_everything(user):
        return _maker_list_related(Maker.objects.all())
    if getattr(user, "is_authenticated", False):
        return _maker_list_related(Maker.objects.filter(Q(status=PUBLISHED) | Q(user=user)))
    return published_makers()


def makers_editable_by(user) -> QuerySet[Maker]:
    if is_directory_editor(user):
        return Maker.objects.all()
    if getattr(user, "is_authenticated", False) and has_role(user, Role.MAKER):
        return Maker.objects.filter(user=user)
    return Maker.objects.none()


def can_edit_maker(user, maker: Maker) -> bool:
    if is_directory_editor(user):
        return True
    return bool(
        getattr(user, "is_authenticated", False) and maker.user_id == user.pk and has_role(user, Role.MAKER)
    )


def own_makers(user) -> QuerySet[Maker]:
    if not getattr(user, "is_authenticated", False):
        return Maker.objects.none()
    return _maker_list_related(Maker.objects.filter(user=user))


def makers_pending_review() -> QuerySet[Maker]:
    return Maker.objects.filter(status=PublicationStatus.PENDING_REVIEW).select_related("user")


# --- Courses ----------------------------------------------------------------------------------


def _course_related(queryset: QuerySet[Course]) -> QuerySet[Course]:
    return queryset.select_related("maker", "discipline", "venue", "venue__district")


def published_courses() -> QuerySet[Course]:
    """Published courses whose maker (if any) is published too."""
    return _course_related(
        Course.objects.filter(status=PUBLISHED).filter(Q(maker__isnull=True) | Q(maker__status=PUBLISHED))
    )


def courses_visible_to(user) -> QuerySet[Course]:
    if can_read_everything(user):
        return _course_related(Course.objects.all())
    if getattr(user, "is_authenticated", False):
        public = Q(status=PUBLISHED) & (Q(maker__isnull=True) | Q(maker__status=PUBLISHED))
        return _course_related(Course.objects.filter(public | Q(maker__user=user)))
    return published_courses()


def courses_editable_by(user) -> QuerySet[Course]:
    if is_directory_editor(user):
        return Course.objects.all()
    if getattr(user, "is_authenticated", False) and has_role(user, Role.MAKER):
        return Course.objects.filter(maker__user=user)
    return Course.objects.none()


def can_edit_course(user, course: Course) -> bool:
    if is_directory_editor(user):
        return True
    return course.maker is not None and can_edit_maker(user, course.maker)


def courses_pending_review() -> QuerySet[Course]:
    return Course.objects.filter(status=PublicationStatus.PENDING_REVIEW).select_related("maker")


# --- Venues and bookings ----------------------------------------------------------------------


def published_venues() -> QuerySet[Venue]:
    return Venue.objects.filter(is_published=True).select_related("district", "maker")


def venues_visible_to(user) -> QuerySet[Venue]:
    if can_read_everything(user):
        return Venue.objects.select_related("district", "maker")
    if getattr(user, "is_authenticated", False):
        return Venue.objects.filter(Q(is_published=True) | Q(maker__user=user)).select_related(
            "district", "maker"
        )
    return published_venues()


def venues_editable_by(user) -> QuerySet[Venue]:
    if is_directory_editor(user):
        return Venue.objects.all()
    if getattr(user, "is_authenticated", False) and has_role(user, Role.MAKER):
        return Venue.objects.filter(maker__user=user)
    return Venue.objects.none()


def bookings_visible_to(user) -> QuerySet[VenueBooking]:
    """Staff see every booking; a venue's maker sees the bookings of their venues."""
    bookings = VenueBooking.objects.select_related("venue", "venue__district", "decided_by")
    if can_read_everything(user):
        return bookings
    if getattr(user, "is_authenticated", False):
        return bookings.filter(Q(venue__maker__user=user) | Q(requested_by=user))
    return bookings.none()


def venue_availability(venue: Venue, *, start, end) -> QuerySet[VenueBooking]:
    """Bookings that take a slot (confirmed, or a live hold) between two dates: the public sees when a
    venue is taken, not by whom."""
    return VenueBooking.objects.filter(
        venue=venue, status__in=VenueBooking.OCCUPYING, date__gte=start, date__lte=end
    ).only("date", "start_time", "end_time", "venue_id", "status")


# --- Co-creations -----------------------------------------------------------------------------


def _cocreation_related(queryset: QuerySet[CoCreation]) -> QuerySet[CoCreation]:
    return queryset.prefetch_related(
        Prefetch("makers", queryset=Maker.objects.filter(status=PUBLISHED).order_by("name")),
        "disciplines",
    )


def published_cocreations() -> QuerySet[CoCreation]:
    return _cocreation_related(CoCreation.objects.filter(status__in=CoCreation.PUBLIC_STATUSES))


def cocreations_visible_to(user) -> QuerySet[CoCreation]:
    if can_read_everything(user):
        return _cocreation_related(CoCreation.objects.all())
    return published_cocreations()


# --- Fair practice (staff only, never shown to the public) --------------------------------------


def fair_practice_flags(maker: Maker) -> list[str]:
    """Why a maker's rates fall below the Fair Practice minimum; empty when they do not."""
    from django.conf import settings
    from django.utils.translation import gettext as _

    from cultuur.money import format_euros

    minimum = settings.MAKERS_FAIR_HOURLY_RATE_CENTS
    flags = []
    if maker.rate_per_hour_cents is not None and maker.rate_per_hour_cents < minimum:
        flags.append(
            _("Uurtarief %(rate)s ligt onder het minimum van %(minimum)s.")
            % {"rate": format_euros(maker.rate_per_hour_cents), "minimum": format_euros(minimum)}
        )
    day_part_minimum = minimum * settings.MAKERS_HOURS_PER_DAY_PART
    if maker.rate_per_day_part_cents is not None and maker.rate_per_day_part_cents < day_part_minimum:
        flags.append(
            _("Dagdeeltarief %(rate)s ligt onder het minimum van %(minimum)s.")
            % {"rate": format_euros(maker.rate_per_day_part_cents), "minimum": format_euros(day_part_minimum)}
        )
    return flags


def makers_below_fair_rate() -> QuerySet[Maker]:
    from django.conf import settings

    minimum = settings.MAKERS_FAIR_HOURLY_RATE_CENTS
    return Maker.objects.exclude(status=PublicationStatus.ARCHIVED).filter(
        Q(rate_per_hour_cents__lt=minimum)
        | Q(rate_per_day_part_cents__lt=minimum * settings.MAKERS_HOURS_PER_DAY_PART)
    )


def bookings_for_email(email: str) -> list[dict]:
    """Venue bookings made with this contact e-mail address, for an access request (AVG art. 15)."""
    bookings = VenueBooking.objects.filter(contact_email__iexact=email.strip()).select_related("venue")
    return [
        {
            "venue": booking.venue.name,
            "date": booking.date.isoformat(),
            "start_time": booking.start_time.isoformat(),
            "end_time": booking.end_time.isoformat(),
            "purpose": booking.purpose,
            "contact_name": booking.contact_name,
            "contact_email": booking.contact_email,
            "contact_phone": booking.contact_phone,
            "status": booking.status,
        }
        for booking in bookings.order_by("date", "start_time")
    ]


def district_figures(district) -> dict:
    """Published makers and venues of one district, counted in the database (one query).

    Each count reads only the district's rows: the makers linked to the district, the
    whole-municipality makers not linked to it (an anti-join) and the venues, as three scalar
    subqueries, the maker counts index-only on PostgreSQL (makers 0004), instead of one aggregate
    over every published maker and its districts."""
    from django.db.models import F, Func, IntegerField, Subquery

    from districts.models import District

    def count(queryset):
        return Subquery(
            queryset.order_by().values(n=Func(F("pk"), function="COUNT", output_field=IntegerField()))
        )

    published = Maker.objects.filter(status=PUBLISHED)
    row = (
        District.objects.filter(pk=district.pk)
        .values(
            makers_in_district=count(published.filter(districts=district)),  # (maker, district) is unique
            makers_whole_municipality=count(
                published.filter(whole_municipality=True).exclude(districts=district)
            ),
            venues_published=count(Venue.objects.filter(district=district, is_published=True)),
        )
        .get()
    )
    return {
        "makers": row["makers_in_district"],
        "makers_whole_municipality": row["makers_whole_municipality"],
        "venues": row["venues_published"],
    }
