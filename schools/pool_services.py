"""Writes for the art-teacher pool: `<noun>_<verb>(*, ..., by)`, one transaction each.

The coordinator keeps the pool and proposes teachers to schools; a maker keeps their own
availability; the ICC accepts or declines a proposal to their school."""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cultuur.audit import audit_record
from cultuur.queue import enqueue_on_commit
from schools import pool
from schools.models import PoolProposal, PoolTeacher, ProposalStatus, School, TeacherAvailability
from schools.models.pool import CAPACITY_STATUSES
from schools.school_year import SchoolYear
from schools.selectors import is_icc_of
from schools.services import SchoolsError, culture_type_for


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def _taken(teacher: PoolTeacher, year: int, exclude_pk=None) -> int:
    proposals = PoolProposal.objects.filter(teacher=teacher, school_year=year, status__in=CAPACITY_STATUSES)
    return proposals.exclude(pk=exclude_pk).count() if exclude_pk else proposals.count()


@transaction.atomic
def pool_teacher_save(*, teacher: PoolTeacher, by) -> PoolTeacher:
    _require(pool.is_coordinator(by), _("Alleen de coördinator beheert de pool."))
    created = teacher.pk is None
    if created:
        teacher.added_by = by
    teacher.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            teacher.save()
    except IntegrityError as error:
        raise SchoolsError(_("Deze cultuurmaker staat al in de pool.")) from error
    audit_record(action="schools.pool.teacher_saved", by=by, target=teacher, detail={"created": created})
    return teacher


@transaction.atomic
def availability_save(*, availability: TeacherAvailability, disciplines, by) -> TeacherAvailability:
    """The coordinator, or the maker for themselves. Fewer schools than already hold a place is refused."""
    teacher = availability.teacher
    _require(
        pool.is_coordinator(by) or (teacher.maker.user_id is not None and teacher.maker.user_id == by.pk),
        _("Je kunt alleen je eigen beschikbaarheid wijzigen."),
    )
    if not disciplines:
        raise SchoolsError(_("Kies minstens één discipline."))
    availability.full_clean(exclude=["disciplines"], validate_unique=False)
    PoolTeacher.objects.select_for_update().filter(pk=teacher.pk).first()
    taken = _taken(teacher, availability.school_year)
    if availability.max_schools < taken:
        raise SchoolsError(
            _("Je bent al aan %(n)s scholen voorgesteld of toegezegd; kies minstens %(n)s scholen.")
            % {"n": taken}
        )
    try:
        with transaction.atomic():
            availability.save()
    except IntegrityError as error:
        raise SchoolsError(_("Voor dit schooljaar is er al een beschikbaarheid; wijzig die.")) from error
    availability.disciplines.set(disciplines)
    audit_record(action="schools.pool.availability_saved", by=by, target=availability)
    return availability


def pool_teacher_add(
    *, teacher: PoolTeacher, availability: TeacherAvailability, disciplines, by
) -> PoolTeacher:
    """A maker joins the pool with their first year's availability, both or neither."""
    try:
        with transaction.atomic():
            pool_teacher_save(teacher=teacher, by=by)
            availability.teacher = teacher
            availability_save(availability=availability, disciplines=disciplines, by=by)
    except (SchoolsError, PermissionDenied):
        teacher.pk = None
        raise
    return teacher


@transaction.atomic
def proposal_create(
    *, school: School, teacher: PoolTeacher, year: SchoolYear, note: str = "", by
) -> PoolProposal:
    """Propose a teacher with a place left in `year`; the score and reasons are kept as they were."""
    _require(pool.is_coordinator(by), _("Alleen de coördinator doet voorstellen."))
    # Lock the teacher: two coordinators proposing the last place at once cannot both win it.
    PoolTeacher.objects.select_for_update().filter(pk=teacher.pk).first()
    availability = TeacherAvailability.objects.filter(teacher=teacher, school_year=year.start_year).first()
    if availability is None or not teacher.is_active:
        raise SchoolsError(_("Deze docent is in schooljaar %(year)s niet beschikbaar.") % {"year": year})
    if _taken(teacher, year.start_year) >= availability.max_schools:
        raise SchoolsError(_("Deze docent heeft dit schooljaar geen plaats meer voor een school."))
    if PoolProposal.objects.filter(teacher=teacher, school=school, school_year=year.start_year).exists():
        raise SchoolsError(_("Deze docent is dit schooljaar al aan deze school voorgesteld."))
    matches = pool.school_matches(school, year, culture_type_for(school, year), limit=None)
    match = next((m for m in matches if m.teacher.pk == teacher.pk), None)
    proposal = PoolProposal.objects.create(
        teacher=teacher,
        school=school,
        school_year=year.start_year,
        score=match.score if match else 0,
        reasons=[str(reason) for reason in match.reasons] if match else [],
        note=note.strip(),
        proposed_by=by,
    )
    audit_record(action="schools.pool.proposed", by=by, target=proposal)
    enqueue_on_commit("schools.tasks.send_proposal_notice", proposal_id=proposal.pk)
    return proposal


@transaction.atomic
def proposal_respond(*, proposal: PoolProposal, accept: bool, note: str = "", by) -> PoolProposal:
    _require(is_icc_of(by, proposal.school), _("Alleen de ICC van de school reageert op een voorstel."))
    won = (
        PoolProposal.objects.filter(pk=proposal.pk, status=ProposalStatus.PROPOSED)
        .filter(Q(responded_at__isnull=True))
        .update(
            status=ProposalStatus.ACCEPTED if accept else ProposalStatus.DECLINED,
            response_note=note.strip(),
            responded_by=by,
            responded_at=timezone.now(),
        )
    )
    if not won:
        raise SchoolsError(_("Op dit voorstel is al gereageerd."))
    proposal.refresh_from_db()
    audit_record(action=f"schools.pool.{'accepted' if accept else 'declined'}", by=by, target=proposal)
    return proposal
