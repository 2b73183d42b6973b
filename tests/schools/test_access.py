"""Who sees and changes which school, in pages and API: out of scope 404, in scope without the right 403."""

import pytest
from django.urls import reverse

from schools.models import BudgetLine
from schools.selectors import visible_schools
from tests.factories import UserFactory, advisor_in
from tests.schools.factories import BudgetLineFactory, CmkPlanFactory, MonitoringEntryFactory, SchoolFactory

pytestmark = pytest.mark.django_db


def _school_urls(school, year):
    kw = {"pk": school.pk}
    kwy = {"pk": school.pk, "year": year}
    return [
        reverse("schools:detail", kwargs=kw),
        reverse("schools:monitoring", kwargs=kw),
        reverse("schools:plan", kwargs=kwy),
        reverse("schools:budget", kwargs=kwy),
    ]


def test_an_icc_sees_only_their_own_school_in_pages(client, icc, school, other_school, year):
    CmkPlanFactory(school=other_school)
    client.force_login(icc)
    for url in _school_urls(school, year):
        assert client.get(url).status_code == 200, url
    for url in _school_urls(other_school, year):
        assert client.get(url).status_code == 404, url
    home = client.get(reverse("schools:home"))
    assert home.status_code == 200
    assert school.name in home.content.decode() and other_school.name not in home.content.decode()


def test_an_icc_cannot_change_another_school_through_any_form(client, icc, school, other_school, year):
    plan = CmkPlanFactory(school=other_school)
    client.force_login(icc)
    kwy = {"pk": other_school.pk, "year": year}
    for name in ["plan_start", "plan_vision", "ambition_add", "milestone_add", "plan_submit", "plan_agree"]:
        assert client.post(reverse(f"schools:{name}", kwargs=kwy), {"vision": "x"}).status_code == 404, name
    assert client.post(reverse("schools:culture_type", kwargs={"pk": other_school.pk})).status_code == 404
    plan.refresh_from_db()
    assert plan.vision == "Elk kind ontdekt zijn talent."


def test_an_icc_sees_only_their_own_school_in_the_api(client, icc, school, other_school):
    own_line = BudgetLineFactory(school=school)
    foreign_line = BudgetLineFactory(school=other_school)
    foreign_plan = CmkPlanFactory(school=other_school)
    client.force_login(icc)
    assert [row["id"] for row in client.get("/api/schools/").json()["results"]] == [school.pk]
    assert client.get(f"/api/schools/{other_school.pk}/").status_code == 404
    assert [row["id"] for row in client.get("/api/school-budget-lines/").json()["results"]] == [own_line.pk]
    assert client.get(f"/api/school-budget-lines/{foreign_line.pk}/").status_code == 404
    assert (
        client.patch(
            f"/api/school-budget-lines/{foreign_line.pk}/",
            {"description": "x"},
            content_type="application/json",
        ).status_code
        == 404
    )
    assert client.delete(f"/api/school-budget-lines/{foreign_line.pk}/").status_code == 404
    assert client.get(f"/api/school-plans/{foreign_plan.pk}/").status_code == 404
    foreign_line.refresh_from_db()
    assert foreign_line.description != "x"


def test_a_budget_line_posted_to_the_api_for_another_school_is_refused(client, icc, school, other_school):
    client.force_login(icc)
    data = {
        "school": other_school.pk,
        "school_year": "2025-2026",
        "description": "Workshop",
        "planned_date": "2025-10-01",
        "fixed_amount_cents": 10_000,
    }
    response = client.post("/api/school-budget-lines/", data, content_type="application/json")
    assert response.status_code == 400
    assert "school" in response.json()
    assert not BudgetLine.objects.exists()
    response = client.post(
        "/api/school-budget-lines/", {**data, "school": school.pk}, content_type="application/json"
    )
    assert response.status_code == 201, response.json()
    assert response.json()["planned_amount_cents"] == 10_000


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"fixed_amount_cents": -5}, "fixed_amount_cents"),
        ({"fixed_amount_cents": 10**9}, "fixed_amount_cents"),
        ({"planned_date": "2027-01-01"}, "planned_date"),
        ({"school_year": "2025-2027"}, "school_year"),
        ({"hours": "2", "hourly_rate_cents": 5000}, "fixed_amount_cents"),
    ],
)
def test_bad_budget_lines_in_the_api_get_a_clear_400(client, icc, school, change, key):
    client.force_login(icc)
    data = {
        "school": school.pk,
        "school_year": "2025-2026",
        "description": "Workshop",
        "planned_date": "2025-10-01",
        "fixed_amount_cents": 10_000,
        **change,
    }
    response = client.post("/api/school-budget-lines/", data, content_type="application/json")
    assert response.status_code == 400
    assert key in response.json()


