"""The art-teacher pool: who may see what, and the matching of pool teachers to a school.

Scope: the coordinator (advisor, manager, admin) sees the whole pool, which serves every school,
and the proposals of the schools they can see (visible_schools); an ICC sees only the proposals to
their own school; a maker only their own pool record, availability and proposals.

Matching reads a fixed number of queries whatever the size of the pool: the school's plan with its
ambitions, its culture type, and this year's availabilities with their disciplines, districts and
the places already taken, annotated in SQL."""

import re
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from cultuur.roles import Role, has_role
from makers.models import Discipline
from schools.models import CmkPlan, PoolProposal, PoolTeacher, School, TeacherAvailability
from schools.models.choices import CultureType, Domain
from schools.models.pool import CAPACITY_STATUSES
from schools.school_year import SchoolYear
from schools.selectors import icc_school_id, visible_schools

# A discipline named in an ambition is the strongest sign; the way of working a culture type asks
# for comes next; the domains of the ambitions add a little.
DISCIPLINE_POINTS = 3
CULTURE_TYPE_POINTS = 2
TEAM_POINTS = 2
DOMAIN_POINTS = 1
MAX_MATCHES = 10


def is_coordinator(user) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and (user.is_superuser or has_role(user, Role.ADVISOR, Role.MANAGER))
    )


def pool_teachers_visible_to(user) -> QuerySet[PoolTeacher]:
    teachers = PoolTeacher.objects.select_related("maker")
    if is_coordinator(user):
        return teachers
    if getattr(user, "is_authenticated", False) and has_role(user, Role.MAKER):
        return teachers.filter(maker__user=user)
    return teachers.none()


def proposals_visible_to(user) -> QuerySet[PoolProposal]:
    proposals = PoolProposal.objects.select_related("teacher__maker", "school", "proposed_by", "responded_by")
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return proposals.none()
    scope = Q(pk__in=[])
    if is_coordinator(user):
        scope |= Q(school__in=visible_schools(user))
    if has_role(user, Role.ICC) and (school_id := icc_school_id(user)):
        scope |= Q(school_id=school_id)
    if has_role(user, Role.MAKER):
        scope |= Q(teacher__maker__user=user)
    return proposals.filter(scope)


def pool_list(user, year: SchoolYear) -> QuerySet[PoolTeacher]:
    """The pool with this year's availability and the places taken: a fixed number of queries."""
    return (
        pool_teachers_visible_to(user)
        .prefetch_related(
            Prefetch(
                "availabilities",
                queryset=TeacherAvailability.objects.filter(school_year=year.start_year).prefetch_related(
                    Prefetch("disciplines", queryset=Discipline.objects.order_by("order", "name"))
                ),
                to_attr="availability_of_year",
            )
        )
        .annotate(
            places_taken=Count(
                "proposals",
                filter=Q(proposals__school_year=year.start_year, proposals__status__in=CAPACITY_STATUSES),
            )
        )
        .order_by("maker__name", "pk")
    )


def own_availabilities(user) -> QuerySet[TeacherAvailability]:
    return (
        TeacherAvailability.objects.filter(
            teacher__in=pool_teachers_visible_to(user).filter(maker__user=user)
        )
        .select_related("teacher__maker")
        .prefetch_related("disciplines")
        .order_by("-school_year")
    )


# --- Matching ---------------------------------------------------------------------------------


@dataclass
class Match:
    availability: TeacherAvailability
    score: int = 0
    reasons: list[str] = field(default_factory=list)
    places_left: int = 0

    @property
    def teacher(self) -> PoolTeacher:
        return self.availability.teacher


_WORD = re.compile(r"[a-zà-ÿ]+")
# Words in discipline names that every plan uses ("cultuur") or that start ordinary words ("wordt").
_NOT_A_DISCIPLINE = {"kunst", "kunsten", "overig", "anders", "word", "cultuur"}


def _keywords(discipline: Discipline) -> set[str]:
    """Words that name a discipline in a plan: "Beeldende kunst" is found in "beeldend onderwijs"."""
    words = set()
    for text in (discipline.name, discipline.slug.replace("-", " ")):
        for word in _WORD.findall(text.lower()):
            if len(word) >= 4 and word not in _NOT_A_DISCIPLINE:
                words.add(word[:-1] if word.endswith("e") and len(word) > 5 else word)
    return words


