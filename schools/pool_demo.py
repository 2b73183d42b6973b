"""Demo art-teacher pool (seed 003): eight makers who teach in schools, available this school year,
and the coordinator's proposals to a few schools, the demo ICC's school among them. Idempotent."""

from makers.models import Discipline, Maker, PublicationStatus
from schools import pool
from schools.models import IccMembership, PoolProposal, PoolTeacher, School, TeacherAvailability
from schools.models.pool import DayPart
from schools.pool_services import proposal_create
from schools.school_year import SchoolYear
from schools.services import culture_type_for

POOL_SIZE = 8
WAYS = [
    {"single_lessons": True, "lesson_series": True},
    {"single_lessons": False, "lesson_series": True, "co_teaching": True},
    {"single_lessons": True, "team_training": True},
    {"single_lessons": False, "co_teaching": True, "team_training": True},
]


def seed(ctx) -> None:
    year = SchoolYear.current()
    makers = list(
        Maker.objects.filter(status=PublicationStatus.PUBLISHED, works_in_education=True)
        .exclude(slug="mo-maker-theater")
        .prefetch_related("disciplines")
        .order_by("pk")[: POOL_SIZE - 1]
    )
    own = Maker.objects.filter(slug="mo-maker-theater").prefetch_related("disciplines").first()
    if own is not None:
        makers.insert(0, own)
    if not makers:
        return
    extra = list(Discipline.objects.filter(slug__in=["muziek", "dans", "beeldende-kunst"]))
    parts = DayPart.values
    coordinator = ctx.get_user("manager@cultuur.test")
    for index, maker in enumerate(makers):
        teacher, _created = PoolTeacher.objects.get_or_create(
            maker=maker, defaults={**WAYS[index % len(WAYS)], "added_by": coordinator}
        )
        availability, created = TeacherAvailability.objects.get_or_create(
            teacher=teacher,
            school_year=year.start_year,
            defaults={
                "day_parts": sorted({parts[index % len(parts)], parts[(index * 3 + 1) % len(parts)]}),
                "hours_per_week": 4 + (index % 4) * 2,
                "grade_min": 1 if index % 2 else 3,
                "grade_max": 8,
                "max_schools": 1 + index % 3,
            },
        )
        if created:
            availability.disciplines.set(
                [*maker.disciplines.all(), extra[index % len(extra)]] if extra else maker.disciplines.all()
            )
    _proposals(year, coordinator)


def _proposals(year, coordinator) -> None:
    if PoolProposal.objects.filter(school_year=year.start_year).exists():
        return
    icc_school_ids = list(IccMembership.objects.values_list("school_id", flat=True).order_by("pk")[:4])
    for school in School.objects.filter(pk__in=icc_school_ids).order_by("pk"):
        for match in pool.school_matches(school, year, culture_type_for(school, year), limit=2):
            proposal_create(
                school=school, teacher=match.teacher, year=year, note="Past bij jullie plan.", by=coordinator
            )
