"""Every write in the directory. Plain functions `<noun>_<verb>(*, ..., by)`, one transaction each,
raising DirectoryError with a Dutch message when the state or the actor does not allow it."""

import logging
from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cultuur.queue import enqueue_on_commit
from makers import slots
from makers.booking_events import bookings_made
from makers.models import CoCreation, Course, Maker, PublicationStatus, Venue, VenueBooking
from makers.selectors import can_edit_course, can_edit_maker, is_directory_editor

log = logging.getLogger("makers")


class DirectoryError(Exception):
    """A write the directory refuses; the message is Dutch and safe to show."""


class BookingConflict(DirectoryError):
    pass


def _log(action: str, obj, by) -> None:
    log.info("%s id=%s by=%s", action, obj.pk, getattr(by, "pk", None))


def _require_editor(by) -> None:
    if not is_directory_editor(by):
        raise PermissionDenied(_("Alleen medewerkers van het cultuurcentrum kunnen dit doen."))


# --- Makers -----------------------------------------------------------------------------------


@transaction.atomic
def maker_save(*, maker: Maker, m2m: dict | None = None, by) -> Maker:
    """Create or update a profile. A maker editing a published profile keeps it published."""
    if maker.pk is None:
        if not is_directory_editor(by):
            maker.user = by
    elif not can_edit_maker(by, Maker.objects.get(pk=maker.pk)):
        raise PermissionDenied(_("Je kunt alleen je eigen profiel bewerken."))
    maker.full_clean(exclude=["slug"] if maker.slug else None)
    maker.save()
    for name, values in (m2m or {}).items():
        getattr(maker, name).set(values)
    _log("makers.maker.saved", maker, by)
    return maker


@transaction.atomic
def maker_submit(*, maker: Maker, by) -> Maker:
    if not can_edit_maker(by, maker):
        raise PermissionDenied(_("Je kunt alleen je eigen profiel indienen."))
    if maker.status not in (PublicationStatus.DRAFT, PublicationStatus.ARCHIVED):
        raise DirectoryError(_("Dit profiel is al ingediend of gepubliceerd."))
    if not maker.disciplines.exists():
        raise DirectoryError(_("Kies minstens één discipline voordat je het profiel indient."))
    if not maker.whole_municipality and not maker.districts.exists():
        raise DirectoryError(_("Kies de wijken waar je actief bent, of de hele gemeente."))
    maker.status = PublicationStatus.PENDING_REVIEW
    maker.submitted_at = timezone.now()
    maker.save(update_fields=["status", "submitted_at", "updated_at"])
    _log("makers.maker.submitted", maker, by)
    return maker


@transaction.atomic
def maker_approve(*, maker: Maker, by) -> Maker:
    _require_editor(by)
    if maker.status != PublicationStatus.PENDING_REVIEW:
        raise DirectoryError(_("Alleen een ingediend profiel kan worden goedgekeurd."))
    maker.status = PublicationStatus.PUBLISHED
    maker.published_at = timezone.now()
    maker.review_comment = ""
    maker.save(update_fields=["status", "published_at", "review_comment", "updated_at"])
    _log("makers.maker.approved", maker, by)
    return maker


@transaction.atomic
def maker_send_back(*, maker: Maker, comment: str, by) -> Maker:
    _require_editor(by)
    if maker.status != PublicationStatus.PENDING_REVIEW:
        raise DirectoryError(_("Alleen een ingediend profiel kan worden teruggestuurd."))
    if not comment.strip():
        raise DirectoryError(_("Schrijf erbij wat er moet veranderen."))
    maker.status = PublicationStatus.DRAFT
    maker.review_comment = comment.strip()
    maker.save(update_fields=["status", "review_comment", "updated_at"])
    _log("makers.maker.sent_back", maker, by)
    if maker.user_id and maker.user.email:
        enqueue_on_commit("makers.tasks.send_review_result", kind="maker", pk=maker.pk)
    return maker


