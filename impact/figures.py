"""What every dashboard figure shares: the filters and the shape of a figure."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from districts.models import District, Municipality
from impact.metrics import Scope, activity_scope_q
from impact.models import Activity
from impact.periods import Period


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


def chart(key, title, header, rows, labels=None, series=None, money=(), note=""):
    return {
        "key": key,
        "title": title,
        "header": header,
        "rows": rows,
        "money_columns": list(money),
        "note": note,
        "chart": {"labels": labels or [], "series": series or []},
    }


def activities_in(filters: Filters):
    return Activity.objects.filter(
        activity_scope_q(filters.scope), starts_on__range=(filters.period.start, filters.period.end)
    ).exclude(status="cancelled")
