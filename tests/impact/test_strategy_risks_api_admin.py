"""The API of strategy cards, agreements and risks is scoped like the pages; the admin pages open."""

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import UserFactory, advisor_in
from tests.impact.factories import GoalFactory
from tests.impact.factories_strategy import AgreementFactory, RiskFactory
from tests.schools.factories import CmkPlanFactory, SchoolFactory, icc_of

pytestmark = pytest.mark.django_db


def test_the_api_scopes_cards_agreements_and_risks_by_role(client, manager, poelenburg, peldersveld):
    AgreementFactory()
    plan_x = CmkPlanFactory(school=SchoolFactory(district=poelenburg, municipality=poelenburg.municipality))
    plan_y = CmkPlanFactory(school=SchoolFactory(district=peldersveld, municipality=peldersveld.municipality))
    RiskFactory(goal=None, plan=plan_x, title="X", likelihood=4, impact=5)
    other = RiskFactory(goal=None, plan=plan_y, title="Y")
    RiskFactory(
        goal=GoalFactory(district=poelenburg, municipality=poelenburg.municipality), title="Programma"
    )

    client.force_login(manager)
    assert client.get("/api/strategy-cards/").json()["count"] == 1
    assert client.get("/api/strategy-agreements/").json()["count"] == 1
    assert client.get("/api/risks/").json()["count"] == 3

    client.force_login(advisor_in(poelenburg))
    assert client.get("/api/strategy-cards/").json()["count"] == 0
    assert {r["title"] for r in client.get("/api/risks/").json()["results"]} == {"X", "Programma"}
    assert client.get(f"/api/risks/{other.pk}/").status_code == 404

    client.force_login(icc_of(plan_x.school))
    [risk] = client.get("/api/risks/").json()["results"]
    assert (risk["title"], risk["score"], risk["level"]) == ("X", 20, "high")

    client.force_login(UserFactory(roles=["maker"]))
    assert client.get("/api/risks/").json()["count"] == 0


@pytest.mark.parametrize("model", ["strategycard", "agreement", "progressinvitation", "risk"])
def test_the_admin_pages_open(client, model):
    RiskFactory()
    AgreementFactory()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get(reverse(f"admin:impact_{model}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:impact_{model}_add")).status_code == 200


def test_beat_sends_the_progress_invitations_each_half_year():
    entry = settings.CELERY_BEAT_SCHEDULE["impact-progress-invitations"]
    assert entry["task"] == "impact.tasks.send_progress_invitations"
    assert entry["schedule"].month_of_year == {6, 12}
