"""The manager dashboard's figures: each a table (for the screen reader, the CSV and the report)
plus the series its chart draws. Every figure is computed by aggregate queries in the database;
the only Python loops run over aggregated rows (statuses, years, themes), never over data rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Count, DecimalField, DurationField, ExpressionWrapper, F, Min, Q, Sum
from django.utils.translation import gettext as _

from districts.models import District, DistrictBudget, DistrictGrant, Municipality
from impact.metrics import Scope, activity_scope_q
from impact.models import Activity, ActivityRole, Goal, Measurement
from impact.periods import Period
from impact.progress import with_progress
from requests.models import CultureRequest
from requests.workflow import CLOSED_STATUSES, Status
from schools.models import BudgetLine, CultureTypeRecord, School
from schools.models.choices import CultureType
from schools.school_year import SchoolYear
from schools.selectors import amount_per_group_cents


@dataclass(frozen=True)
class Filters:
    period: Period
    municipality: Municipality | None = None
    district: District | None = None

    @property
    def scope(self) -> Scope:
        return Scope(
            self.municipality.pk if self.municipality else None, self.district.pk if self.district else None
        )

    @property
    def label(self) -> str:
        where = self.district or self.municipality or _("alle gemeenten")
        return f"{where}, {self.period.label}"


def _chart(key, title, header, rows, labels=None, series=None, money=(), note=""):
    return {
        "key": key,
        "title": title,
        "header": header,
        "rows": rows,
        "money_columns": list(money),
        "note": note,
        "chart": {"labels": labels or [], "series": series or []},
    }


def _requests(filters: Filters):
    requests = CultureRequest.objects.filter(
        created_at__date__range=(filters.period.start, filters.period.end)
    )
    if filters.district:
        return requests.filter(district=filters.district)
    if filters.municipality:
        return requests.filter(district__municipality=filters.municipality)
    return requests


def requests_by_status(filters: Filters) -> dict:
    counts = {
        row["status"]: row["n"]
        for row in _requests(filters).values("status").annotate(n=Count("pk")).order_by()
    }
    rows = [[str(label), counts.get(value, 0)] for value, label in Status.choices]
    return _chart(
        "requests_by_status",
        _("Vragen per status"),
        [_("Status"), _("Aantal")],
        rows,
        labels=[row[0] for row in rows],
        series=[{"name": _("Aantal"), "values": [row[1] for row in rows]}],
    )


def requests_by_district(filters: Filters) -> dict:
    matched = Q(matches__isnull=False)
    grouped = (
        _requests(filters)
        .values("district__name")
        .annotate(
            total=Count("pk", distinct=True),
            open=Count("pk", filter=~Q(status__in=CLOSED_STATUSES), distinct=True),
            matched=Count("pk", filter=matched, distinct=True),
        )
        .order_by("district__name")
    )
    rows = [[row["district__name"], row["total"], row["open"], row["matched"]] for row in grouped]
    return _chart(
        "requests_by_district",
        _("Vragen per wijk"),
        [_("Wijk"), _("Vragen"), _("Open"), _("Gekoppeld")],
        rows,
        labels=[row[0] for row in rows],
        series=[
            {"name": _("Vragen"), "values": [row[1] for row in rows]},
            {"name": _("Gekoppeld"), "values": [row[3] for row in rows]},
        ],
    )


def median_days(queryset, duration) -> Decimal | None:
    """The median of `duration` in days, in the database: count, then read the middle one or two rows
    of the ordered durations (OFFSET n/2), which works the same on PostgreSQL and SQLite."""
    durations = queryset.annotate(duration=duration).filter(duration__isnull=False).order_by("duration")
    count = durations.count()
    if not count:
        return None
    middle = list(durations.values_list("duration", flat=True)[(count - 1) // 2 : count // 2 + 1])
    average = sum(middle, timedelta()) / len(middle)
    return (Decimal(average.total_seconds()) / 86400).quantize(Decimal("0.1"), ROUND_HALF_UP)


def request_speed(filters: Filters) -> dict:
    requests = _requests(filters)
    to_contact = median_days(
        requests, ExpressionWrapper(F("first_contact_at") - F("created_at"), output_field=DurationField())
    )
    to_match = median_days(
        requests.annotate(first_match=Min("matches__created_at")),
        ExpressionWrapper(F("first_match") - F("created_at"), output_field=DurationField()),
    )
    totals = requests.aggregate(
        total=Count("pk", distinct=True), matched=Count("pk", filter=Q(matches__isnull=False), distinct=True)
    )
    share = (
        (Decimal(totals["matched"]) * 100 / totals["total"]).quantize(Decimal("0.1"), ROUND_HALF_UP)
        if totals["total"]
        else None
    )
    rows = [
        [_("Mediaan dagen tot eerste contact"), to_contact],
        [_("Mediaan dagen tot koppeling"), to_match],
        [_("Aandeel gekoppelde vragen (%)"), share],
    ]
    return _chart(
        "request_speed",
        _("Doorlooptijd en koppelingen"),
        [_("Kengetal"), _("Waarde")],
        rows,
        labels=[row[0] for row in rows],
        series=[{"name": _("Waarde"), "values": [float(row[1] or 0) for row in rows]}],
    )


def _activities(filters: Filters):
    return Activity.objects.filter(
        activity_scope_q(filters.scope), starts_on__range=(filters.period.start, filters.period.end)
    ).exclude(status="cancelled")


REACH_FIELDS = [
    ("participants", "IMPACT_TARGET_PARTICIPANTS"),
    ("new_participants", ""),
    ("visitors", "IMPACT_TARGET_VISITORS"),
    ("pupils", "IMPACT_TARGET_PUPILS"),
]


def reach(filters: Filters) -> dict:
    totals = _activities(filters).aggregate(
        **{name: Sum(f"reach__{name}") for name, _setting in REACH_FIELDS}
    )
    labels = {
        "participants": _("Actieve deelnemers"),
        "new_participants": _("Nieuwe deelnemers"),
        "visitors": _("Bezoekers en passanten"),
        "pupils": _("Leerlingen"),
    }
    rows = []
    for name, setting in REACH_FIELDS:
        target = None
        # The seed's targets are a year for the whole municipality; a district has none of its own.
        if setting and not filters.district:
            target = round(getattr(settings, setting) * filters.period.months / 12)
        rows.append([labels[name], totals[name] or 0, target])
    return _chart(
        "reach",
        _("Bereik tegenover de streefwaarden"),
        [_("Bereik"), _("Bereikt"), _("Streefwaarde")],
        rows,
        labels=[row[0] for row in rows],
        series=[
            {"name": _("Bereikt"), "values": [row[1] for row in rows]},
            {"name": _("Streefwaarde"), "values": [row[2] or 0 for row in rows]},
        ],
    )


def role_balance(filters: Filters) -> dict:
    """Activities per year and role, over every year up to the period's end (the shift over time)."""
    grouped = (
        Activity.objects.filter(activity_scope_q(filters.scope), starts_on__lte=filters.period.end)
        .exclude(status="cancelled")
        .values("starts_on__year", "role")
        .annotate(n=Count("pk"))
        .order_by("starts_on__year")
    )
    table: dict[int, dict[str, int]] = {}
    for row in grouped:
        table.setdefault(row["starts_on__year"], dict.fromkeys(ActivityRole.values, 0))[row["role"]] = row[
            "n"
        ]
    rows = [
        [year, *[counts[role] for role in ActivityRole.values], sum(counts.values())]
        for year, counts in table.items()
    ]
    return _chart(
        "role_balance",
        _("Rolverdeling per jaar"),
        [_("Jaar"), *[str(label) for label in ActivityRole.labels], _("Totaal")],
        rows,
        labels=[str(row[0]) for row in rows],
        series=[
            {"name": str(label), "values": [row[index + 1] for row in rows]}
            for index, label in enumerate(ActivityRole.labels)
        ],
    )


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


FIGURES = {
    "requests_by_status": requests_by_status,
    "requests_by_district": requests_by_district,
    "request_speed": request_speed,
    "reach": reach,
    "role_balance": role_balance,
    "culture_types": culture_types,
    "budget": budget,
    "impact": impact_per_theme,
    "goals": goals,
}


def all_figures(filters: Filters) -> list[dict]:
    return [build(filters) for build in FIGURES.values()]
