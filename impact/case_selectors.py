"""Reads of the project bank, scoped to the viewer through one function: `visible_cases`.

Who reads what (decided for issue 17, asserted in tests/impact/test_cases_access.py):
- advisors, managers and Django admins read every case, drafts and "alleen intern" included:
  the bank is the whole municipality's memory, so an advisor learns from other districts too;
- makers, ICCs and funds coordinators read published cases that are not internal;
- anonymous visitors and residents do not read the bank: a bad practice names partners and
  makers, which belongs to the professional field, not to a public page.
Advisors write up cases for their own districts (or without a district); managers and admins all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core.paginator import Page
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Window
from django.utils.translation import gettext as _

from cultuur.paging import CappedPaginator
from cultuur.roles import Role, has_role
from districts.selectors import district_ids_of
from impact.models import Case, CaseStatus, CaseTag
from makers import search
from makers.models import Maker

SIMILAR_LIMIT = 5
# How many cases the "answered before" panel scores at most before keeping the best.
SIMILAR_CANDIDATES = 200
# The words of a request's question that the text similarity uses (the longest ones).
SIMILAR_WORDS = 12


def is_bank_staff(user) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and (user.is_superuser or has_role(user, Role.ADVISOR, Role.MANAGER))
    )


def reads_bank(user) -> bool:
    return bool(
        is_bank_staff(user)
        or (
            getattr(user, "is_authenticated", False)
            and has_role(user, Role.MAKER, Role.ICC, Role.FUNDS_COORDINATOR)
        )
    )


def visible_cases(user) -> QuerySet[Case]:
    cases = Case.objects.all()
    if is_bank_staff(user):
        return cases
    if reads_bank(user):
        return cases.filter(status=CaseStatus.PUBLISHED, internal=False)
    return cases.none()


def editable_cases(user) -> QuerySet[Case]:
    if not is_bank_staff(user):
        return Case.objects.none()
    if user.is_superuser or has_role(user, Role.MANAGER):
        return Case.objects.all()
    return Case.objects.filter(Q(district__isnull=True) | Q(district_id__in=district_ids_of(user)))


def with_list_parts(cases: QuerySet[Case]) -> QuerySet[Case]:
    """What a list row shows, in a fixed number of queries whatever the page size."""
    return (
        cases.select_related("district")
        .prefetch_related("disciplines", "tags")
        .defer("search_vector", "search_text")
    )


def case_detail(user) -> QuerySet[Case]:
    return (
        visible_cases(user)
        .select_related("district", "source_activity", "source_cocreation")
        .prefetch_related(
            "disciplines",
            "tags",
            Prefetch("makers", queryset=Maker.objects.only("pk", "name", "slug", "status")),
        )
    )


def bank_search(user, *, q="", discipline=None, district=None, practice="", tag=None) -> QuerySet[Case]:
    """The bank's list: filters in the database, best match first when searched."""
    cases = visible_cases(user)
    if discipline is not None:
        cases = cases.filter(
            pk__in=Case.disciplines.through.objects.filter(discipline=discipline).values("case_id")
        )
    if district is not None:
        cases = cases.filter(district=district)
    if practice:
        cases = cases.filter(practice=practice)
    if tag is not None:
        cases = cases.filter(pk__in=Case.tags.through.objects.filter(casetag=tag).values("case_id"))
    return with_list_parts(search.search(cases, q))


def bank_page(cases: QuerySet[Case], *, number, per_page: int) -> Page:
    """One page of `cases` with the number of matches counted in the same query (a window count).

    A search reads its matches once for the rank anyway; a separate COUNT would read them again
    (10 of the page's 30 ms at 10,000 cases). Past the last page: the last page, as get_page does.
    """
    try:
        number = max(int(number or 1), 1)
    except (TypeError, ValueError):
        number = 1
    offset = (number - 1) * per_page
    rows = list(cases.annotate(full_count=Window(Count("pk")))[offset : offset + per_page])
    paginator = CappedPaginator(cases, per_page)
    if rows or number == 1:
        paginator.__dict__["_counted"] = rows[0].full_count if rows else 0
        return Page(rows, number, paginator)
    return paginator.get_page(paginator.num_pages)


