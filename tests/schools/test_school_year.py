from datetime import date

import pytest

from schools.school_year import SchoolYear


def test_a_school_year_runs_from_the_first_of_august_to_the_thirty_first_of_july():
    year = SchoolYear.parse("2025-2026")
    assert (year.start, year.end) == (date(2025, 8, 1), date(2026, 7, 31))
    assert year.contains(date(2026, 7, 31)) and not year.contains(date(2026, 8, 1))
    assert SchoolYear.for_date(date(2026, 7, 31)) == year
    assert SchoolYear.for_date(date(2026, 8, 1)) == SchoolYear(2026)
    assert str(year.next()) == "2026-2027"


@pytest.mark.parametrize("label", ["2025", "2025-2027", "abcd-efgh", "", "1900-1901"])
def test_a_label_that_is_not_a_school_year_is_refused(label):
    with pytest.raises(ValueError):
        SchoolYear.parse(label)
