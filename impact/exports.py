"""The MAEX-style impact export: one flat row per measurement in the period and scope.

Fields (JSON and CSV alike, in this order; money in euros with two decimals, dates ISO 8601):

    period_start, period_end   the measurement's own period
    sdg                         the SDG number (1..17) of the indicator's theme
    theme                       the theme's name
    indicator, unit             what was measured and in which unit
    higher_is_better            true when a higher value is better
    value                       the measured value
    value_per_unit_eur          the social value per unit in euros (empty when not valued)
    social_value_eur            value x value_per_unit_eur (empty when not valued)
    value_source                the source of the valuation (social cost-benefit figures)
    level                       "activity" or "district"
    activity, activity_role     the activity measured (empty for a district measurement)
    district, municipality      where (for an activity: empty district when it spans several)
    evidence                    the evidence or source note of the measurement

No personal data: measurements are about indicators, activities and districts, never about residents.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone

from cultuur.exports import csv_text
from impact.dashboard_programme import Filters, measurements_in

FIELDS = [
    "period_start",
    "period_end",
    "sdg",
    "theme",
    "indicator",
    "unit",
    "higher_is_better",
    "value",
    "value_per_unit_eur",
    "social_value_eur",
    "value_source",
    "level",
    "activity",
    "activity_role",
    "district",
    "municipality",
    "evidence",
]


def _euros(cents) -> str:
    return "" if cents is None else f"{Decimal(cents) / 100:.2f}"


def maex_rows(filters: Filters) -> list[dict]:
    measurements = (
        measurements_in(filters)
        .order_by("period_start", "indicator__theme__number", "indicator__name", "pk")
        .values(
            "period_start",
            "period_end",
            "indicator__theme__number",
            "indicator__theme__name",
            "indicator__name",
            "indicator__unit",
            "indicator__higher_is_better",
            "value",
            "indicator__value_per_unit_cents",
            "indicator__value_source",
            "activity__title",
            "activity__role",
            "activity__municipality__name",
            "district__name",
            "district__municipality__name",
            "evidence",
        )
    )
    rows = []
    for m in measurements:
        per_unit = m["indicator__value_per_unit_cents"]
        rows.append(
            {
                "period_start": m["period_start"].isoformat(),
                "period_end": m["period_end"].isoformat(),
                "sdg": m["indicator__theme__number"],
                "theme": m["indicator__theme__name"],
                "indicator": m["indicator__name"],
                "unit": m["indicator__unit"],
                "higher_is_better": m["indicator__higher_is_better"],
                "value": f"{m['value']:.2f}",
                "value_per_unit_eur": _euros(per_unit),
                "social_value_eur": _euros(m["value"] * per_unit) if per_unit is not None else "",
                "value_source": m["indicator__value_source"],
                "level": "activity" if m["activity__title"] else "district",
                "activity": m["activity__title"] or "",
                "activity_role": m["activity__role"] or "",
                "district": m["district__name"] or "",
                "municipality": m["district__municipality__name"] or m["activity__municipality__name"] or "",
                "evidence": m["evidence"],
            }
        )
    return rows


def maex_document(filters: Filters, rows: list[dict]) -> dict:
    return {
        "format": "cultuur.maex-export/1",
        "period": {
            "key": filters.period.key,
            "start": filters.period.start.isoformat(),
            "end": filters.period.end.isoformat(),
        },
        "scope": {
            "municipality": str(filters.municipality) if filters.municipality else None,
            "district": str(filters.district) if filters.district else None,
        },
        "generated_at": timezone.now().isoformat(),
        "fields": FIELDS,
        "measurements": rows,
    }


def maex_csv(rows: list[dict]) -> str:
    return csv_text(FIELDS, ([row.get(field) for field in FIELDS] for row in rows))