def tags_in_use(user) -> QuerySet[CaseTag]:
    """The filter's tags: staff all of them, readers those on a case they can read.

    An EXISTS per tag (the tags are few), not a DISTINCT join over every case: 1 ms, not 40, at 10,000.
    """
    tags = CaseTag.objects.order_by("name")
    if is_bank_staff(user):
        return tags
    used = Case.tags.through.objects.filter(casetag=OuterRef("pk"), case__in=visible_cases(user))
    return tags.filter(Exists(used))


@dataclass
class SimilarCase:
    case: Case
    score: float
    reasons: list[str] = field(default_factory=list)


def _question_words(text: str) -> list[str]:
    words = [w for w in re.findall(r"\w+", (text or "").lower()) if w not in search.DUTCH_STOP_WORDS]
    words = [w for w in dict.fromkeys(words) if len(w) >= search.MIN_PREFIX_LENGTH and not w.isdigit()]
    return sorted(words, key=lambda w: (-len(w), w))[:SIMILAR_WORDS]


def _text_ranks(cases: QuerySet[Case], words: list[str]) -> dict[int, float]:
    """{case pk: text similarity 0..1} for the cases that share words with the question."""
    if not words:
        return {}
    if search.use_full_text():
        from django.contrib.postgres.search import SearchQuery, SearchRank
        from django.db.models import F

        tsquery = search.dutch_tsquery(" or ".join(words))
        if not tsquery:
            return {}
        query = SearchQuery(tsquery, config="simple", search_type="raw")
        rows = (
            cases.filter(search_vector=query)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank")
            .values_list("pk", "rank")[:SIMILAR_CANDIDATES]
        )
        ranks = dict(rows)
        top = max(ranks.values(), default=0) or 1
        return {pk: rank / top for pk, rank in ranks.items()}
    # SQLite: the share of the question's words that a case contains (in any Dutch form).
    hits: dict[int, int] = {}
    for word in words:
        for pk in search.stemmed_search(cases, word).values_list("pk", flat=True)[:SIMILAR_CANDIDATES]:
            hits[pk] = hits.get(pk, 0) + 1
    return {pk: n / len(words) for pk, n in hits.items()}


def similar_cases(
    user, *, question: str, discipline_ids, district_id=None, culture_type="", exclude_request_id=None
) -> list[SimilarCase]:
    """Published cases like a new question, best first, each with why it is similar.

    Shared discipline counts 3 per discipline, the same district 2, the same culture type 1 and
    the text similarity up to 4, so a case about the same art form in the same district leads.
    """
    discipline_ids = set(discipline_ids)
    cases = visible_cases(user).filter(status=CaseStatus.PUBLISHED)
    if exclude_request_id:
        cases = cases.exclude(source_request_id=exclude_request_id)
    ranks = _text_ranks(cases, _question_words(question))
    related = Q(pk__in=list(ranks))
    if discipline_ids:
        related |= Q(
            pk__in=Case.disciplines.through.objects.filter(discipline_id__in=discipline_ids).values("case_id")
        )
    if district_id:
        related |= Q(district_id=district_id)
    if culture_type:
        related |= Q(culture_type=culture_type)
    candidates = with_list_parts(cases.filter(related)).order_by("-published_at", "-id")[:SIMILAR_CANDIDATES]
    scored = []
    for case in candidates:
        reasons, score = [], 0.0
        shared = [d for d in case.disciplines.all() if d.pk in discipline_ids]
        if shared:
            score += 3 * len(shared)
            names = ", ".join(d.label for d in shared)
            reasons.append(_("zelfde discipline: %(names)s") % {"names": names})
        if district_id and case.district_id == district_id:
            score += 2
            reasons.append(_("zelfde wijk: %(name)s") % {"name": case.district.name})
        if culture_type and case.culture_type == culture_type:
            score += 1
            reasons.append(_("zelfde cultuurtype: %(type)s") % {"type": case.get_culture_type_display()})
        rank = ranks.get(case.pk, 0)
        if rank:
            score += 4 * rank
            reasons.append(_("lijkt op de vraag (tekst, %(percent)s%%)") % {"percent": round(rank * 100)})
        if reasons:
            scored.append(SimilarCase(case=case, score=round(score, 2), reasons=reasons))
    scored.sort(key=lambda s: (-s.score, -(s.case.pk)))
    return scored[:SIMILAR_LIMIT]
