import pytest

from tests.impact.factories import ActivityFactory, ReachFactory


@pytest.mark.django_db
def test_the_dashboard_renders_for_a_manager(client, manager, poelenburg):
    ReachFactory(activity=ActivityFactory(districts=[poelenburg]))
    client.force_login(manager)
    response = client.get("/dashboard/?period=2025")
    assert response.status_code == 200, response.content[:2000]
