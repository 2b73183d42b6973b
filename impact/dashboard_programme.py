"""Dashboard figures on schools, money, impact and goals (the requests and reach figures are in
impact.dashboard). Aggregates in the database; Python only loops over aggregated rows."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Count, DecimalField, F, Q, Sum
from django.utils.translation import gettext as _

from districts.models import District, DistrictBudget, DistrictGrant
from impact.figures import Filters, activities_in
from impact.figures import chart as _chart
from impact.metrics import activity_scope_q
from impact.models import Activity, Goal, Measurement
from impact.progress import with_progress
from schools.models import BudgetLine, CultureTypeRecord, School
from schools.models.choices import CultureType
from schools.school_year import SchoolYear
from schools.selectors import amount_per_group_cents

_activities = activities_in


def _schools(filters: Filters):
    if filters.district:
        return School.objects.filter(district=filters.district)
    if filters.municipality:
        return School.objects.filter(municipality=filters.municipality)
    return School.objects.all()


def culture_types(filters: Filters) -> dict:
    last = SchoolYear.for_date(filters.period.end).start_year
    grouped = (
        CultureTypeRecord.objects.filter(
            school__in=_schools(filters), school_year__lte=last, school_year__gt=last - 4
        )
        .values("school_year", "culture_type")
        .annotate(n=Count("pk"))
        .order_by("school_year")
    )
    table: dict[int, dict[str, int]] = {}
    for row in grouped:
        table.setdefault(row["school_year"], dict.fromkeys(CultureType.values, 0))[row["culture_type"]] = row[
            "n"
        ]
    rows = [
        [SchoolYear(year).label, *[counts[t] for t in CultureType.values]] for year, counts in table.items()
    ]
    return _chart(
        "culture_types",
        _("Scholen per cultuurtype per schooljaar"),
        [_("Schooljaar"), *[str(label) for label in CultureType.labels]],
        rows,
        labels=[row[0] for row in rows],
        series=[
            {"name": str(label), "values": [row[index + 1] for row in rows]}
            for index, label in enumerate(CultureType.labels)
        ],
    )


def budget(filters: Filters) -> dict:
    year = SchoolYear.for_date(filters.period.start)
    schools = _schools(filters)
    groups = schools.aggregate(groups=Sum("class_groups"))["groups"] or 0
    lines = BudgetLine.objects.filter(school__in=schools, school_year=year.start_year).aggregate(
        planned=Sum("planned_amount_cents"), spent=Sum("invoiced_amount_cents")
    )
    cmk = [_("Schoolontwikkelbudget %(year)s") % {"year": year.label}, groups * amount_per_group_cents(year)]
    cmk += [lines["planned"] or 0, lines["spent"] or 0]

    calendar_year = filters.period.start.year
    districts = District.objects.filter(is_central_intake=False)
    if filters.district:
        districts = districts.filter(pk=filters.district.pk)
    elif filters.municipality:
        districts = districts.filter(municipality=filters.municipality)
    counts = districts.aggregate(n=Count("pk"))
    recorded = DistrictBudget.objects.filter(district__in=districts, year=calendar_year).aggregate(
        n=Count("pk"), amount=Sum("amount_cents")
    )
    allocated = (recorded["amount"] or 0) + (
        counts["n"] - recorded["n"]
    ) * settings.DISTRICT_BUDGET_DEFAULT_CENTS
    granted = DistrictGrant.objects.filter(
        budget__district__in=districts, budget__year=calendar_year
    ).aggregate(total=Sum("amount_cents"))["total"]
    district_row = [
        _("Wijkbudgetten %(year)s") % {"year": calendar_year},
        allocated,
        granted or 0,
        granted or 0,
    ]

    activity_money = _activities(filters).aggregate(
        funding=Sum("funding_cents"),
        planned=Sum("budget_cents"),
        spent=Sum("budget_cents", filter=Q(status="completed")),
    )
    activity_row = [
        _("Activiteiten (fondsen en begroting)"),
        activity_money["funding"] or 0,
        activity_money["planned"] or 0,
        activity_money["spent"] or 0,
    ]
    rows = [cmk, district_row, activity_row]
    return _chart(
        "budget",
        _("Budget: toegekend, gepland en besteed (euro)"),
        [_("Budget"), _("Toegekend"), _("Gepland"), _("Besteed")],
        rows,
        labels=[row[0] for row in rows],
        series=[
            {"name": name, "values": [row[index] / 100 for row in rows]}
            for index, name in ((1, _("Toegekend")), (2, _("Gepland")), (3, _("Besteed")))
        ],
        money=(1, 2, 3),
        note=_(
            "Wijkbudget: gepland en besteed zijn de toegekende bijdragen. Activiteiten: toegekend zijn fondsen en bijdragen, besteed is de begroting van afgeronde activiteiten."
        ),
    )


def measurements_in(filters: Filters):
    measurements = Measurement.objects.filter(
        period_start__lte=filters.period.end, period_end__gte=filters.period.start
    )
    if filters.district:
        in_district = Activity.objects.filter(districts=filters.district).values("pk")
        return measurements.filter(Q(district=filters.district) | Q(activity__in=in_district))
    if filters.municipality:
        in_municipality = Activity.objects.filter(activity_scope_q(filters.scope)).values("pk")
        return measurements.filter(
            Q(district__municipality=filters.municipality) | Q(activity__in=in_municipality)
        )
    return measurements


def impact_per_theme(filters: Filters) -> dict:
    grouped = (
        measurements_in(filters)
        .values(
            "indicator__theme__number",
            "indicator__theme__name",
            "indicator__name",
            "indicator__unit",
            "indicator__value_per_unit_cents",
        )
        .annotate(
            n=Count("pk"),
            total=Sum("value"),
            social_cents=Sum(
                F("value") * F("indicator__value_per_unit_cents"),
                output_field=DecimalField(max_digits=20, decimal_places=2),
            ),
        )
        .order_by("indicator__theme__number", "indicator__name")
    )
    rows = []
    for row in grouped:
        social = row["social_cents"]
        rows.append(
            [
                f"SDG {row['indicator__theme__number']}: {row['indicator__theme__name']}",
                row["indicator__name"],
                row["indicator__unit"],
                row["n"],
                row["total"],
                int(Decimal(social).quantize(Decimal(1), ROUND_HALF_UP)) if social is not None else None,
            ]
        )
    per_theme: dict[str, int] = {}
    for row in rows:
        per_theme[row[0]] = per_theme.get(row[0], 0) + (row[5] or 0)
    return _chart(
        "impact",
        _("Impact per thema (MAEX)"),
        [_("Thema"), _("Indicator"), _("Eenheid"), _("Metingen"), _("Gemeten"), _("Maatschappelijke waarde")],
        rows,
        labels=list(per_theme),
        series=[
            {"name": _("Maatschappelijke waarde (euro)"), "values": [v / 100 for v in per_theme.values()]}
        ],
        money=(5,),
    )


def goals_in(filters: Filters):
    goals = Goal.objects.select_related("municipality", "district").filter(
        period_start__lte=filters.period.end, period_end__gte=filters.period.start
    )
    if filters.district:
        return goals.filter(district=filters.district)
    if filters.municipality:
        # A goal without a scope is the programme's own (seed 001 covers Zaanstad and Oostzaan together).
        return goals.filter(
            Q(municipality=filters.municipality)
            | Q(district__municipality=filters.municipality)
            | Q(municipality__isnull=True, district__isnull=True)
        )
    return goals


def goals(filters: Filters) -> dict:
    progress = with_progress(goals_in(filters))
    rows = [
        [p.goal.title, p.source_label, p.goal.target, p.measured, p.percent, p.status_label] for p in progress
    ]
    chart = _chart(
        "goals",
        _("Doelstellingen en voortgang"),
        [
            _("Doelstelling"),
            _("Gemeten met"),
            _("Streefwaarde"),
            _("Gemeten"),
            _("Voortgang (%)"),
            _("Status"),
        ],
        rows,
        labels=[row[0] for row in rows],
        series=[{"name": _("Voortgang (%)"), "values": [min(row[4] or 0, 150) for row in rows]}],
    )
    chart["progress"] = progress
    return chart
