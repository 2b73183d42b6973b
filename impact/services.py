"""Every write of the impact app: activities and reach, measurements, goals and themes."""

from __future__ import annotations

import secrets
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from impact.models import Activity, ActivityRole, Goal, ImpactTheme, Indicator, Measurement, Reach


class ImpactError(Exception):
    """A write that the domain refuses; the message is Dutch and shown to the user."""


# What a match becomes (requests.MatchKind -> role of the centre): a co-creation is made together,
# everything else is an existing offer or solution the centre supports or advises on.
ROLE_FOR_MATCH_KIND = {
    "co_creation": ActivityRole.CO_PRODUCED,
    "course": ActivityRole.SUPPORTED,
    "space": ActivityRole.SUPPORTED,
    "custom": ActivityRole.SUPPORTED,
    "knowledge": ActivityRole.SUPPORTED,
}


def _unique_slug(title: str) -> str:
    return f"{slugify(title)[:200] or 'activiteit'}-{secrets.token_hex(3)}"


@transaction.atomic
def activity_create(
    *,
    title: str,
    role: str,
    starts_on,
    by=None,
    districts=(),
    disciplines=(),
    makers=(),
    partners=(),
    themes=(),
    **fields,
) -> Activity:
    if role not in ActivityRole.values:
        raise ImpactError(_("Kies de rol van het centrum."))
    if not title.strip():
        raise ImpactError(_("Geef de activiteit een titel."))
    ends_on = fields.get("ends_on")
    if ends_on and ends_on < starts_on:
        raise ImpactError(_("De einddatum ligt vóór de begindatum."))
    if fields.get("whole_municipality") and not fields.get("municipality"):
        raise ImpactError(_("Kies de gemeente waar de activiteit overal plaatsvindt."))
    activity = Activity.objects.create(
        title=title.strip(), slug=_unique_slug(title), role=role, starts_on=starts_on, created_by=by, **fields
    )
    activity.districts.set(districts)
    activity.disciplines.set(disciplines)
    activity.makers.set(makers)
    activity.partners.set(partners)
    activity.themes.set(themes)
    return activity


def activity_create_from_match(*, match, by=None) -> Activity:
    """Matching creates the activity: one per match, whatever how often this is called."""
    existing = Activity.objects.filter(match=match).first()
    if existing:
        return existing
    request = match.request
    district = request.district
    makers = set()
    if getattr(match, "maker_id", None):
        makers.add(match.maker_id)
    course = getattr(match, "course", None)
    if course is not None and course.maker_id:
        makers.add(course.maker_id)
    co_creation = getattr(match, "co_creation", None)
    if co_creation is not None:
        makers.update(co_creation.makers.values_list("pk", flat=True))
    # The title names the kind and the target, never the asker: activities end up in reports.
    target = match.target_label
    title = f"{match.get_kind_display()}: {target}" if target else str(match.get_kind_display())
    try:
        with transaction.atomic():
            return activity_create(
                title=title[:200],
                role=ROLE_FOR_MATCH_KIND.get(match.kind, ActivityRole.SUPPORTED),
                starts_on=timezone.localdate(),
                by=by or match.created_by,
                description=match.description,
                request=request,
                match=match,
                municipality=district.municipality,
                districts=[] if district.is_central_intake else [district],
                disciplines=list(request.disciplines.values_list("pk", flat=True)),
                makers=makers,
            )
    except IntegrityError:
        # A concurrent call won the unique match: return its activity.
        return Activity.objects.get(match=match)


@transaction.atomic
def reach_record(
    *, activity: Activity, participants: int, visitors: int, pupils: int, new_participants: int = 0, by=None
) -> Reach:
    if min(participants, visitors, pupils, new_participants) < 0:
        raise ImpactError(_("Aantallen kunnen niet negatief zijn."))
    if new_participants > participants:
        raise ImpactError(_("Er kunnen niet meer nieuwe deelnemers zijn dan deelnemers."))
    reach, _created = Reach.objects.update_or_create(
        activity=activity,
        defaults={
            "participants": participants,
            "visitors": visitors,
            "pupils": pupils,
            "new_participants": new_participants,
        },
    )
    return reach


@transaction.atomic
def measurement_record(
    *,
    indicator: Indicator,
    period_start,
    period_end,
    value: Decimal,
    by=None,
    activity: Activity | None = None,
    district=None,
    evidence: str = "",
) -> Measurement:
    if (activity is None) == (district is None):
        raise ImpactError(_("Een meting hoort bij een activiteit of bij een wijk."))
    if period_end < period_start:
        raise ImpactError(_("Het einde van de periode ligt vóór het begin."))
    return Measurement.objects.create(
        indicator=indicator,
        activity=activity,
        district=district,
        period_start=period_start,
        period_end=period_end,
        value=value,
        evidence=evidence.strip(),
        created_by=by,
    )


@transaction.atomic
def goal_record_progress(*, goal: Goal, value: Decimal, evidence: str, by) -> Goal:
    """A hand-measured goal gets its value with evidence; a computed goal follows the data."""
    if goal.is_computed:
        raise ImpactError(_("Deze doelstelling wordt berekend uit de gegevens."))
    if not evidence.strip():
        raise ImpactError(_("Geef het bewijs bij de gemeten waarde."))
    if value < 0:
        raise ImpactError(_("De gemeten waarde kan niet negatief zijn."))
    goal.manual_value = value
    goal.evidence = evidence.strip()
    goal.updated_by = by
    goal.save(update_fields=["manual_value", "evidence", "updated_by", "updated_at"])
    return goal


@transaction.atomic
def theme_update(*, theme: ImpactTheme, name: str, description: str, is_active: bool, by) -> ImpactTheme:
    if not name.strip():
        raise ImpactError(_("Geef het thema een naam."))
    theme.name = name.strip()
    theme.description = description.strip()
    theme.is_active = is_active
    theme.save(update_fields=["name", "description", "is_active"])
    return theme
