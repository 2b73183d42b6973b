"""Every dashboard figure equals a count made here, independently, from the data the test created."""

import datetime
from collections import Counter
from decimal import Decimal

import pytest
from django.utils import timezone

from districts.models import DistrictBudget
from impact.dashboard import (
    Filters,
    all_figures,
    budget,
    culture_types,
    impact_per_theme,
    reach,
    request_speed,
    requests_by_district,
    requests_by_status,
    role_balance,
)
from impact.models import ActivityRole
from impact.periods import Period
from requests.models import CultureRequest, Match
from requests.workflow import Status
from schools.models import BudgetLine
from schools.school_year import SchoolYear
from tests.factories import DistrictFactory
from tests.impact.factories import ActivityFactory, IndicatorFactory, MeasurementFactory, ReachFactory
from tests.requests.factories import CultureRequestFactory
from tests.schools.factories import CultureTypeRecordFactory, SchoolFactory

H1 = Period.parse("2025-H1")


def at(day: int, month: int = 3, year: int = 2025):
    return timezone.make_aware(datetime.datetime(year, month, day, 9, 0))


def make_request(district, *, status=Status.NEW, created=None, contact_after=None, match_after=None):
    request = CultureRequestFactory(district=district, status=status)
    created = created or at(1)
    fields = {"created_at": created}
    if contact_after is not None:
        fields["first_contact_at"] = created + datetime.timedelta(days=contact_after)
    CultureRequest.objects.filter(pk=request.pk).update(**fields)
    if match_after is not None:
        match = Match.objects.create(request=request, kind="custom", target_name="Buurtatelier")
        Match.objects.filter(pk=match.pk).update(created_at=created + datetime.timedelta(days=match_after))
    return request


def rows_by_label(figure):
    return {row[0]: row[1:] for row in figure["rows"]}


@pytest.mark.django_db
def test_requests_by_status_and_district_equal_an_independent_count(poelenburg, peldersveld):
    statuses = [Status.NEW, Status.NEW, Status.MATCHED, Status.COMPLETED, Status.DECLINED]
    made = [(poelenburg, s) for s in statuses] + [(peldersveld, Status.IN_CONVERSATION)]
    for district, status in made:
        make_request(district, status=status, match_after=2 if status == Status.MATCHED else None)
    make_request(poelenburg, created=at(1, year=2024))  # outside the period

    figure = requests_by_status(Filters(period=H1))
    expected = Counter(status for _d, status in made)
    assert {row[0]: row[1] for row in figure["rows"]} == {
        str(label): expected.get(value, 0) for value, label in Status.choices
    }

    by_district = rows_by_label(requests_by_district(Filters(period=H1)))
    assert by_district["Poelenburg"] == [5, 3, 1]  # total, open (new, new, matched), matched
    assert by_district["Peldersveld"] == [1, 1, 0]


@pytest.mark.django_db
def test_the_district_filter_leaves_other_districts_out(poelenburg, peldersveld):
    make_request(poelenburg)
    make_request(peldersveld)
    make_request(peldersveld)
    figure = requests_by_status(
        Filters(period=H1, municipality=peldersveld.municipality, district=peldersveld)
    )
    assert sum(row[1] for row in figure["rows"]) == 2


@pytest.mark.django_db
def test_median_days_to_first_contact_and_to_match_and_the_share_matched(poelenburg):
    for contact, match in [(1, 4), (2, None), (3, 10), (10, 6), (None, None)]:
        make_request(poelenburg, contact_after=contact, match_after=match)
    figure = rows_by_label(request_speed(Filters(period=H1)))
    contact_days = sorted([1, 2, 3, 10])
    match_days = sorted([4, 10, 6])
    assert figure["Mediaan dagen tot eerste contact"] == [Decimal(contact_days[1] + contact_days[2]) / 2]
    assert figure["Mediaan dagen tot koppeling"] == [Decimal(match_days[1])]
    assert figure["Aandeel gekoppelde vragen (%)"] == [Decimal("60.0")]


@pytest.mark.django_db
def test_median_is_empty_without_data():
    figure = rows_by_label(request_speed(Filters(period=H1)))
    assert figure["Mediaan dagen tot eerste contact"] == [None]


