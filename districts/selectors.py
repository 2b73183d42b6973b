import re

from django.conf import settings
from django.db.models import Count, Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.text import slugify

from cultuur.roles import Role, has_role
from districts.models import (
    STAFFED_MINIMUM,
    District,
    DistrictBudget,
    DistrictGrant,
    DistrictTeamMember,
    PostcodeArea,
    ProfileEdit,
)

# "1503 AB", "1503ab", " 1503AB ", "1503": four digits (no leading zero), then optionally two letters.
_POSTCODE = re.compile(r"^([1-9][0-9]{3})\s*([A-Za-z]{2})?$")


def normalise_postcode(raw: str | None) -> str | None:
    """The postcode as "1503 AB" (or "1503" when only digits were given), None when it is not one."""
    match = _POSTCODE.match((raw or "").strip())
    if not match:
        return None
    digits, letters = match.groups()
    return f"{digits} {letters.upper()}" if letters else digits


def central_intake() -> District:
    district = District.objects.filter(is_central_intake=True).first()
    if district is None:
        name = settings.CENTRAL_INTAKE_NAME
        district, _ = District.objects.get_or_create(
            is_central_intake=True, defaults={"name": name, "slug": slugify(name)}
        )
    return district


def district_for_postcode(raw: str | None) -> District:
    """The district a postcode belongs to; the central intake when it is unknown or not a postcode."""
    postcode = normalise_postcode(raw)
    if postcode:
        area = PostcodeArea.objects.select_related("district").filter(code=postcode[:4]).first()
        if area:
            return area.district
    return central_intake()


def with_staffing(queryset: QuerySet[District]) -> QuerySet[District]:
    return queryset.annotate(advisor_count=Count("team_members", distinct=True))


def is_staffed(district: District) -> bool:
    count = getattr(district, "advisor_count", None)
    if count is None:
        count = district.team_members.count()
    return count >= STAFFED_MINIMUM


def district_ids_of(user) -> set[int]:
    """The districts an advisor works in."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_cultuur_district_ids", None)
    if cached is None:
        cached = set(DistrictTeamMember.objects.filter(user=user).values_list("district_id", flat=True))
        user._cultuur_district_ids = cached
    return cached


def districts_visible_to(user) -> QuerySet[District]:
    """Managers and admins see every district, advisors their own, everyone else none."""
    districts = District.objects.select_related("municipality")
    if not user.is_authenticated:
        return districts.none()
    if user.is_superuser or has_role(user, Role.MANAGER):
        return districts
    if has_role(user, Role.ADVISOR):
        return districts.filter(pk__in=district_ids_of(user))
    return districts.none()


def district_overview(user) -> QuerySet[District]:
    """Visible districts with their team and staffing, in a fixed number of queries."""
    team = DistrictTeamMember.objects.select_related("user").order_by("user__first_name", "user__email")
    return with_staffing(districts_visible_to(user)).prefetch_related(
        Prefetch("team_members", queryset=team), "postcode_areas"
    )


def can_edit_district(user, district: District) -> bool:
    """Advisors edit the profile, partners and grants of their own districts; managers only read."""
    return bool(user.is_superuser or (has_role(user, Role.ADVISOR) and district.pk in district_ids_of(user)))


def district_page(user, slug: str) -> District:
    """One visible district with its team, profile and partners loaded; 404 outside the user's scope."""
    team = DistrictTeamMember.objects.select_related("user").order_by("user__first_name", "user__email")
    queryset = (
        with_staffing(districts_visible_to(user))
        .select_related("profile", "profile__updated_by")
        .prefetch_related(Prefetch("team_members", queryset=team), "postcode_areas", "partners")
    )
    return get_object_or_404(queryset, slug=slug)


def budget_summary(district: District, year: int) -> dict:
    """The district budget of `year`: amount, granted, remaining and the grants, in two queries."""
    budget = DistrictBudget.objects.filter(district=district, year=year).first()
    amount = budget.amount_cents if budget else settings.DISTRICT_BUDGET_DEFAULT_CENTS
    grants = list(
        DistrictGrant.objects.filter(budget__district=district, budget__year=year).select_related(
            "decided_by"
        )
    )
    granted = sum(grant.amount_cents for grant in grants)  # the grants are listed on the page anyway
    return {
        "year": year,
        "amount_cents": amount,
        "granted_cents": granted,
        "remaining_cents": amount - granted,
        "over_budget": granted > amount,
        "grants": grants,
    }


def recent_edits(district: District, limit: int = 15):
    return ProfileEdit.objects.filter(district=district).select_related("by")[:limit]
