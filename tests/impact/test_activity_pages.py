import pytest

from impact.models import Reach
from tests.factories import DistrictFactory, advisor_in
from tests.impact.factories import ActivityFactory, ReachFactory


@pytest.mark.django_db
def test_an_advisor_records_the_reach_of_an_activity_in_their_district(client, poelenburg):
    activity = ActivityFactory(districts=[poelenburg], title="Community Table")
    client.force_login(advisor_in(poelenburg))
    url = f"/dashboard/activiteiten/{activity.slug}/bereik/"
    response = client.post(
        url, {"participants": "24", "new_participants": "9", "visitors": "310", "pupils": "0"}
    )
    assert response.status_code == 302
    reach = Reach.objects.get(activity=activity)
    assert (reach.participants, reach.new_participants, reach.visitors) == (24, 9, 310)


@pytest.mark.django_db
def test_more_new_participants_than_participants_is_refused_and_keeps_the_input(client, poelenburg):
    activity = ActivityFactory(districts=[poelenburg])
    client.force_login(advisor_in(poelenburg))
    response = client.post(
        f"/dashboard/activiteiten/{activity.slug}/bereik/",
        {"participants": "5", "new_participants": "8", "visitors": "1234", "pupils": "0"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Er kunnen niet meer nieuwe deelnemers zijn dan deelnemers." in html and 'value="1234"' in html
    assert not Reach.objects.exists()


@pytest.mark.django_db
def test_another_districts_activity_is_not_found_and_managers_only_read(
    client, manager, poelenburg, peldersveld
):
    other = ActivityFactory(districts=[peldersveld])
    client.force_login(advisor_in(poelenburg))
    assert client.get(f"/dashboard/activiteiten/{other.slug}/bereik/").status_code == 404
    client.force_login(manager)
    assert client.get("/dashboard/activiteiten/").status_code == 200
    assert client.get(f"/dashboard/activiteiten/{other.slug}/bereik/").status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("size", [2, 20])
def test_the_activity_list_costs_a_fixed_number_of_queries(
    client, manager, municipality, size, django_assert_max_num_queries
):
    for _ in range(size):
        ReachFactory(activity=ActivityFactory(districts=[DistrictFactory(municipality=municipality)]))
    client.force_login(manager)
    with django_assert_max_num_queries(14):
        assert client.get("/dashboard/activiteiten/").status_code == 200


@pytest.mark.django_db
def test_an_advisor_adds_a_measurement_for_their_district_only(client, poelenburg, peldersveld):
    from impact.models import Measurement
    from tests.impact.factories import IndicatorFactory

    indicator = IndicatorFactory(name="Deelnemers met een Zaanpas")
    client.force_login(advisor_in(poelenburg))
    data = {
        "indicator": indicator.pk,
        "district": poelenburg.pk,
        "period_start": "2025-01-01",
        "period_end": "2025-06-30",
        "value": "42",
        "evidence": "Telling wijkteam",
    }
    assert client.post("/dashboard/metingen/nieuw/", data).status_code == 302
    assert Measurement.objects.get().district == poelenburg
    elsewhere = client.post("/dashboard/metingen/nieuw/", {**data, "district": peldersveld.pk})
    backwards = client.post("/dashboard/metingen/nieuw/", {**data, "period_end": "2024-12-31"})
    assert elsewhere.status_code == backwards.status_code == 200
    assert "Het einde van de periode ligt vóór het begin." in backwards.content.decode()
    assert Measurement.objects.count() == 1


@pytest.mark.django_db
def test_a_manager_does_not_add_measurements(client, manager):
    client.force_login(manager)
    assert client.get("/dashboard/metingen/nieuw/").status_code == 403
