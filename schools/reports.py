"""The manager overview: figures over the visible schools, each table also exported as CSV.

Every table is a handful of aggregate queries, whatever the number of schools or lines.
"""

from collections import defaultdict

from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from schools.links import partnership_school_ids
from schools.models import BudgetLine, CmkPlan, CultureTypeRecord
from schools.models.choices import CultureType, PlanStatus
from schools.school_year import SchoolYear
from schools.selectors import amounts_per_group, visible_schools

PARTNERSHIP_GOAL_PERCENT = 80  # the seed: partnerships with a maker at 80% of the schools


def culture_types_by_year(user, years: list[SchoolYear]) -> dict:
    schools = visible_schools(user)
    counts = (
        CultureTypeRecord.objects.filter(school__in=schools, school_year__in=[y.start_year for y in years])
        .values("school_year", "culture_type")
        .annotate(n=Count("pk"))
    )
    table = {y.start_year: dict.fromkeys(CultureType.values, 0) for y in years}
    for row in counts:
        table[row["school_year"]][row["culture_type"]] = row["n"]
    header = [_("Schooljaar"), *[label for _value, label in CultureType.choices], _("Totaal")]
    rows = [
        [
            SchoolYear(year).label,
            *[table[year][value] for value in CultureType.values],
            sum(table[year].values()),
        ]
        for year in sorted(table)
    ]
    return {"title": _("Scholen per cultuurtype per schooljaar"), "header": header, "rows": rows}


def plans_not_agreed(user, year: SchoolYear) -> dict:
    schools = (
        visible_schools(user)
        .values(
            "pk",
            "name",
            "board__name",
            "municipality__name",
            "account_holder__first_name",
            "account_holder__last_name",
        )
        .order_by("name")
    )
    statuses = dict(
        CmkPlan.objects.filter(school__in=visible_schools(user), school_year=year.start_year).values_list(
            "school_id", "status"
        )
    )
    labels = dict(PlanStatus.choices)
    rows = []
    for school in schools:
        status = statuses.get(school["pk"])
        if status == PlanStatus.AGREED:
            continue
        holder = f"{school['account_holder__first_name'] or ''} {school['account_holder__last_name'] or ''}".strip()
        rows.append(
            [
                school["name"],
                school["board__name"],
                school["municipality__name"],
                holder or "–",
                labels[status] if status else _("geen plan"),
            ]
        )
    return {
        "title": _("Plannen die ontbreken of nog geen akkoord hebben (%(year)s)") % {"year": year.label},
        "header": [_("School"), _("Bestuur"), _("Gemeente"), _("Accounthouder"), _("Status")],
        "rows": rows,
    }


def budget_by(user, year: SchoolYear, key: str) -> dict:
    """Allocated, planned and spent per board (key="board") or municipality (key="municipality")."""
    amount = amounts_per_group([year])[year.start_year]
    schools = visible_schools(user)
    groups = schools.values(f"{key}__name").annotate(groups=Sum("class_groups"), n=Count("pk"))
    lines = (
        BudgetLine.objects.filter(school__in=schools, school_year=year.start_year)
        .values(f"school__{key}__name")
        .annotate(planned=Sum("planned_amount_cents"), spent=Sum("invoiced_amount_cents"))
    )
    totals = defaultdict(lambda: {"n": 0, "allocated": 0, "planned": 0, "spent": 0})
    for row in groups:
        totals[row[f"{key}__name"]].update(n=row["n"], allocated=(row["groups"] or 0) * amount)
    for row in lines:
        totals[row[f"school__{key}__name"]].update(planned=row["planned"] or 0, spent=row["spent"] or 0)
    rows = [
        [name, t["n"], t["allocated"], t["planned"], t["spent"], max(0, t["planned"] - t["allocated"])]
        for name, t in sorted(totals.items())
    ]
    label = _("Bestuur") if key == "board" else _("Gemeente")
    title = _("Ontwikkelbudget per bestuur") if key == "board" else _("Ontwikkelbudget per gemeente")
    return {
        "title": f"{title} ({year.label})",
        "header": [label, _("Scholen"), _("Toegekend"), _("Gepland"), _("Gefactureerd"), _("Boven budget")],
        "rows": rows,
        "money_columns": {2, 3, 4, 5},
    }


def partnership_share(user, year: SchoolYear) -> dict:
    schools = visible_schools(user)
    total = schools.count()
    with_partner = len(partnership_school_ids(schools, year))
    share = round(100 * with_partner / total) if total else 0
    return {
        "title": _("Scholen met een cultuurmaker als partner (%(year)s)") % {"year": year.label},
        "header": [_("Scholen"), _("Met cultuurmaker"), _("Aandeel (%)"), _("Doel (%)")],
        "rows": [[total, with_partner, share, PARTNERSHIP_GOAL_PERCENT]],
        "share": share,
    }


TABLES = {
    "cultuurtypes": lambda user, year: culture_types_by_year(
        user, [SchoolYear(year.start_year - i) for i in range(4, -1, -1)]
    ),
    "plannen": plans_not_agreed,
    "budget-besturen": lambda user, year: budget_by(user, year, "board"),
    "budget-gemeenten": lambda user, year: budget_by(user, year, "municipality"),
    "partnerschappen": partnership_share,
}
