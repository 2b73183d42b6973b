"""Ranked proposals for a request: makers and courses, each with the reasons it was proposed.

The makers app owns the directory and its ranking (makers.candidates: maker_candidates,
course_candidates, published only); this module translates a culture request into its inputs
and merges the results over the request's disciplines.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from makers.candidates import course_candidates, maker_candidates
from requests.models import AgeGroup, Barrier

# A representative age for each age group, for the makers' age ranges.
AGE_FOR_GROUP = {
    AgeGroup.CHILDREN: 8,
    AgeGroup.YOUTH: 15,
    AgeGroup.ADULTS: 35,
    AgeGroup.SENIORS: 70,
}
MAX_DISCIPLINES = 3


@dataclass
class Proposal:
    kind: str  # "maker" or "course"
    target: object
    score: int
    reasons: list[str] = field(default_factory=list)

    @property
    def match_kind(self) -> str:
        return "course" if self.kind == "course" else "co_creation"


def _merge(found: dict, candidates, kind: str) -> None:
    for candidate in candidates:
        key = (kind, candidate.obj.pk)
        best = found.get(key)
        if best is None or candidate.score > best.score:
            found[key] = Proposal(kind, candidate.obj, candidate.score, list(candidate.reasons))


def proposals_for(culture_request, limit: int = 10) -> list[Proposal]:
    """Published makers and courses for this request, best first, with the reasons why."""
    disciplines = list(culture_request.disciplines.all()[:MAX_DISCIPLINES]) or [None]
    age = AGE_FOR_GROUP.get(culture_request.age_group)
    language = culture_request.contact_language if culture_request.contact_language != "other" else None
    reduced = Barrier.COST in (culture_request.barriers or [])
    found: dict = {}
    for discipline in disciplines:
        _merge(
            found,
            maker_candidates(
                discipline=discipline,
                district=None if culture_request.district.is_central_intake else culture_request.district,
                age=age,
                language=language,
                budget_cents=culture_request.budget_cents,
                education=culture_request.requester_kind == "school",
                limit=limit,
            ),
            "maker",
        )
        _merge(
            found,
            course_candidates(
                discipline=discipline,
                district=None if culture_request.district.is_central_intake else culture_request.district,
                age=age,
                budget_cents=culture_request.budget_cents,
                reduced_price=reduced,
                limit=limit,
            ),
            "course",
        )
    proposals = sorted(found.values(), key=lambda p: (-p.score, str(p.target)))[:limit]
    for proposal in proposals:
        if not proposal.reasons:
            proposal.reasons.append(_("Gepubliceerd in de gids; geen specifieke overeenkomst gevonden."))
    return proposals
