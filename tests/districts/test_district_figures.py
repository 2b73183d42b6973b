import datetime
import statistics
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cultuur.site.district_page import district_figures
from makers.models import PublicationStatus
from requests.workflow import Status
from schools.models.choices import CultureType
from schools.school_year import SchoolYear
from tests.factories import DistrictFactory, advisor_in
from tests.impact.factories import ActivityFactory, ReachFactory
from tests.makers.factories import MakerFactory, VenueFactory, discipline
from tests.requests.factories import CultureRequestFactory
from tests.schools.factories import CultureTypeRecordFactory, SchoolFactory

pytestmark = pytest.mark.django_db

STATUSES = [Status.NEW, Status.IN_CONVERSATION, Status.MATCHED, Status.NEW, Status.COMPLETED]
DISCIPLINES = ["dans", "muziek", "theater"]


@pytest.fixture
def east():
    return DistrictFactory(name="Oost", slug="oost")


@pytest.fixture
def west():
    return DistrictFactory(name="West", slug="west")


def make_requests(district, n, offset=0):
    created = []
    dance, music, theatre = (discipline(slug) for slug in DISCIPLINES)
    for i in range(n):
        request = CultureRequestFactory(district=district, status=STATUSES[(i + offset) % len(STATUSES)])
        request.disciplines.set([dance, music, theatre][: 1 + (i + offset) % 3])
        if (i + offset) % 4 != 3:
            request.first_contact_at = request.created_at + datetime.timedelta(hours=7 * (i + offset) + 5)
            request.save(update_fields=["first_contact_at"])
        created.append(request)
    return created


def expected_median(requests):
    durations = [r.first_contact_at - r.created_at for r in requests if r.first_contact_at]
    if not durations:
        return None
    days = Decimal(statistics.median(durations).total_seconds()) / 86400
    return days.quantize(Decimal("0.1"), ROUND_HALF_UP)


def build(east, west, n=6):
    year = SchoolYear.current().start_year
    mine = make_requests(east, n)
    make_requests(west, 3, offset=1)
    makers_mine = [MakerFactory(districts=[east]) for _ in range(3)]
    MakerFactory(districts=[east], status=PublicationStatus.DRAFT)
    MakerFactory(districts=[west])
    whole = [MakerFactory(whole_municipality=True) for _ in range(2)]
    venues = [VenueFactory(district=east), VenueFactory(district=east)]
    VenueFactory(district=east, is_published=False)
    VenueFactory(district=west)
    schools = [SchoolFactory(district=east) for _ in range(4)]
    SchoolFactory(district=west)
    types = [CultureType.CONSUMING, CultureType.PARTICIPATING, CultureType.CONSUMING]
    for school, culture_type in zip(schools, types, strict=False):
        CultureTypeRecordFactory(school=school, school_year=year, culture_type=culture_type)
    CultureTypeRecordFactory(school=schools[3], school_year=year - 1, culture_type=CultureType.INTEGRATING)
    activities = [ActivityFactory(districts=[east]) for _ in range(3)]
    activities.append(ActivityFactory(districts=[east, west]))
    reaches = [
        ReachFactory(activity=activities[0], participants=12, new_participants=4, visitors=30, pupils=0),
        ReachFactory(activity=activities[1], participants=8, new_participants=8, visitors=0, pupils=55),
        ReachFactory(activity=activities[3], participants=3, new_participants=1, visitors=7, pupils=2),
    ]
    ReachFactory(activity=ActivityFactory(districts=[west]), participants=99, new_participants=9)
    return {
        "requests": mine,
        "makers": makers_mine,
        "whole": whole,
        "venues": venues,
        "schools": schools,
        "types": types,
        "activities": activities,
        "reaches": reaches,
    }


def test_every_figure_equals_a_count_made_from_the_data(east, west):
    data = build(east, west)
    figures = district_figures(east)
    mine = data["requests"]

    assert figures["requests"]["total"] == len(mine)
    expected_status = {}
    for r in mine:
        expected_status[r.status] = expected_status.get(r.status, 0) + 1
    assert {row["status"]: row["count"] for row in figures["requests"]["by_status"]} == expected_status
    expected_discipline = {}
    for r in mine:
        for d in r.disciplines.all():
            expected_discipline[d.name] = expected_discipline.get(d.name, 0) + 1
    assert {row["name"]: row["count"] for row in figures["requests"]["by_discipline"]} == expected_discipline
    assert figures["requests"]["median_days_to_contact"] == expected_median(mine)
    assert figures["requests"]["contacted"] == sum(1 for r in mine if r.first_contact_at)

    assert figures["makers"] == {
        "makers": len(data["makers"]),
        "makers_whole_municipality": len(data["whole"]),
        "venues": len(data["venues"]),
    }

    schools = figures["schools"]
    assert schools["schools"] == len(data["schools"])
    assert schools["pupils"] == sum(s.pupils for s in data["schools"])
    expected_types = {}
    for culture_type in data["types"]:
        expected_types[culture_type] = expected_types.get(culture_type, 0) + 1
    assert {row["culture_type"]: row["count"] for row in schools["by_culture_type"]} == expected_types
    assert schools["without_culture_type"] == len(data["schools"]) - len(data["types"])

    reaches = data["reaches"]
    assert figures["activities"] == {
        "activities": len(data["activities"]),
        "participants": sum(r.participants for r in reaches),
        "new_participants": sum(r.new_participants for r in reaches),
        "visitors": sum(r.visitors for r in reaches),
        "pupils": sum(r.pupils for r in reaches),
    }


def test_an_empty_district_shows_zeros_and_no_median(east):
    figures = district_figures(east)
    assert figures["requests"]["total"] == 0
    assert figures["requests"]["median_days_to_contact"] is None
    assert figures["makers"]["makers"] == 0
    assert figures["schools"]["schools"] == 0
    assert figures["activities"]["participants"] == 0


def test_the_page_shows_the_figures_in_accessible_tables(client, east, west):
    data = build(east, west)
    client.force_login(advisor_in(east))
    page = client.get("/wijken/oost/").content.decode()
    assert "<caption>Vragen per status</caption>" in page
    assert "<caption>Activiteiten in de wijk en hun bereik</caption>" in page
    participants = sum(r.participants for r in data["reaches"])
    assert f"<td>{participants}</td>" in page
    assert f"Mediaan dagen tot eerste contact: {expected_median(data['requests'])}".replace(".", ",") in page


def test_the_district_page_with_figures_costs_a_fixed_number_of_queries(
    client, east, west, django_assert_max_num_queries
):
    build(east, west, n=3)
    client.force_login(advisor_in(east))
    client.get("/wijken/oost/")  # the first view after signing in also refreshes the session
    with CaptureQueriesContext(connection) as small:
        assert client.get("/wijken/oost/").status_code == 200
    make_requests(east, 30, offset=2)
    for _ in range(10):
        ReachFactory(activity=ActivityFactory(districts=[east]))
        MakerFactory(districts=[east])
    with django_assert_max_num_queries(23), CaptureQueriesContext(connection) as large:
        assert client.get("/wijken/oost/").status_code == 200
    assert len(large) == len(small)
