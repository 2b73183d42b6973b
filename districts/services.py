import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from cultuur.errors import DomainError
from cultuur.money import format_euros
from districts.models import CultureProfile, District, DistrictBudget, DistrictGrant, Partner, ProfileEdit


class GrantExceedsBudget(DomainError):
    pass


def _log(*, district, action, section, by, old="", new=""):
    ProfileEdit.objects.create(
        district=district, action=action, section=section, old_value=old, new_value=new, by=by
    )


@transaction.atomic
def profile_update(*, district: District, data: dict, by) -> CultureProfile:
    """Save the changed parts of the profile and log each changed part with its old and new text."""
    profile, _created = CultureProfile.objects.select_for_update().get_or_create(district=district)
    changed = []
    for field in CultureProfile.TEXT_FIELDS:
        if field not in data:
            continue
        old, new = getattr(profile, field), (data[field] or "").strip()
        if old != new:
            setattr(profile, field, new)
            changed.append(field)
            label = str(CultureProfile._meta.get_field(field).verbose_name)
            _log(
                district=district, action="districts.profile.changed", section=label, by=by, old=old, new=new
            )
    if changed:
        profile.updated_by = by
        profile.save(update_fields=[*changed, "updated_by", "updated_at"])
    return profile


@transaction.atomic
def partner_save(*, district: District, by, partner: Partner | None = None, **fields) -> Partner:
    created = partner is None
    partner = partner or Partner(district=district)
    for name, value in fields.items():
        setattr(partner, name, value)
    partner.full_clean()
    partner.save()
    action = "districts.partner.added" if created else "districts.partner.changed"
    _log(district=district, action=action, section=str(_("Partners")), by=by, new=partner.name)
    return partner


@transaction.atomic
def partner_delete(*, partner: Partner, by) -> None:
    _log(
        district=partner.district,
        action="districts.partner.removed",
        section=str(_("Partners")),
        by=by,
        old=partner.name,
    )
    partner.delete()


def budget_ensure(*, district: District, year: int) -> DistrictBudget:
    budget, _created = DistrictBudget.objects.get_or_create(
        district=district, year=year, defaults={"amount_cents": settings.DISTRICT_BUDGET_DEFAULT_CENTS}
    )
    return budget


@transaction.atomic
def budget_set(*, district: District, year: int, amount_cents: int, by) -> DistrictBudget:
    budget = budget_ensure(district=district, year=year)
    old = budget.amount_cents
    if old != amount_cents:
        budget.amount_cents = amount_cents
        budget.save(update_fields=["amount_cents"])
        _log(
            district=district,
            action="districts.budget.changed",
            section=str(year),
            by=by,
            old=str(old),
            new=str(amount_cents),
        )
    return budget


@transaction.atomic
def grant_create(
    *,
    district: District,
    initiative: str,
    amount_cents: int,
    granted_on: datetime.date,
    by,
    linked_to: str = "",
    over_budget_reason: str = "",
) -> DistrictGrant:
    """Grant money from the district budget of that year. Going over needs a recorded reason."""
    if amount_cents <= 0:
        raise DomainError(_("Het bedrag moet groter zijn dan nul."))
    budget_ensure(district=district, year=granted_on.year)
    # Lock the budget row: two advisors granting at once must not both see the same remainder.
    budget = DistrictBudget.objects.select_for_update().get(district=district, year=granted_on.year)
    granted = budget.grants.aggregate(total=Sum("amount_cents"))["total"] or 0
    remaining = budget.amount_cents - granted
    reason = over_budget_reason.strip()
    if amount_cents > remaining and not reason:
        raise GrantExceedsBudget(
            _(
                "Deze bijdrage is hoger dan wat er nog in het wijkbudget zit (%(remaining)s). "
                "Geef een reden op om het budget bewust te overschrijden."
            )
            % {"remaining": format_euros(remaining)}
        )
    grant = DistrictGrant.objects.create(
        budget=budget,
        initiative=initiative.strip(),
        amount_cents=amount_cents,
        granted_on=granted_on,
        linked_to=linked_to.strip(),
        decided_by=by,
        over_budget_reason=reason if amount_cents > remaining else "",
    )
    action = "districts.grant.over_budget" if amount_cents > remaining else "districts.grant.created"
    _log(
        district=district,
        action=action,
        section=str(_("Wijkbudget")),
        by=by,
        new=f"{grant.initiative}: {amount_cents}",
        old=reason,
    )
    return grant