@transaction.atomic
def maker_archive(*, maker: Maker, by) -> Maker:
    if not can_edit_maker(by, maker):
        raise PermissionDenied(_("Je kunt alleen je eigen profiel archiveren."))
    maker.status = PublicationStatus.ARCHIVED
    maker.save(update_fields=["status", "updated_at"])
    _log("makers.maker.archived", maker, by)
    return maker


# --- Courses ----------------------------------------------------------------------------------


@transaction.atomic
def course_save(*, course: Course, by) -> Course:
    if course.pk is not None and not can_edit_course(
        by, Course.objects.select_related("maker").get(pk=course.pk)
    ):
        raise PermissionDenied(_("Je kunt alleen je eigen cursussen bewerken."))
    if not can_edit_course(by, course):
        raise PermissionDenied(_("Je kunt alleen cursussen van je eigen profiel beheren."))
    course.full_clean(exclude=["slug"] if course.slug else None)
    course.save()
    _log("makers.course.saved", course, by)
    return course


@transaction.atomic
def course_submit(*, course: Course, by) -> Course:
    if not can_edit_course(by, course):
        raise PermissionDenied(_("Je kunt alleen je eigen cursussen indienen."))
    if course.status not in (PublicationStatus.DRAFT, PublicationStatus.ARCHIVED):
        raise DirectoryError(_("Deze cursus is al ingediend of gepubliceerd."))
    course.status = PublicationStatus.PENDING_REVIEW
    course.save(update_fields=["status", "updated_at"])
    _log("makers.course.submitted", course, by)
    return course


@transaction.atomic
def course_approve(*, course: Course, by) -> Course:
    _require_editor(by)
    if course.status != PublicationStatus.PENDING_REVIEW:
        raise DirectoryError(_("Alleen een ingediende cursus kan worden goedgekeurd."))
    course.status = PublicationStatus.PUBLISHED
    course.review_comment = ""
    course.save(update_fields=["status", "review_comment", "updated_at"])
    _log("makers.course.approved", course, by)
    return course


@transaction.atomic
def course_send_back(*, course: Course, comment: str, by) -> Course:
    _require_editor(by)
    if course.status != PublicationStatus.PENDING_REVIEW:
        raise DirectoryError(_("Alleen een ingediende cursus kan worden teruggestuurd."))
    if not comment.strip():
        raise DirectoryError(_("Schrijf erbij wat er moet veranderen."))
    course.status = PublicationStatus.DRAFT
    course.review_comment = comment.strip()
    course.save(update_fields=["status", "review_comment", "updated_at"])
    _log("makers.course.sent_back", course, by)
    if course.maker_id and course.maker.user_id:
        enqueue_on_commit("makers.tasks.send_review_result", kind="course", pk=course.pk)
    return course


# --- Venue bookings ---------------------------------------------------------------------------


def _overlapping(booking: VenueBooking):
    return slots.occupying(
        venue_id=booking.venue_id,
        dates=[booking.date],
        start_time=booking.start_time,
        end_time=booking.end_time,
        exclude_pk=booking.pk,
    )


def _taken_message() -> str:
    return _("De locatie is op dat moment al bezet. Kies een andere tijd of zet je op de wachtlijst.")


def venue_booking_request(*, booking: VenueBooking, by=None) -> VenueBooking:
    """A request holds its slot for MAKERS_BOOKING_HOLD_HOURS; a taken slot is refused (Dutch), even
    when twenty people ask at once: the venue row lock queues them, the constraint backs it up."""
    if not booking.venue.is_published:
        raise DirectoryError(_("Deze locatie is niet te boeken."))
    if booking.end_time <= booking.start_time:
        raise DirectoryError(_("De eindtijd moet na de begintijd liggen."))
    if booking.date < timezone.localdate():
        raise DirectoryError(_("Kies een datum vandaag of later."))
    booking.status = VenueBooking.Status.REQUESTED
    booking.hold_expires_at = slots.hold_deadline()
    if getattr(by, "is_authenticated", False):
        booking.requested_by = by
    booking.full_clean()
    try:
        with transaction.atomic():
            slots.lock_venue(booking.venue_id)
            slots.expire_lapsed_holds(venue_id=booking.venue_id, dates=[booking.date])
            if _overlapping(booking).exists():
                raise BookingConflict(_taken_message())
            booking.save()
            bookings_made.send(sender=VenueBooking, bookings=[booking], by=by)
    except IntegrityError as error:
        if slots.is_overlap_violation(error):
            booking.pk = None
            raise BookingConflict(_taken_message()) from error
        raise
    _log("makers.booking.requested", booking, by)
    return booking


