import re

from django.conf import settings
from django.db.models import Count, Prefetch, QuerySet
from django.utils.text import slugify

from cultuur.roles import Role, has_role
from districts.models import STAFFED_MINIMUM, District, DistrictTeamMember, PostcodeArea

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
