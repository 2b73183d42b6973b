import factory

from schools.models import (
    Ambition,
    AmountPerGroup,
    BudgetLine,
    CmkPlan,
    CultureTypeRecord,
    IccMembership,
    Milestone,
    MonitoringEntry,
    School,
    SchoolBoard,
)
from schools.models.choices import Approach, ContactKind, CultureType, Domain, PdcaPhase
from schools.school_year import SchoolYear
from tests.factories import DistrictFactory, MunicipalityFactory, UserFactory

YEAR = SchoolYear(2025)


class SchoolBoardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SchoolBoard
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Bestuur {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))


def _brin(n: int) -> str:
    return f"{10 + (n // 676) % 90:02d}{chr(65 + (n // 26) % 26)}{chr(65 + n % 26)}"


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = School

    name = factory.Sequence(lambda n: f"Basisschool {n}")
    brin_code = factory.Sequence(_brin)
    board = factory.SubFactory(SchoolBoardFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    district = factory.SubFactory(DistrictFactory)
    class_groups = 10
    pupils = 250


class CultureTypeRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CultureTypeRecord

    school = factory.SubFactory(SchoolFactory)
    school_year = YEAR.start_year
    culture_type = CultureType.PARTICIPATING


def icc_of(school: School, **kwargs):
    user = UserFactory(roles=["icc"], **kwargs)
    IccMembership.objects.create(user=user, school=school)
    return user


def account_holder_of(*schools: School, **kwargs):
    user = UserFactory(roles=["advisor"], **kwargs)
    for school in schools:
        school.account_holder = user
        school.save(update_fields=["account_holder"])
    return user


class CmkPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CmkPlan

    school = factory.SubFactory(SchoolFactory)
    school_year = YEAR.start_year
    vision = "Elk kind ontdekt zijn talent."


class AmbitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ambition

    plan = factory.SubFactory(CmkPlanFactory)
    domain = Domain.TEAM_EXPERTISE
    approach = Approach.DEEPEN
    principles = "AE"
    description = "Het team leert procesgerichte didactiek."


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    school = factory.SubFactory(SchoolFactory)
    school_year = YEAR.start_year
    description = factory.Sequence(lambda n: f"Workshop {n}")
    planned_date = YEAR.start.replace(month=10)
    fixed_amount_cents = 50_000


class AmountPerGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AmountPerGroup
        django_get_or_create = ["school_year"]

    school_year = YEAR.start_year
    amount_cents = 25_000


class MonitoringEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MonitoringEntry

    school = factory.SubFactory(SchoolFactory)
    school_year = YEAR.start_year
    date = YEAR.start.replace(month=11)
    contact_kind = ContactKind.VISIT
    phase = PdcaPhase.PLAN
    notes = "Startgesprek."


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    plan = factory.SubFactory(CmkPlanFactory)
    title = "Tussenevaluatie"
    due_date = YEAR.start.replace(month=12)


def pool_teacher(
    maker=None, *, year: SchoolYear | None = None, disciplines=("dans",), max_schools=2, **flags
):
    """A maker in the art-teacher pool, available in `year` (default: the current school year)."""
    from makers.models import Discipline
    from schools.models import PoolTeacher, TeacherAvailability
    from tests.makers.factories import OwnedMakerFactory

    teacher = PoolTeacher.objects.create(maker=maker or OwnedMakerFactory(), **flags)
    availability = TeacherAvailability.objects.create(
        teacher=teacher,
        school_year=(year or SchoolYear.current()).start_year,
        day_parts=["di-o", "do-m"],
        hours_per_week=6,
        max_schools=max_schools,
    )
    availability.disciplines.set(Discipline.objects.filter(slug__in=disciplines))
    return teacher