def venue_booking_confirm(*, booking: VenueBooking, by) -> VenueBooking:
    """Confirm a request. Concurrent confirmations of one venue queue on the venue row; on
    PostgreSQL the exclusion constraint is the last word, so one wins and the other is told why."""
    _require_editor(by)
    try:
        with transaction.atomic():
            Venue.objects.select_for_update().get(pk=booking.venue_id)
            booking = VenueBooking.objects.select_for_update().get(pk=booking.pk)
            if booking.status != VenueBooking.Status.REQUESTED:
                raise DirectoryError(_("Alleen een aangevraagde boeking kan worden bevestigd."))
            # Another hold on the slot can only exist without the constraint (SQLite, old rows): it loses.
            if _overlapping(booking).filter(status=VenueBooking.Status.CONFIRMED).exists():
                raise BookingConflict(_("De locatie is op dat moment al geboekt. Kies een andere tijd."))
            booking.status = VenueBooking.Status.CONFIRMED
            booking.decided_by = by
            booking.decided_at = timezone.now()
            booking.save(update_fields=["status", "decided_by", "decided_at"])
    except IntegrityError as error:
        if slots.is_overlap_violation(error):
            raise BookingConflict(
                _("De locatie is op dat moment al geboekt. Kies een andere tijd.")
            ) from error
        raise
    _log("makers.booking.confirmed", booking, by)
    enqueue_on_commit("makers.tasks.send_booking_decision", pk=booking.pk)
    return booking


@transaction.atomic
def venue_booking_decline(*, booking: VenueBooking, reason: str, by) -> VenueBooking:
    _require_editor(by)
    if booking.status not in (VenueBooking.Status.REQUESTED, VenueBooking.Status.CONFIRMED):
        raise DirectoryError(_("Deze boeking is al afgewezen of geannuleerd."))
    was_occupying = booking.is_occupying
    booking.status = VenueBooking.Status.DECLINED
    booking.decline_reason = reason.strip()
    booking.decided_by = by
    booking.decided_at = timezone.now()
    booking.save(update_fields=["status", "decline_reason", "decided_by", "decided_at"])
    _log("makers.booking.declined", booking, by)
    enqueue_on_commit("makers.tasks.send_booking_decision", pk=booking.pk)
    if was_occupying:
        slots.slot_freed(booking)
    return booking


# --- Co-creations -----------------------------------------------------------------------------

# The schools app registers a function that counts the schools linked to a co-creation
# (makers must not import schools). Without one, no school counts, so nothing can be activated.
_school_counters: list[Callable[[CoCreation], int]] = []


def register_cocreation_school_counter(counter: Callable[[CoCreation], int]) -> None:
    """Called once by the schools app (AppConfig.ready) with `lambda cocreation: <linked schools>`."""
    if counter not in _school_counters:
        _school_counters.append(counter)


def cocreation_school_count(cocreation: CoCreation) -> int:
    return sum(counter(cocreation) for counter in _school_counters)


def cocreation_problems(cocreation: CoCreation, *, school_count: int | None = None) -> list[str]:
    """What stops a co-creation from running: fewer than two makers or two schools."""
    problems = []
    if cocreation.makers.count() < CoCreation.MIN_MAKERS:
        problems.append(_("Een co-creatie heeft minstens twee cultuurmakers."))
    schools = cocreation_school_count(cocreation) if school_count is None else school_count
    if schools < CoCreation.MIN_SCHOOLS:
        problems.append(_("Een co-creatie heeft minstens twee scholen."))
    return problems


