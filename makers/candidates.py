"""Rank published makers, courses, venues and co-creations for a culture request.

The requests app calls these with what it knows about a request; every candidate carries the
reasons it was proposed, in Dutch, so an advisor can see why and the asker can be told.
"""

from dataclasses import dataclass, field

from django.db.models import Model, Q
from django.utils.translation import gettext as _

from cultuur.money import format_euros
from makers.models import Discipline
from makers.selectors import published_cocreations, published_courses, published_makers, published_venues

DEFAULT_LIMIT = 10
# How many rows are scored in Python: enough for a municipality, bounded for the page.
POOL_SIZE = 300


@dataclass
class Candidate:
    obj: Model
    score: int = 0
    reasons: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.obj._meta.model_name

    def add(self, points: int, reason: str) -> None:
        self.score += points
        self.reasons.append(reason)


def _pk(value):
    if value is None or value == "":
        return None
    return value.pk if isinstance(value, Model) else value


def _discipline_id(discipline):
    if isinstance(discipline, str) and not discipline.isdigit():
        return Discipline.objects.filter(slug=discipline).values_list("pk", flat=True).first()
    return _pk(discipline)


def _ranked(candidates: list[Candidate], limit: int) -> list[Candidate]:
    candidates.sort(key=lambda c: (-c.score, str(c.obj)))
    return candidates[:limit]


def maker_candidates(
    *,
    discipline=None,
    district=None,
    age: int | None = None,
    language: str | None = None,
    budget_cents: int | None = None,
    education: bool | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[Candidate]:
    """Published makers in the discipline who work in the district (or the whole municipality)."""
    discipline_id = _discipline_id(discipline)
    district_id = _pk(district)
    makers = published_makers()
    if discipline_id:
        makers = makers.filter(disciplines=discipline_id)
    if district_id:
        makers = makers.filter(Q(districts=district_id) | Q(whole_municipality=True))
    candidates = []
    for maker in makers.distinct()[:POOL_SIZE]:
        candidate = Candidate(maker)
        if discipline_id:
            name = next((d.label for d in maker.disciplines.all() if d.pk == discipline_id), "")
            candidate.add(3, _("Werkt in de discipline %(name)s.") % {"name": name})
        if district_id:
            district_names = {d.pk: d.name for d in maker.districts.all()}
            if district_id in district_names:
                candidate.add(3, _("Actief in de wijk %(name)s.") % {"name": district_names[district_id]})
            else:
                candidate.add(1, _("Actief in de hele gemeente."))
        if age is not None and maker.age_min is not None and maker.age_max is not None:
            if maker.age_min <= age <= maker.age_max:
                candidate.add(
                    2,
                    _("Werkt met de leeftijd %(min)s tot en met %(max)s jaar.")
                    % {"min": maker.age_min, "max": maker.age_max},
                )
            else:
                candidate.score -= 2
        if language:
            names = {lang.code: lang.label for lang in maker.languages.all()}
            if language in names:
                candidate.add(2, _("Spreekt %(language)s.") % {"language": names[language]})
        if budget_cents is not None and maker.rate_per_hour_cents is not None:
            if maker.rate_per_hour_cents <= budget_cents:
                candidate.add(
                    1,
                    _("Uurtarief %(rate)s past in het budget.")
                    % {"rate": format_euros(maker.rate_per_hour_cents)},
                )
            else:
                candidate.score -= 3
        if education and maker.works_in_education:
            candidate.add(2, _("Heeft ervaring in het onderwijs."))
        candidates.append(candidate)
    return _ranked(candidates, limit)


def course_candidates(
    *,
    discipline=None,
    district=None,
    age: int | None = None,
    budget_cents: int | None = None,
    reduced_price: bool = False,
    limit: int = DEFAULT_LIMIT,
) -> list[Candidate]:
    """Published courses in the discipline that fit the age and budget, nearby ones first."""
    discipline_id = _discipline_id(discipline)
    district_id = _pk(district)
    courses = published_courses()
    if discipline_id:
        courses = courses.filter(discipline_id=discipline_id)
    if age is not None:
        courses = courses.filter(age_min__lte=age, age_max__gte=age)
    candidates = []
    for course in courses[:POOL_SIZE]:
        candidate = Candidate(course)
        if discipline_id:
            candidate.add(3, _("Cursus in de discipline %(name)s.") % {"name": course.discipline.label})
        if age is not None:
            candidate.add(
                2,
                _("Voor %(min)s tot en met %(max)s jaar.") % {"min": course.age_min, "max": course.age_max},
            )
        if district_id and course.venue_id and course.venue.district_id == district_id:
            candidate.add(3, _("Vindt plaats in de wijk %(name)s.") % {"name": course.venue.district.name})
        price = course.price_cents
        if reduced_price and course.reduced_price_cents is not None:
            price = course.reduced_price_cents
            candidate.add(1, _("Heeft een lagere prijs met stadspas."))
        if budget_cents is not None:
            if price <= budget_cents:
                candidate.add(1, _("Prijs %(price)s past in het budget.") % {"price": format_euros(price)})
            else:
                candidate.score -= 3
        if course.places_left > 0:
            candidate.add(1, _("Er zijn nog %(n)s plaatsen vrij.") % {"n": course.places_left})
        else:
            candidate.score -= 5
        candidates.append(candidate)
    return _ranked(candidates, limit)


def venue_candidates(
    *, district=None, people: int | None = None, kind: str | None = None, limit: int = DEFAULT_LIMIT
) -> list[Candidate]:
    district_id = _pk(district)
    venues = published_venues()
    if people:
        venues = venues.filter(capacity__gte=people)
    if kind:
        venues = venues.filter(kind=kind)
    candidates = []
    for venue in venues[:POOL_SIZE]:
        candidate = Candidate(venue)
        if district_id and venue.district_id == district_id:
            candidate.add(3, _("Ligt in de wijk %(name)s.") % {"name": venue.district.name})
        if people:
            candidate.add(1, _("Biedt plaats aan %(n)s personen.") % {"n": venue.capacity})
        if kind:
            candidate.add(1, _("Soort locatie: %(kind)s.") % {"kind": venue.get_kind_display()})
        candidates.append(candidate)
    return _ranked(candidates, limit)


def cocreation_candidates(*, discipline=None, limit: int = DEFAULT_LIMIT) -> list[Candidate]:
    """Co-creations whose material a school can reuse."""
    discipline_id = _discipline_id(discipline)
    cocreations = published_cocreations()
    if discipline_id:
        cocreations = cocreations.filter(disciplines=discipline_id)
    candidates = []
    for cocreation in cocreations.distinct()[:POOL_SIZE]:
        candidate = Candidate(cocreation)
        if discipline_id:
            candidate.add(3, _("Co-creatie in deze discipline."))
        if cocreation.reusable_material:
            candidate.add(2, _("Heeft herbruikbaar materiaal voor scholen."))
        candidates.append(candidate)
    return _ranked(candidates, limit)
