from decimal import Decimal

import pytest

from impact.models import ImpactTheme, MonitoringReport
from tests.factories import advisor_in
from tests.impact.factories import GoalFactory, IndicatorFactory


@pytest.mark.django_db
def test_a_manager_edits_an_impact_theme(client, manager):
    client.force_login(manager)
    response = client.post(
        "/dashboard/themas/16/",
        {"name": "Sociale vrede en veiligheid", "description": "MAEX", "is_active": "on"},
    )
    assert response.status_code == 302
    assert ImpactTheme.objects.get(number=16).name == "Sociale vrede en veiligheid"


@pytest.mark.django_db
def test_a_theme_without_a_name_is_refused_and_keeps_the_input(client, manager):
    client.force_login(manager)
    response = client.post(
        "/dashboard/themas/1/", {"name": "", "description": "Armoedebestrijding in Poelenburg"}
    )
    assert response.status_code == 200
    assert "Armoedebestrijding in Poelenburg" in response.content.decode()
    assert ImpactTheme.objects.get(number=1).name == "Geen armoede"


@pytest.mark.django_db
def test_a_manager_records_hand_measured_progress_with_evidence(client, manager):
    goal = GoalFactory(title="6 bijeenkomsten Cultuur in je rugzak", target=Decimal(6))
    client.force_login(manager)
    bad = client.post(f"/dashboard/doelstellingen/{goal.pk}/meting/", {"value": "-1", "evidence": ""})
    assert bad.status_code == 200
    good = client.post(
        f"/dashboard/doelstellingen/{goal.pk}/meting/", {"value": "4", "evidence": "Presentielijsten"}
    )
    assert good.status_code == 302
    goal.refresh_from_db()
    assert goal.manual_value == 4
    computed = GoalFactory(metric="activities")
    assert client.get(f"/dashboard/doelstellingen/{computed.pk}/meting/").status_code == 404


@pytest.mark.django_db
def test_advisors_may_not_edit_themes_or_goals(client, poelenburg):
    goal = GoalFactory()
    client.force_login(advisor_in(poelenburg))
    assert client.post("/dashboard/themas/1/", {"name": "x"}).status_code == 403
    assert client.get(f"/dashboard/doelstellingen/{goal.pk}/meting/").status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("size", [1, 8])
def test_the_list_pages_cost_a_fixed_number_of_queries(
    client, manager, municipality, size, django_assert_max_num_queries
):
    for n in range(size):
        IndicatorFactory()
        GoalFactory(metric="activities_co_produced" if n % 2 else "", manual_value=None)
        MonitoringReport.objects.create(
            period_start=f"20{10 + n}-01-01",
            period_end=f"20{10 + n}-06-30",
            period_label=f"20{10 + n}-H1",
            municipality=municipality,
            scope_key=f"m{municipality.pk}",
        )
    client.force_login(manager)
    for url in ("/dashboard/themas/", "/dashboard/doelstellingen/", "/dashboard/rapportages/"):
        with django_assert_max_num_queries(10):
            assert client.get(url).status_code == 200