@transaction.atomic
def cocreation_save(*, cocreation: CoCreation, makers=None, disciplines=None, by) -> CoCreation:
    _require_editor(by)
    cocreation.full_clean(exclude=["slug"] if cocreation.slug else None)
    cocreation.save()
    if makers is not None:
        cocreation.makers.set(makers)
    if disciplines is not None:
        cocreation.disciplines.set(disciplines)
    if cocreation.status in CoCreation.PUBLIC_STATUSES:
        problems = cocreation_problems(cocreation)
        if problems:
            raise DirectoryError(" ".join(problems))
    _log("makers.cocreation.saved", cocreation, by)
    return cocreation


@transaction.atomic
def cocreation_set_makers(*, cocreation: CoCreation, makers, by) -> CoCreation:
    """Change the makers; a running co-creation keeps at least two."""
    _require_editor(by)
    makers = list(makers)
    if cocreation.status in CoCreation.PUBLIC_STATUSES and len(set(makers)) < CoCreation.MIN_MAKERS:
        raise DirectoryError(_("Een co-creatie heeft minstens twee cultuurmakers."))
    cocreation.makers.set(makers)
    _log("makers.cocreation.makers_set", cocreation, by)
    return cocreation


@transaction.atomic
def cocreation_activate(*, cocreation: CoCreation, by, school_count: int | None = None) -> CoCreation:
    """Start a co-creation: only with at least two makers and two schools.

    The schools app may pass `school_count` (it counted the linked schools in the same
    transaction); otherwise the registered counters are asked."""
    _require_editor(by)
    cocreation = CoCreation.objects.select_for_update().get(pk=cocreation.pk)
    if cocreation.status != CoCreation.Status.DRAFT:
        raise DirectoryError(_("Alleen een co-creatie in voorbereiding kan starten."))
    problems = cocreation_problems(cocreation, school_count=school_count)
    if problems:
        raise DirectoryError(" ".join(problems))
    cocreation.status = CoCreation.Status.ACTIVE
    cocreation.started_on = cocreation.started_on or timezone.localdate()
    cocreation.save(update_fields=["status", "started_on", "updated_at"])
    _log("makers.cocreation.activated", cocreation, by)
    return cocreation


@transaction.atomic
def cocreation_complete(*, cocreation: CoCreation, by) -> CoCreation:
    _require_editor(by)
    if cocreation.status != CoCreation.Status.ACTIVE:
        raise DirectoryError(_("Alleen een lopende co-creatie kan worden afgerond."))
    cocreation.status = CoCreation.Status.COMPLETED
    cocreation.save(update_fields=["status", "updated_at"])
    _log("makers.cocreation.completed", cocreation, by)
    return cocreation


# --- Invitations --------------------------------------------------------------------------------


@transaction.atomic
def maker_invite(*, email: str, name: str, by) -> Maker:
    """Staff invite a maker: an account in the maker role (no password yet) owning a draft profile;
    the e-mail carries a link to choose a password, after which the maker completes the profile."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from cultuur.roles import Role
    from makers.slugs import unique_slug

    _require_editor(by)
    email = email.strip().lower()
    user_model = get_user_model()
    if user_model.objects.filter(email__iexact=email).exists():
        raise DirectoryError(_("Er is al een account met dit e-mailadres."))
    user = user_model.objects.create_user(email=email, first_name=name.strip()[:150])
    user.set_unusable_password()
    user.save(update_fields=["password"])
    user.groups.add(Group.objects.get(name=Role.MAKER))
    maker = Maker.objects.create(
        user=user, name=name.strip(), slug=unique_slug(Maker, name), short_description=_("Nog in te vullen.")
    )
    _log("makers.maker.invited", maker, by)
    enqueue_on_commit("makers.tasks.send_invitation", maker_id=maker.pk)
    return maker
