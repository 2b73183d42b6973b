"""The school year as a small value type: "2025-2026" runs from 1 August 2025 to 31 July 2026.

Rows store the year it starts in (2025); this type turns that into dates, labels and URL parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

_LABEL = re.compile(r"^(\d{4})-(\d{4})$")
FIRST_YEAR = 2000
LAST_YEAR = 2100


@dataclass(frozen=True, order=True)
class SchoolYear:
    start_year: int

    def __post_init__(self):
        if not FIRST_YEAR <= self.start_year <= LAST_YEAR:
            raise ValueError(f"school year out of range: {self.start_year}")

    @classmethod
    def for_date(cls, day: date) -> SchoolYear:
        return cls(day.year if day.month >= 8 else day.year - 1)

    @classmethod
    def current(cls) -> SchoolYear:
        return cls.for_date(timezone.localdate())

    @classmethod
    def parse(cls, label: str) -> SchoolYear:
        match = _LABEL.match((label or "").strip())
        if not match or int(match.group(2)) != int(match.group(1)) + 1:
            raise ValueError(f"not a school year: {label!r}")
        return cls(int(match.group(1)))

    @property
    def start(self) -> date:
        return date(self.start_year, 8, 1)

    @property
    def end(self) -> date:
        return date(self.start_year + 1, 7, 31)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def next(self) -> SchoolYear:
        return SchoolYear(self.start_year + 1)

    def previous(self) -> SchoolYear:
        return SchoolYear(self.start_year - 1)

    @property
    def label(self) -> str:
        return f"{self.start_year}-{self.start_year + 1}"

    def __str__(self) -> str:
        return self.label


class SchoolYearConverter:
    """URL part `2025-2026`."""

    regex = r"\d{4}-\d{4}"

    def to_python(self, value: str) -> SchoolYear:
        return SchoolYear.parse(value)

    def to_url(self, value) -> str:
        if isinstance(value, SchoolYear):
            return value.label
        if isinstance(value, int):
            return SchoolYear(value).label
        return str(value)


def school_year_choices(around: SchoolYear | None = None, before: int = 4, after: int = 1):
    centre = around or SchoolYear.current()
    years = range(centre.start_year - before, centre.start_year + after + 1)
    return [(year, SchoolYear(year).label) for year in years]
