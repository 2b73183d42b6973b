import json
from decimal import Decimal

import pytest

from tests.factories import DistrictFactory, UserFactory, advisor_in
from tests.impact.factories import ActivityFactory, GoalFactory, MeasurementFactory, ReachFactory


@pytest.mark.django_db
def test_an_advisor_reads_only_their_districts_activities_measurements_and_goals(
    client, poelenburg, peldersveld
):
    advisor = advisor_in(poelenburg)
    mine = ActivityFactory(districts=[poelenburg], title="Buurtkoor Poelenburg")
    ActivityFactory(districts=[peldersveld], title="Theater Peldersveld")
    MeasurementFactory(district=poelenburg)
    MeasurementFactory(district=peldersveld)
    GoalFactory(district=poelenburg, title="Drie projecten in Poelenburg")
    GoalFactory(district=peldersveld, title="Drie projecten in Peldersveld")
    client.force_login(advisor)

    activities = client.get("/api/activities/").json()["results"]
    assert [a["slug"] for a in activities] == [mine.slug]
    measurements = client.get("/api/measurements/").json()["results"]
    assert [m["district"] for m in measurements] == ["poelenburg"]
    goals = client.get("/api/goals/").json()["results"]
    assert [g["title"] for g in goals] == ["Drie projecten in Poelenburg"]
    other = ActivityFactory(districts=[peldersveld])
    assert client.get(f"/api/activities/{other.slug}/").status_code == 404


@pytest.mark.django_db
def test_a_manager_reads_all_and_others_read_nothing(client, manager, poelenburg, peldersveld):
    ActivityFactory(districts=[poelenburg])
    ActivityFactory(districts=[peldersveld])
    client.force_login(manager)
    assert client.get("/api/activities/").json()["count"] == 2
    client.force_login(UserFactory(roles=["maker"]))
    assert client.get("/api/activities/").json()["count"] == 0
    client.logout()
    assert client.get("/api/goals/").status_code in (401, 403)


@pytest.mark.django_db
def test_the_goals_api_shows_progress(client, manager, poelenburg):
    GoalFactory(title="Minimaal 4 coproducties", metric="activities_co_produced", target=Decimal(4))
    ActivityFactory(districts=[poelenburg], role="co_produced")
    client.force_login(manager)
    [goal] = client.get("/api/goals/").json()["results"]
    assert goal["measured"] == "1" and goal["progress_percent"] == 25


@pytest.mark.django_db
@pytest.mark.parametrize("size", [2, 12])
def test_api_lists_cost_a_fixed_number_of_queries(
    client, manager, municipality, size, django_assert_max_num_queries
):
    for _ in range(size):
        district = DistrictFactory(municipality=municipality)
        ReachFactory(activity=ActivityFactory(districts=[district]))
        MeasurementFactory(district=district)
        GoalFactory(metric="activities", district=district)
        GoalFactory(manual_value=Decimal(3), evidence="Verslag")
    client.force_login(manager)
    for url in ("/api/activities/", "/api/measurements/", "/api/goals/"):
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_only_managers_open_the_dashboard(client, poelenburg):
    assert client.get("/dashboard/").status_code == 302
    client.force_login(advisor_in(poelenburg))
    assert client.get("/dashboard/").status_code == 403
    assert client.get("/dashboard/csv/reach/").status_code == 403
    assert client.get("/dashboard/maex.json").status_code == 403


@pytest.mark.django_db
def test_bad_filter_input_falls_back_and_shows_the_error(client, manager, poelenburg):
    client.force_login(manager)
    response = client.get("/dashboard/", {"period": "1999-H7", "district": "bestaat-niet"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "errorlist" in html and "geldige keuze" in html
    assert client.get("/dashboard/csv/onbekend/").status_code == 404


@pytest.mark.django_db
def test_a_district_outside_the_chosen_municipality_is_refused(client, manager, poelenburg):
    elsewhere = DistrictFactory(name="Rokkeveen")
    client.force_login(manager)
    response = client.get(
        "/dashboard/",
        {"period": "2025", "municipality": poelenburg.municipality.slug, "district": elsewhere.slug},
    )
    assert "Deze wijk ligt niet in de gekozen gemeente." in response.content.decode()


@pytest.mark.django_db
def test_the_maex_export_is_flat_and_documented(client, manager, poelenburg):
    MeasurementFactory(district=poelenburg, value=Decimal("12"))
    MeasurementFactory(activity=ActivityFactory(districts=[poelenburg]), district=None, value=Decimal("3.5"))
    client.force_login(manager)
    document = json.loads(client.get("/dashboard/maex.json", {"period": "2025-H1"}).content)
    assert document["format"] == "cultuur.maex-export/1"
    rows = document["measurements"]
    assert len(rows) == 2
    assert all(list(row) == document["fields"] for row in rows)
    district_row = next(row for row in rows if row["level"] == "district")
    assert district_row["sdg"] == 4 and district_row["social_value_eur"] == "150.00"
    csv = client.get("/dashboard/maex.csv", {"period": "2025-H1"}).content.decode().splitlines()
    assert csv[0] == ",".join(document["fields"]) and len(csv) == 3