def _plan_text(plan: CmkPlan | None) -> str:
    if plan is None:
        return ""
    parts = [plan.vision] + [f"{a.description} {a.success_indicators}" for a in plan.ambitions.all()]
    return " ".join(parts).lower()


_FITS_TYPE = {
    CultureType.CONSUMING: (
        "single_lessons",
        gettext_lazy("geeft losse lessen: past bij een consumerende school"),
    ),
    CultureType.PARTICIPATING: (
        "lesson_series",
        gettext_lazy("geeft lessenreeksen: past bij een participerende school"),
    ),
    CultureType.INTEGRATING: (
        "co_teaching",
        gettext_lazy("werkt samen met leerkrachten: past bij een integrerende school"),
    ),
}


def school_matches(
    school: School, year: SchoolYear, culture_type: str | None, *, limit: int | None = MAX_MATCHES
) -> list[Match]:
    """Pool teachers for `school` in `year`, best first, each with its score and reasons.

    Only teachers available that year, with a place left and not yet proposed to this school,
    and with at least one reason to fit."""
    plan = (
        CmkPlan.objects.filter(school=school, school_year__lte=year.start_year)
        .prefetch_related("ambitions")
        .order_by("-school_year")
        .first()
    )
    text = _plan_text(plan)
    domains = {ambition.domain for ambition in plan.ambitions.all()} if plan else set()
    availabilities = (
        TeacherAvailability.objects.filter(school_year=year.start_year, teacher__is_active=True)
        .select_related("teacher__maker")
        .prefetch_related("disciplines", "teacher__maker__districts")
        .annotate(
            taken=Count(
                "teacher__proposals",
                filter=Q(
                    teacher__proposals__school_year=year.start_year,
                    teacher__proposals__status__in=CAPACITY_STATUSES,
                ),
            ),
            already=Exists(
                PoolProposal.objects.filter(
                    teacher=OuterRef("teacher"), school=school, school_year=year.start_year
                )
            ),
        )
        .order_by("teacher__maker__name", "pk")
    )
    matches = []
    for availability in availabilities:
        left = availability.max_schools - availability.taken
        if left <= 0 or availability.already:
            continue
        match = Match(availability=availability, places_left=left)
        _score(match, text=text, domains=domains, culture_type=culture_type, school=school)
        if match.score:
            match.reasons.append(
                ngettext(
                    "nog plaats voor %(n)s school, %(hours)s uur per week",
                    "nog plaats voor %(n)s scholen, %(hours)s uur per week",
                    left,
                )
                % {"n": left, "hours": availability.hours_per_week}
            )
            matches.append(match)
    matches.sort(key=lambda m: (-m.score, m.teacher.maker.name))
    return matches[:limit]


def _score(match: Match, *, text: str, domains: set, culture_type: str | None, school: School) -> None:
    availability, teacher = match.availability, match.availability.teacher
    for discipline in availability.disciplines.all():
        if any(re.search(rf"\b{re.escape(word)}", text) for word in _keywords(discipline)):
            match.score += DISCIPLINE_POINTS
            match.reasons.append(
                _("%(discipline)s staat in de ambities van het CMK-plan") % {"discipline": discipline.label}
            )
    if culture_type in _FITS_TYPE:
        attribute, reason = _FITS_TYPE[culture_type]
        if getattr(teacher, attribute):
            match.score += CULTURE_TYPE_POINTS
            match.reasons.append(str(reason))
    if Domain.TEAM_EXPERTISE in domains and teacher.team_training:
        match.score += TEAM_POINTS
        match.reasons.append(_("traint teams: past bij de ambitie voor deskundigheid van het team"))
    if Domain.SCHOOL_PROGRAMME in domains and (teacher.single_lessons or teacher.lesson_series):
        match.score += DOMAIN_POINTS
        match.reasons.append(_("geeft lessen: past bij de ambitie voor het schoolprogramma"))
    maker = teacher.maker
    in_district = maker.whole_municipality or any(d.pk == school.district_id for d in maker.districts.all())
    if Domain.CULTURAL_ENVIRONMENT in domains and in_district:
        match.score += DOMAIN_POINTS
        match.reasons.append(
            _("actief in de wijk van de school: past bij de samenwerking met de culturele omgeving")
        )
