"""Every write in the schools app: `<noun>_<verb>(*, ..., by)`, one transaction each.

Services check who may act (PermissionDenied, answered with 403) and the state of the object
(SchoolsError, a Dutch message shown to the user).
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cultuur.audit import audit_record
from schools import workflow
from schools.models import (
    Ambition,
    BudgetLine,
    CmkPlan,
    CoCreationSchool,
    CultureTypeRecord,
    Milestone,
    MonitoringEntry,
    PlanEvent,
    School,
)
from schools.models.choices import APPROACHES_BY_CULTURE_TYPE
from schools.school_year import SchoolYear
from schools.selectors import is_account_holder, is_icc_of


class SchoolsError(Exception):
    """A domain rule refused the change; the message is Dutch and meant for the user."""


def _log(plan: CmkPlan, action: str, by, *, from_status="", to_status="", comment="") -> None:
    PlanEvent.objects.create(
        plan=plan,
        action=f"schools.plan.{action}",
        by=by,
        from_status=from_status,
        to_status=to_status,
        comment=comment,
    )
    detail = {"from": from_status, "to": to_status} if from_status or to_status else {}
    audit_record(action=f"schools.plan.{action}", by=by, target=plan, detail=detail)


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


# Culture type -----------------------------------------------------------------------------------
@transaction.atomic
def culture_type_record(*, school: School, year: SchoolYear, culture_type: str, by) -> CultureTypeRecord:
    _require(is_account_holder(by, school) or by.is_superuser)
    record, _created = CultureTypeRecord.objects.update_or_create(
        school=school, school_year=year.start_year, defaults={"culture_type": culture_type, "recorded_by": by}
    )
    return record


def culture_type_for(school: School, year: SchoolYear) -> str | None:
    """The type recorded for `year`, else the most recent one before it."""
    return (
        CultureTypeRecord.objects.filter(school=school, school_year__lte=year.start_year)
        .order_by("-school_year")
        .values_list("culture_type", flat=True)
        .first()
    )


# Plans --------------------------------------------------------------------------------------------
def _require_editable(plan: CmkPlan, by) -> None:
    _require(is_icc_of(by, plan.school))
    if not plan.is_editable:
        raise SchoolsError(
            _(
                "Dit plan is %(status)s en kan niet meer worden gewijzigd, tenzij de accounthouder het terugstuurt."
            )
            % {"status": plan.get_status_display()}
        )


@transaction.atomic
def plan_start(*, school: School, year: SchoolYear, by) -> CmkPlan:
    _require(is_icc_of(by, school) or is_account_holder(by, school))
    plan, created = CmkPlan.objects.get_or_create(school=school, school_year=year.start_year)
    if created:
        _log(plan, "created", by, to_status=plan.status)
    return plan


@transaction.atomic
def plan_update(*, plan: CmkPlan, vision: str, by) -> CmkPlan:
    plan = CmkPlan.objects.select_for_update().select_related("school").get(pk=plan.pk)
    _require_editable(plan, by)
    if plan.vision != vision:
        plan.vision = vision
        plan.save(update_fields=["vision", "updated_at"])
        _log(plan, "vision_changed", by, comment=vision[:500])
    return plan


def _check_approach(plan: CmkPlan, approach: str) -> None:
    culture_type = culture_type_for(plan.school, plan.year)
    if culture_type and approach not in APPROACHES_BY_CULTURE_TYPE[culture_type]:
        raise ValidationError(
            {
                "approach": _("Deze aanpak past niet bij het cultuurtype van de school in %(year)s.")
                % {"year": plan.year}
            }
        )


@transaction.atomic
def ambition_save(*, plan: CmkPlan, by, ambition: Ambition | None = None, **fields) -> Ambition:
    _require_editable(plan, by)
    _check_approach(plan, fields.get("approach", ambition.approach if ambition else ""))
    is_new = ambition is None
    ambition = ambition or Ambition(plan=plan)
    for name, value in fields.items():
        setattr(ambition, name, value)
    ambition.full_clean()
    ambition.save()
    _log(plan, "ambition_added" if is_new else "ambition_changed", by, comment=str(ambition))
    return ambition


@transaction.atomic
def ambition_delete(*, ambition: Ambition, by) -> None:
    plan = ambition.plan
    _require_editable(plan, by)
    _log(plan, "ambition_removed", by, comment=str(ambition))
    ambition.delete()


@transaction.atomic
def milestone_add(*, plan: CmkPlan, title: str, due_date: date, by) -> Milestone:
    _require_editable(plan, by)
    if not plan.year.contains(due_date):
        raise ValidationError(
            {"due_date": _("De datum moet in schooljaar %(year)s liggen.") % {"year": plan.year}}
        )
    milestone = Milestone(plan=plan, title=title, due_date=due_date)
    milestone.full_clean()
    milestone.save()
    _log(plan, "milestone_added", by, comment=f"{due_date:%d-%m-%Y} {title}")
    return milestone


@transaction.atomic
def milestone_delete(*, milestone: Milestone, by) -> None:
    _require_editable(milestone.plan, by)
    _log(milestone.plan, "milestone_removed", by, comment=milestone.title)
    milestone.delete()


def _transition(plan: CmkPlan, action: str, by) -> str:
    if not workflow.can_transition(plan.status, action):
        raise SchoolsError(_("Dat kan niet: het plan is %(status)s.") % {"status": plan.get_status_display()})
    old = plan.status
    plan.status = workflow.TRANSITIONS[action][1]
    return old


@transaction.atomic
def plan_submit(*, plan: CmkPlan, by) -> CmkPlan:
    plan = CmkPlan.objects.select_for_update().select_related("school").get(pk=plan.pk)
    _require(is_icc_of(by, plan.school))
    if not plan.vision.strip():
        raise SchoolsError(_("Beschrijf eerst de visie (waarom) voordat u het plan indient."))
    if not plan.ambitions.exists():
        raise SchoolsError(_("Voeg eerst minstens één ambitie toe voordat u het plan indient."))
    old = _transition(plan, "submit", by)
    plan.submitted_at = timezone.now()
    plan.save(update_fields=["status", "submitted_at", "updated_at"])
    _log(plan, "submitted", by, from_status=old, to_status=plan.status)
    return plan


@transaction.atomic
def plan_agree(*, plan: CmkPlan, by) -> CmkPlan:
    plan = CmkPlan.objects.select_for_update().select_related("school").get(pk=plan.pk)
    _require(is_account_holder(by, plan.school))
    old = _transition(plan, "agree", by)
    plan.agreed_at, plan.agreed_by = timezone.now(), by
    plan.save(update_fields=["status", "agreed_at", "agreed_by", "updated_at"])
    _log(plan, "agreed", by, from_status=old, to_status=plan.status)
    return plan


@transaction.atomic
def plan_send_back(*, plan: CmkPlan, comments: str, by) -> CmkPlan:
    plan = CmkPlan.objects.select_for_update().select_related("school").get(pk=plan.pk)
    _require(is_account_holder(by, plan.school))
    if not comments.strip():
        raise SchoolsError(_("Schrijf erbij waarom u het plan terugstuurt."))
    old = _transition(plan, "send_back", by)
    plan.review_comments = comments.strip()
    plan.agreed_at, plan.agreed_by = None, None
    plan.save(update_fields=["status", "review_comments", "agreed_at", "agreed_by", "updated_at"])
    _log(plan, "sent_back", by, from_status=old, to_status=plan.status, comment=plan.review_comments)
    return plan


# Budget lines -------------------------------------------------------------------------------------
BUDGET_LINE_FIELDS = (
    "description",
    "planned_date",
    "hours",
    "hourly_rate_cents",
    "fixed_amount_cents",
    "invoiced_amount_cents",
    "invoiced_on",
    "paid_on",
)


def _may_book(by, school: School) -> bool:
    return is_icc_of(by, school) or is_account_holder(by, school)


@transaction.atomic
def budget_line_create(*, school: School, year: SchoolYear, by, **fields) -> BudgetLine:
    _require(_may_book(by, school))
    line = _save_line(BudgetLine(school=school, school_year=year.start_year, created_by=by), fields)
    _audit_line("schools.budget_line.created", line, by)
    return line


@transaction.atomic
def budget_line_update(*, line: BudgetLine, by, **fields) -> BudgetLine:
    _require(_may_book(by, line.school))
    fields.pop("school", None)  # a line never moves to another school
    fields.pop("school_year", None)
    line = _save_line(line, fields)
    _audit_line("schools.budget_line.changed", line, by)
    return line


def _save_line(line: BudgetLine, fields: dict) -> BudgetLine:
    for name, value in fields.items():
        if name not in BUDGET_LINE_FIELDS and name not in {"maker", "co_creation"}:
            raise ValueError(f"unknown budget line field {name}")
        setattr(line, name, value)
    # A maker line without a rate takes the maker's own hourly rate.
    if (
        line.maker_id
        and line.hours is not None
        and line.hourly_rate_cents is None
        and line.fixed_amount_cents is None
    ):
        line.hourly_rate_cents = line.maker.rate_per_hour_cents
    line.full_clean()
    line.save()
    return line


def _audit_line(action: str, line: BudgetLine, by) -> None:
    # Money is booked against a school's budget: keep who did what in the platform's audit log.
    detail = {
        "school": line.school_id,
        "planned_amount_cents": line.planned_amount_cents,
        "invoiced_amount_cents": line.invoiced_amount_cents,
    }
    audit_record(action=action, by=by, target=line, detail=detail)


@transaction.atomic
def budget_line_delete(*, line: BudgetLine, by) -> None:
    _require(_may_book(by, line.school))
    if line.invoiced_amount_cents is not None:
        raise SchoolsError(_("Een gefactureerde regel kan niet worden verwijderd."))
    _audit_line("schools.budget_line.deleted", line, by)
    line.delete()


# Monitoring ---------------------------------------------------------------------------------------
@transaction.atomic
def monitoring_entry_create(*, school: School, by, **fields) -> MonitoringEntry:
    _require(is_account_holder(by, school))
    entry = MonitoringEntry(school=school, author=by, **fields)
    if entry.date and not entry.school_year:
        try:
            entry.school_year = SchoolYear.for_date(entry.date).start_year
        except ValueError:
            raise ValidationError({"date": _("Kies een datum tussen 2000 en 2100.")}) from None
    entry.full_clean()
    entry.save()
    return entry


# Co-creations ------------------------------------------------------------------------------------
def _may_link(by, school: School) -> bool:
    return is_account_holder(by, school) or by.is_superuser


@transaction.atomic
def co_creation_school_add(*, co_creation, school: School, by) -> CoCreationSchool:
    _require(_may_link(by, school))
    if co_creation.status == co_creation.Status.ARCHIVED:
        raise SchoolsError(_("Een gearchiveerde co-creatie krijgt geen nieuwe scholen."))
    link, _created = CoCreationSchool.objects.get_or_create(
        co_creation=co_creation, school=school, defaults={"added_by": by}
    )
    return link


@transaction.atomic
def co_creation_school_remove(*, co_creation, school: School, by) -> None:
    _require(_may_link(by, school))
    co_creation = type(co_creation).objects.select_for_update().get(pk=co_creation.pk)
    links = CoCreationSchool.objects.select_for_update().filter(co_creation=co_creation)
    if co_creation.status in co_creation.PUBLIC_STATUSES and links.count() <= co_creation.MIN_SCHOOLS:
        raise SchoolsError(_("Een lopende co-creatie houdt minstens twee scholen."))
    links.filter(school=school).delete()


@transaction.atomic
def co_creation_activate(*, co_creation, by):
    """Start a co-creation: this app checks the two schools, makers checks the two makers."""
    from makers.services import DirectoryError, cocreation_activate

    schools = CoCreationSchool.objects.select_for_update().filter(co_creation=co_creation).count()
    if schools < co_creation.MIN_SCHOOLS:
        raise SchoolsError(_("Een co-creatie heeft minstens twee scholen."))
    try:
        return cocreation_activate(cocreation=co_creation, by=by, school_count=schools)
    except DirectoryError as error:
        raise SchoolsError(str(error)) from error
