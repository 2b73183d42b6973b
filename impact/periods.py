"""Reporting periods as values: a calendar year ("2025") or a half year ("2025-H1", "2025-H2")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

_KEY = re.compile(r"^(\d{4})(?:-H([12]))?$")


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    key: str

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31), str(year))

    @classmethod
    def half(cls, year: int, half: int) -> Period:
        if half == 1:
            return cls(date(year, 1, 1), date(year, 6, 30), f"{year}-H1")
        return cls(date(year, 7, 1), date(year, 12, 31), f"{year}-H2")

    @classmethod
    def parse(cls, key: str | None) -> Period:
        match = _KEY.match((key or "").strip())
        if not match or not 2000 <= int(match.group(1)) <= 2100:
            raise ValueError(f"not a period: {key!r}")
        year, half = int(match.group(1)), match.group(2)
        return cls.half(year, int(half)) if half else cls.year(year)

    @classmethod
    def current_year(cls) -> Period:
        return cls.year(timezone.localdate().year)

    @classmethod
    def last_completed_half(cls, today: date | None = None) -> Period:
        today = today or timezone.localdate()
        return cls.half(today.year - 1, 2) if today.month <= 6 else cls.half(today.year, 1)

    @property
    def label(self) -> str:
        if self.key.endswith("-H1"):
            return _("eerste helft %(year)s") % {"year": self.start.year}
        if self.key.endswith("-H2"):
            return _("tweede helft %(year)s") % {"year": self.start.year}
        return self.key

    @property
    def months(self) -> int:
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1


def period_choices(today: date | None = None, years: int = 4) -> list[Period]:
    today = today or timezone.localdate()
    choices = []
    for year in range(today.year, today.year - years, -1):
        choices += [Period.year(year), Period.half(year, 2), Period.half(year, 1)]
    return choices