@pytest.mark.django_db
def test_reach_sums_each_activity_once_against_the_targets_of_the_period(poelenburg, peldersveld):
    values = [(20, 5, 100, 0), (30, 30, 0, 250), (7, 0, 12, 60)]
    # One activity in two districts of the municipality: it must be counted once, not twice.
    districts = [[poelenburg, peldersveld], [poelenburg], [peldersveld]]
    for (participants, new, visitors, pupils), where in zip(values, districts, strict=True):
        ReachFactory(
            activity=ActivityFactory(districts=where),
            participants=participants,
            new_participants=new,
            visitors=visitors,
            pupils=pupils,
        )
    ReachFactory(activity=ActivityFactory(districts=[poelenburg], starts_on=datetime.date(2025, 9, 1)))

    municipality = rows_by_label(reach(Filters(period=H1, municipality=poelenburg.municipality)))
    assert municipality["Actieve deelnemers"] == [57, 1500]  # the seed's 3,000 a year, half of it
    assert municipality["Nieuwe deelnemers"] == [35, None]
    assert municipality["Bezoekers en passanten"] == [112, 18000]
    assert municipality["Leerlingen"] == [310, 7500]
    district = rows_by_label(
        reach(Filters(period=H1, municipality=poelenburg.municipality, district=poelenburg))
    )
    assert district["Actieve deelnemers"] == [50, None]


@pytest.mark.django_db
def test_role_balance_counts_activities_per_year_and_role(poelenburg):
    made = (
        [(2024, ActivityRole.PRODUCED)] * 3
        + [(2024, ActivityRole.SUPPORTED)]
        + [(2025, ActivityRole.CO_PRODUCED)] * 2
        + [(2025, ActivityRole.PRODUCED)]
    )
    for year, role in made:
        ActivityFactory(districts=[poelenburg], role=role, starts_on=datetime.date(year, 2, 1))
    ActivityFactory(districts=[poelenburg], role=ActivityRole.PRODUCED, status="cancelled")
    figure = role_balance(Filters(period=H1))
    counts = Counter(made)
    assert figure["rows"] == [
        [
            year,
            *[counts[(year, role)] for role in ActivityRole.values],
            sum(counts[(year, r)] for r in ActivityRole.values),
        ]
        for year in (2024, 2025)
    ]


@pytest.mark.django_db
def test_schools_by_culture_type_per_school_year(poelenburg, peldersveld):
    made = [
        (2023, "consuming"),
        (2023, "consuming"),
        (2023, "participating"),
        (2024, "consuming"),
        (2024, "integrating"),
    ]
    for year, culture_type in made:
        school = SchoolFactory(municipality=poelenburg.municipality, district=poelenburg)
        CultureTypeRecordFactory(school=school, school_year=year, culture_type=culture_type)
    figure = culture_types(Filters(period=H1))
    counts = Counter(made)
    assert figure["rows"] == [
        [
            SchoolYear(year).label,
            counts[(year, "consuming")],
            counts[(year, "participating")],
            counts[(year, "integrating")],
        ]
        for year in (2023, 2024)
    ]


@pytest.mark.django_db
def test_budget_allocated_planned_and_spent(settings, poelenburg, peldersveld):
    settings.CMK_AMOUNT_PER_CLASS_GROUP_CENTS = 250_00
    settings.DISTRICT_BUDGET_DEFAULT_CENTS = 5_000_00
    schools = [
        SchoolFactory(municipality=poelenburg.municipality, district=poelenburg, class_groups=g)
        for g in (8, 12)
    ]
    year = SchoolYear.for_date(H1.start).start_year
    BudgetLine.objects.create(
        school=schools[0],
        school_year=year,
        description="Dans",
        planned_date=datetime.date(2025, 2, 1),
        fixed_amount_cents=1_000_00,
        invoiced_amount_cents=900_00,
    )
    BudgetLine.objects.create(
        school=schools[1],
        school_year=year,
        description="Theater",
        planned_date=datetime.date(2025, 3, 1),
        fixed_amount_cents=500_00,
    )
    DistrictBudget.objects.create(district=poelenburg, year=2025, amount_cents=7_500_00)
    ActivityFactory(districts=[poelenburg], budget_cents=2_000_00, funding_cents=1_500_00, status="completed")
    ActivityFactory(districts=[poelenburg], budget_cents=3_000_00, funding_cents=0)

    rows = budget(Filters(period=H1, municipality=poelenburg.municipality))["rows"]
    assert rows[0][1:] == [20 * 250_00, 1_500_00, 900_00]
    assert rows[1][1:] == [7_500_00 + 5_000_00, 0, 0]  # Peldersveld has no row: the default applies
    assert rows[2][1:] == [1_500_00, 5_000_00, 2_000_00]


