"""One euro notation and one CSV writer that escapes formulas (issue 20)."""

import csv
import io
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.urls import reverse

from cultuur.exports import csv_cell, csv_text
from cultuur.money import format_euros
from impact.exports import FIELDS, maex_csv
from impact.tables import euro as impact_euro
from impact.tables import to_csv
from makers.selectors import fair_practice_flags
from schools.templatetags.schools_tags import euro as schools_euro
from tests.factories import UserFactory
from tests.makers.factories import MakerFactory
from tests.schools.factories import BudgetLineFactory, SchoolBoardFactory, SchoolFactory

NBSP = "\xa0"


@pytest.mark.parametrize(
    ("cents", "shown"),
    [
        (-150, "€ -1,50"),  # the old makers formatter said "€ -2,50" (divmod floors)
        (-1, "€ -0,01"),
        (0, "€ 0,00"),
        (5, "€ 0,05"),
        (123456, "€ 1.234,56"),
        (123456789_00, "€ 123.456.789,00"),
        (-5_000_00, "€ -5.000,00"),
    ],
)
def test_euros_are_dutch_with_the_sign_before_the_amount(cents, shown):
    assert format_euros(cents) == shown.replace(" ", NBSP)


def test_no_amount_is_a_dash_or_what_the_caller_asks():
    assert format_euros(None) == "–"
    assert format_euros("") == "–"
    assert format_euros(None, empty="") == ""


@pytest.mark.parametrize("cents", [-150, 0, 7, 250_000_00])
def test_every_place_that_shows_money_shows_the_same_notation(cents):
    expected = format_euros(cents)
    for name in ("cultuur", "makers_tags", "schools_tags"):
        filter_name = "euro" if name == "schools_tags" else "euros"
        rendered = Template(f"{{% load {name} %}}{{{{ c|{filter_name} }}}}").render(Context({"c": cents}))
        assert rendered == expected, name
    partial = Template('{% include "requests/partials/euro.html" with cents=c %}').render(
        Context({"c": cents})
    )
    assert partial.strip() == expected
    assert impact_euro(cents) == expected
    assert schools_euro(cents) == expected


@pytest.mark.django_db
def test_the_fair_practice_message_uses_the_same_notation(settings):
    settings.MAKERS_FAIR_HOURLY_RATE_CENTS = 50_00
    maker = MakerFactory(rate_per_hour_cents=42_50, rate_per_day_part_cents=None)
    assert any(
        format_euros(42_50) in flag and format_euros(50_00) in flag for flag in fair_practice_flags(maker)
    )


@pytest.mark.parametrize(
    "text",
    ["=1+2", "+31 6 1234 5678", "-2+3", "@SUM(A1:A9)", "\t=1", "\r=1", '=HYPERLINK("http://x.nl","klik")'],
)
def test_a_cell_that_a_spreadsheet_would_run_gets_a_leading_quote(text):
    assert csv_cell(text) == "'" + text


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("Muziekschool Zaanstad", "Muziekschool Zaanstad"),
        ("a=b", "a=b"),
        (None, ""),
        (-12, "-12"),
        (Decimal("-12.50"), "-12.50"),
        ("-12.50", "-12.50"),  # a plain number is a number, not a formula
        ("", ""),
    ],
)
def test_text_and_numbers_that_cannot_run_stay_as_they_are(value, cell):
    assert csv_cell(value) == cell


def test_money_keeps_a_decimal_comma_when_asked():
    assert csv_text(["bedrag"], [[Decimal("-1234.50")]], delimiter=";", decimal_comma=True) == (
        "bedrag\r\n-1234,50\r\n"
    )


def test_the_impact_figure_csv_escapes_formulas_and_keeps_money_numeric():
    figure = {"header": ["Wijk", "Budget"], "rows": [["=cmd|' /C calc'!A0", -150]], "money_columns": [1]}
    rows = list(csv.reader(io.StringIO(to_csv(figure))))
    assert rows == [["Wijk", "Budget"], ["'=cmd|' /C calc'!A0", "-1.50"]]


def test_the_maex_csv_escapes_formulas_in_what_people_typed():
    row = dict.fromkeys(FIELDS, "")
    row.update(evidence="@SUM(A1)", activity="+Zomerschool", value=Decimal("-3"))
    rows = list(csv.DictReader(io.StringIO(maex_csv([row]))))
    assert rows[0]["evidence"] == "'@SUM(A1)"
    assert rows[0]["activity"] == "'+Zomerschool"
    assert rows[0]["value"] == "-3"


@pytest.mark.django_db
def test_the_schools_overview_csv_escapes_a_boards_name(client):
    board = SchoolBoardFactory(name='=HYPERLINK("http://example.org","Agora")')
    school = SchoolFactory(board=board, class_groups=4)
    BudgetLineFactory(school=school, fixed_amount_cents=100_000)
    client.force_login(UserFactory(roles=["manager"]))
    response = client.get(reverse("schools:overview_csv", args=["budget-besturen"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][0] == "'" + board.name
    assert rows[1][2] == "1000,00"  # 4 groups x EUR 250, with a decimal comma