def test_an_advisor_sees_account_schools_and_their_districts_schools_but_changes_only_their_own(client, year):
    own = SchoolFactory()
    neighbour = SchoolFactory()
    elsewhere = SchoolFactory()
    advisor = advisor_in(neighbour.district)
    own.account_holder = advisor
    own.save()
    assert set(visible_schools(advisor)) == {own, neighbour}
    client.force_login(advisor)
    assert client.get(reverse("schools:plan", kwargs={"pk": elsewhere.pk, "year": year})).status_code == 404
    plan = CmkPlanFactory(school=neighbour, status="submitted")
    assert (
        client.post(reverse("schools:plan_agree", kwargs={"pk": neighbour.pk, "year": year})).status_code
        == 403
    )
    plan.refresh_from_db()
    assert plan.status == "submitted"


def test_a_manager_reads_every_school_and_changes_nothing(client, school, other_school, year):
    client.force_login(UserFactory(roles=["manager"]))
    assert {row["id"] for row in client.get("/api/schools/").json()["results"]} == {
        school.pk,
        other_school.pk,
    }
    assert client.get(reverse("schools:plan", kwargs={"pk": school.pk, "year": year})).status_code == 200
    assert client.post(reverse("schools:monitoring", kwargs={"pk": school.pk}), {}).status_code == 403
    data = {
        "school": school.pk,
        "school_year": "2025-2026",
        "description": "x",
        "planned_date": "2025-10-01",
        "fixed_amount_cents": 1,
    }
    assert client.post("/api/school-budget-lines/", data, content_type="application/json").status_code == 403


@pytest.mark.parametrize("roles", [["maker"], ["funds_coordinator"], []])
def test_other_roles_have_no_school_pages_and_an_empty_api(client, roles, school, year):
    client.force_login(UserFactory(roles=roles))
    for url in [reverse("schools:home"), reverse("schools:list"), *_school_urls(school, year)]:
        assert client.get(url).status_code == 403, url
    assert client.get("/api/schools/").json()["count"] == 0
    assert client.get("/api/school-budget-lines/").json()["results"] == []


def test_anonymous_visitors_are_sent_to_log_in(client, school):
    response = client.get(reverse("schools:detail", kwargs={"pk": school.pk}))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.get("/api/schools/").status_code in {401, 403}


def test_the_icc_sees_only_the_monitoring_notes_meant_for_the_school(client, icc, school):
    MonitoringEntryFactory(school=school, notes="Gedeeld met de school", shared_with_school=True)
    MonitoringEntryFactory(school=school, notes="Intern voor FluXus", shared_with_school=False)
    client.force_login(icc)
    page = client.get(reverse("schools:monitoring", kwargs={"pk": school.pk})).content.decode()
    assert "Gedeeld met de school" in page and "Intern voor FluXus" not in page
    notes = [row["notes"] for row in client.get("/api/school-monitoring/").json()["results"]]
    assert notes == ["Gedeeld met de school"]


def test_an_advisor_can_narrow_the_list_to_the_schools_they_hold(client):
    own = SchoolFactory(name="Eigen school")
    neighbour = SchoolFactory(name="Buurschool")
    advisor = advisor_in(neighbour.district)
    own.account_holder = advisor
    own.save()
    client.force_login(advisor)
    page = client.get(reverse("schools:list")).content.decode()
    assert "Eigen school" in page and "Buurschool" in page
    page = client.get(reverse("schools:list"), {"alleen": "mijn"}).content.decode()
    assert "Eigen school" in page and "Buurschool" not in page


def test_the_plan_workflow_through_the_api_follows_the_same_rules(client, icc, advisor, school):
    from schools.models.choices import PlanStatus
    from tests.schools.factories import AmbitionFactory

    plan = CmkPlanFactory(school=school)
    AmbitionFactory(plan=plan)
    foreign = CmkPlanFactory(school=SchoolFactory())
    client.force_login(icc)
    assert client.post(f"/api/school-plans/{foreign.pk}/submit/").status_code == 404
    assert client.post(f"/api/school-plans/{plan.pk}/agree/").status_code == 403
    response = client.post(f"/api/school-plans/{plan.pk}/submit/")
    assert response.status_code == 200 and response.json()["status"] == PlanStatus.SUBMITTED
    assert client.post(f"/api/school-plans/{plan.pk}/submit/").status_code == 400  # already submitted
    client.force_login(advisor)
    assert (
        client.post(
            f"/api/school-plans/{plan.pk}/send-back/", {}, content_type="application/json"
        ).status_code
        == 400
    )
    response = client.post(
        f"/api/school-plans/{plan.pk}/send-back/",
        {"comments": "Meetbaarder"},
        content_type="application/json",
    )
    assert response.json()["status"] == PlanStatus.SENT_BACK
    client.force_login(icc)
    client.post(f"/api/school-plans/{plan.pk}/submit/")
    client.force_login(advisor)
    assert client.post(f"/api/school-plans/{plan.pk}/agree/").json()["status"] == PlanStatus.AGREED
