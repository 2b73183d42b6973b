"""Likely duplicate or related questions, each with why it matches.

Three reasons: the same e-mail address, the same organisation, or a similar question in the same
district. On PostgreSQL the text is compared with pg_trgm's similarity() (migration 0008 adds the
extension); on SQLite, by the share of meaningful words two questions have in common. The text is
compared with the same district's newest CANDIDATE_LIMIT requests of the last year on both, so the
cost is bounded whatever the number of requests.
"""

import re
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from requests.models import SYSTEM_LABEL, CultureRequest, RequestEvent
from requests.workflow import ACTION_FLAGGED, Status

TRIGRAM_THRESHOLD = 0.35
WORD_OVERLAP_THRESHOLD = 0.4
CANDIDATE_LIMIT = 300
LOOKBACK = timedelta(days=365)
SHOWN = 10
# Short words say nothing about what a question is about.
_WORD = re.compile(r"\w{4,}")


@dataclass
class Duplicate:
    request: CultureRequest
    reasons: list[str] = field(default_factory=list)
    score: float = 0.0


def _words(text: str) -> set[str]:
    return {word.lower() for word in _WORD.findall(text or "")}


def word_overlap(a: str, b: str) -> float:
    """The share of words two texts have in common (Jaccard), 0..1."""
    left, right = _words(a), _words(b)
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


def _candidates(culture_request, scope):
    since = timezone.now() - LOOKBACK
    return (
        scope.filter(district_id=culture_request.district_id, created_at__gte=since)
        .exclude(pk=culture_request.pk)
        .exclude(status=Status.MERGED)
        .filter(anonymised_at__isnull=True)
    )


def _similar_text_ids(culture_request, candidates) -> dict[int, float]:
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import TrigramSimilarity

        # Only the newest candidates are compared, as on SQLite: similarity() over every question
        # of a district's year cost a second at 1,000,000 requests. Their ids are read first: as
        # a subquery, PostgreSQL could still choose to compute similarity() for every row of the
        # table and join afterwards (it did at 10,000 requests: 220 ms).
        newest = list(candidates.order_by("-created_at").values_list("pk", flat=True)[:CANDIDATE_LIMIT])
        if not newest:
            return {}
        rows = (
            CultureRequest.objects.filter(pk__in=newest)
            .annotate(similarity=TrigramSimilarity("question", culture_request.question))
            .filter(similarity__gte=TRIGRAM_THRESHOLD)
            .order_by("-similarity")
            .values_list("pk", "similarity")[:SHOWN]
        )
        return dict(rows)
    rows = candidates.order_by("-created_at").values_list("pk", "question")[:CANDIDATE_LIMIT]
    scores = {pk: word_overlap(culture_request.question, text) for pk, text in rows}
    return {pk: score for pk, score in scores.items() if score >= WORD_OVERLAP_THRESHOLD}


def duplicates_of(culture_request, scope) -> list[Duplicate]:
    """Likely duplicates of `culture_request` among `scope` (the viewer's visible requests): four
    queries at most whatever the number of candidates."""
    candidates = _candidates(culture_request, scope)
    found: dict[int, Duplicate] = {}
    email = (culture_request.requester_email or "").strip()
    organisation = (culture_request.organisation or "").strip()
    same = Q()
    if email:
        same |= Q(requester_email__iexact=email)
    if organisation:
        same |= Q(organisation__iexact=organisation)
    matches = list(candidates.filter(same).select_related("district")[:SHOWN]) if same else []
    texts = _similar_text_ids(culture_request, candidates)
    missing = [pk for pk in texts if pk not in {m.pk for m in matches}]
    if missing:
        matches += list(candidates.filter(pk__in=missing).select_related("district"))
    for other in matches:
        duplicate = found.setdefault(other.pk, Duplicate(request=other))
        if email and other.requester_email.lower() == email.lower():
            duplicate.reasons.append(_("zelfde e-mailadres"))
            duplicate.score += 1
        if organisation and other.organisation.strip().lower() == organisation.lower():
            duplicate.reasons.append(_("zelfde organisatie"))
            duplicate.score += 1
        if other.pk in texts:
            duplicate.reasons.append(
                _("lijkende vraag (%(percent)s%% overeenkomst)") % {"percent": round(100 * texts[other.pk])}
            )
            duplicate.score += texts[other.pk]
    return sorted(found.values(), key=lambda d: (-d.score, -d.request.pk))[:SHOWN]


def duplicates_flag(*, request_id: int) -> list[str]:
    """At intake: note the likely duplicates on the new request's timeline (staff only see it) and
    return their references. Run by a task after the form's commit; a rerun adds nothing."""
    culture_request = CultureRequest.objects.select_related("district").filter(pk=request_id).first()
    if culture_request is None or culture_request.flagged_duplicate:
        return []
    found = duplicates_of(culture_request, CultureRequest.objects.all())
    if not found:
        return []
    lines = [f"{d.request.reference}: {', '.join(d.reasons)}" for d in found]
    with transaction.atomic():
        CultureRequest.objects.filter(pk=culture_request.pk).update(flagged_duplicate=True)
        RequestEvent.objects.create(
            request=culture_request,
            action=ACTION_FLAGGED,
            actor_label=SYSTEM_LABEL,
            note=_("Mogelijk dezelfde of een verwante vraag:") + "\n" + "\n".join(lines),
        )
    return [d.request.reference for d in found]
