"""The manager dashboard's figures: each a table (for the screen reader, the CSV and the report)
plus the series its chart draws. Every figure is computed by aggregate queries in the database;
the only Python loops run over aggregated rows (statuses, years, themes), never over data rows.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Count, DurationField, ExpressionWrapper, F, Min, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from impact.dashboard_programme import (
    budget,
    culture_types,
    goals,
    goals_in,
    impact_per_theme,
    measurements_in,
)
from impact.figures import Filters, activities_in
from impact.figures import chart as _chart
from impact.metrics import activity_scope_q
from impact.models import Activity, ActivityRole
from requests.models import CultureRequest
from requests.workflow import CLOSED_STATUSES, Status

__all__ = [
    "Filters",
    "all_figures",
    "budget",
    "culture_types",
    "goals",
    "goals_in",
    "impact_per_theme",
    "measurements_in",
]

_activities = activities_in


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


def within_norm(filters: Filters) -> dict:
    """Share of requests that stayed within every service norm, per district and month of arrival.

    One grouped query: "within" is never having left a status after its deadline (norm_missed,
    set by requests.norms) and, while open, not being past the current one.
    """
    now = timezone.now()
    late_now = Q(norm_deadline__lt=now)
    grouped = (
        _requests(filters)
        .annotate(month=TruncMonth("created_at"))
        .values("district__name", "month")
        .annotate(total=Count("pk"), within=Count("pk", filter=Q(norm_missed=False) & ~late_now))
        .order_by("district__name", "month")
    )
    rows, months = [], {}
    for row in grouped:
        month = timezone.localtime(row["month"]).strftime("%Y-%m") if row["month"] else ""
        share = (Decimal(row["within"]) * 100 / row["total"]).quantize(Decimal("0.1"), ROUND_HALF_UP)
        rows.append([row["district__name"], month, row["total"], row["within"], share])
        totals = months.setdefault(month, [0, 0])
        totals[0] += row["total"]
        totals[1] += row["within"]
    labels = sorted(months)
    return _chart(
        "within_norm",
        _("Binnen de servicenorm afgehandeld"),
        [_("Wijk"), _("Maand"), _("Vragen"), _("Binnen de norm"), _("Aandeel (%)")],
        rows,
        labels=labels,
        series=[
            {
                "name": _("Aandeel binnen de norm (%)"),
                "values": [
                    round(100 * months[m][1] / months[m][0], 1) if months[m][0] else 0 for m in labels
                ],
            }
        ],
        note=_("Binnen de norm: nooit een status later verlaten dan de termijn, en nu niet te laat."),
    )


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


FIGURES = {
    "requests_by_status": requests_by_status,
    "requests_by_district": requests_by_district,
    "request_speed": request_speed,
    "within_norm": within_norm,
    "reach": reach,
    "role_balance": role_balance,
    "culture_types": culture_types,
    "budget": budget,
    "impact": impact_per_theme,
    "goals": goals,
}


def all_figures(filters: Filters) -> list[dict]:
    return [build(filters) for build in FIGURES.values()]