@pytest.mark.django_db
def test_impact_per_theme_with_social_value(poelenburg):
    valued = IndicatorFactory(name="Deelnemers in armoede", value_per_unit_cents=40_00)
    unvalued = IndicatorFactory(name="Ervaren veiligheid", value_per_unit_cents=None)
    for value in ("10", "15.5"):
        MeasurementFactory(indicator=valued, district=poelenburg, value=Decimal(value))
    MeasurementFactory(indicator=unvalued, district=poelenburg, value=Decimal("7"))
    MeasurementFactory(
        indicator=valued,
        district=poelenburg,
        value=Decimal("99"),
        period_start=datetime.date(2024, 1, 1),
        period_end=datetime.date(2024, 6, 30),
    )

    rows = {row[1]: row for row in impact_per_theme(Filters(period=H1))["rows"]}
    assert rows["Deelnemers in armoede"][3:] == [2, Decimal("25.50"), 25_50 * 40]
    assert rows["Ervaren veiligheid"][3:] == [1, Decimal("7.00"), None]


@pytest.mark.django_db
@pytest.mark.parametrize("size", [1, 6])
def test_the_dashboard_costs_a_fixed_number_of_queries(
    client, manager, municipality, size, django_assert_max_num_queries
):
    from tests.impact.factories import GoalFactory

    for n in range(size):
        district = DistrictFactory(municipality=municipality)
        for _ in range(2):
            make_request(district, contact_after=n + 1, match_after=n + 2)
            ReachFactory(activity=ActivityFactory(districts=[district], role=ActivityRole.values[n % 3]))
        MeasurementFactory(district=district)
        school = SchoolFactory(municipality=municipality, district=district)
        CultureTypeRecordFactory(school=school, school_year=2024, culture_type="consuming")
        GoalFactory(metric="activities_co_produced")
        GoalFactory(metric="consuming_schools", lower_is_better=True)
        GoalFactory(manual_value=Decimal(n), evidence="Verslag stuurgroep")
    client.force_login(manager)
    # Without a snapshot the page computes live and stores the snapshot (read, then the upsert). 37: one for
    # the share within the service norm; 38: the risk heat map (one aggregate query, issue 17).
    with django_assert_max_num_queries(38):
        response = client.get("/dashboard/", {"period": "2025-H1"})
    assert response.status_code == 200


@pytest.mark.django_db
def test_every_figure_has_a_table_and_a_csv_download(client, manager, poelenburg):
    make_request(poelenburg)
    client.force_login(manager)
    response = client.get("/dashboard/", {"period": "2025-H1"})
    html = response.content.decode()
    for figure in all_figures(Filters(period=H1)):
        assert f"/dashboard/csv/{figure['key']}/" in html
        assert f'id="chart-data-{figure["key"]}"' in html or not figure["rows"]
    csv = client.get("/dashboard/csv/requests_by_status/", {"period": "2025-H1"})
    assert csv["Content-Type"].startswith("text/csv")
    assert "Nieuw,1" in csv.content.decode()


@pytest.mark.django_db
def test_the_share_within_the_norm_per_district_and_month_equals_a_count(poelenburg, peldersveld):
    from impact.dashboard import within_norm

    now = timezone.now()
    cases = [
        # (district, created, missed, deadline)
        (poelenburg, at(3, 3), False, None),  # closed in time
        (poelenburg, at(9, 3), True, None),  # closed late
        (poelenburg, at(20, 3), False, now - datetime.timedelta(days=1)),  # open and late now
        (poelenburg, at(4, 4), False, now + datetime.timedelta(days=2)),  # open, in time so far
        (peldersveld, at(5, 3), False, None),
    ]
    for district, created, missed, deadline in cases:
        request = CultureRequestFactory(district=district, status=Status.EVALUATED)
        CultureRequest.objects.filter(pk=request.pk).update(
            created_at=created, norm_missed=missed, norm_deadline=deadline
        )
    figure = within_norm(Filters(period=H1))
    rows = {(row[0], row[1]): row[2:] for row in figure["rows"]}
    assert rows == {
        (poelenburg.name, "2025-03"): [3, 1, Decimal("33.3")],
        (poelenburg.name, "2025-04"): [1, 1, Decimal("100.0")],
        (peldersveld.name, "2025-03"): [1, 1, Decimal("100.0")],
    }
    assert figure["chart"]["labels"] == ["2025-03", "2025-04"]
    assert figure["chart"]["series"][0]["values"] == [50.0, 100.0]
