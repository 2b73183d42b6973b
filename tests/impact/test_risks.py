"""The risk register: score arithmetic and levels, 1-5 ranges in the database, scope per role,
the heat map in one query, reviews with history, and what the PDCA report lists."""

import datetime
import re

import pytest
from django.db import IntegrityError, transaction
from django.test import override_settings
from django.urls import reverse

from impact import risks
from impact.models import Risk, RiskLevel, RiskReview
from impact.models.risks import risk_level
from tests.factories import UserFactory, advisor_in
from tests.impact.factories import GoalFactory
from tests.impact.factories_strategy import RiskFactory
from tests.schools.factories import CmkPlanFactory, SchoolFactory, icc_of

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


@pytest.mark.parametrize(
    ("likelihood", "impact", "score", "level"),
    [
        (1, 1, 1, RiskLevel.LOW),
        (2, 2, 4, RiskLevel.LOW),
        (1, 5, 5, RiskLevel.MEDIUM),
        (3, 3, 9, RiskLevel.MEDIUM),
        (2, 5, 10, RiskLevel.HIGH),
        (5, 5, 25, RiskLevel.HIGH),
    ],
)
def test_the_score_is_likelihood_times_impact_and_its_level_follows_the_thresholds(
    likelihood, impact, score, level
):
    risk = Risk(likelihood=likelihood, impact=impact)
    assert (risk.score, risk.level) == (score, level)
    assert risk_level(likelihood, impact) == level


def test_every_cell_of_the_grid_has_exactly_one_level():
    levels = [risk_level(li, im) for li in range(1, 6) for im in range(1, 6)]
    assert levels.count(RiskLevel.LOW) == 8  # scores 1-4
    assert levels.count(RiskLevel.HIGH) == 10  # scores 10-25
    assert levels.count(RiskLevel.MEDIUM) == 7


@pytest.mark.parametrize(
    ("field", "value"), [("likelihood", 0), ("likelihood", 6), ("impact", 0), ("impact", 9)]
)
def test_the_database_refuses_scores_outside_1_to_5(field, value):
    risk = RiskFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Risk.objects.filter(pk=risk.pk).update(**{field: value})


def test_a_risk_belongs_to_a_goal_or_a_plan_not_both():
    plan = CmkPlanFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        RiskFactory(plan=plan)  # the factory also sets a goal


@pytest.fixture
def world(poelenburg, peldersveld):
    school_x = SchoolFactory(district=poelenburg, municipality=poelenburg.municipality)
    school_y = SchoolFactory(district=peldersveld, municipality=peldersveld.municipality)
    plan_x, plan_y = CmkPlanFactory(school=school_x), CmkPlanFactory(school=school_y)
    return {
        "programme": RiskFactory(goal=GoalFactory(municipality=poelenburg.municipality), title="Programma"),
        "x": RiskFactory(goal=None, plan=plan_x, title="School X"),
        "y": RiskFactory(goal=None, plan=plan_y, title="School Y"),
        "advisor": advisor_in(poelenburg),
        "icc_x": icc_of(school_x),
        "plan_x": plan_x,
        "plan_y": plan_y,
    }


def _titles(user):
    return set(risks.visible_risks(user).values_list("title", flat=True))


def test_each_role_sees_the_risks_of_its_scope(world, manager):
    assert _titles(manager) == {"Programma", "School X", "School Y"}
    assert _titles(world["advisor"]) == {"Programma", "School X"}
    assert _titles(world["icc_x"]) == {"School X"}
    assert _titles(UserFactory(roles=["maker"])) == set()


def test_an_icc_adds_a_risk_to_their_own_plan_but_not_to_another_schools(world, client):
    client.force_login(world["icc_x"])
    data = {
        "title": "Te weinig uren",
        "likelihood": "4",
        "impact": "4",
        "review_on": "2030-01-01",
        "status": "open",
    }
    response = client.post(reverse("impact:risk_create"), {**data, "plan": world["plan_y"].pk})
    assert response.status_code == 200 and "Selecteer een geldige keuze" in response.content.decode()
    response = client.post(reverse("impact:risk_create"), {**data, "plan": world["plan_x"].pk})
    assert response.status_code == 302
    risk = Risk.objects.get(title="Te weinig uren")
    assert (risk.plan, risk.score, risk.created_by) == (world["plan_x"], 16, world["icc_x"])
    assert client.get(reverse("impact:risk_edit", args=[world["y"].pk])).status_code == 404


def test_a_score_outside_1_to_5_is_refused_in_dutch_with_the_input_kept(world, client, manager):
    client.force_login(manager)
    response = client.post(
        reverse("impact:risk_create"),
        {
            "title": "Uitval",
            "goal": world["programme"].goal.pk,
            "likelihood": "7",
            "impact": "2",
            "review_on": "2030-01-01",
            "status": "open",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200 and "Kies een waarde van 1 tot en met 5." in html
    assert 'value="Uitval"' in html


def test_a_maker_has_no_risk_register(client):
    client.force_login(UserFactory(roles=["maker"]))
    assert client.get(reverse("impact:risks")).status_code == 403


def test_the_heat_map_counts_open_risks_per_cell_in_one_query(django_assert_num_queries):
    for likelihood, impact in ((5, 5), (5, 5), (1, 3), (2, 4)):
        RiskFactory(likelihood=likelihood, impact=impact)
    RiskFactory(likelihood=5, impact=5, status="closed")
    with django_assert_num_queries(1):
        grid = risks.heat_map(Risk.objects.all())
    assert [row[0].likelihood for row in grid] == [5, 4, 3, 2, 1]
    assert [cell.impact for cell in grid[0]] == [1, 2, 3, 4, 5]
    assert grid[0][4].count == 2 and grid[4][2].count == 1 and grid[3][3].count == 1
    assert sum(cell.count for row in grid for cell in row) == 4
    assert [(c.likelihood, c.impact, c.count) for c in risks.heat_rows(grid)] == [
        (5, 5, 2),
        (2, 4, 1),
        (1, 3, 1),
    ]


def test_the_dashboard_shows_the_heat_map_with_a_data_table(client, manager):
    RiskFactory(likelihood=4, impact=5)
    client.force_login(manager)
    html = client.get(reverse("impact:dashboard")).content.decode()
    assert "Heatmap: aantal open risico" in html and "Open risico's per score" in html
    assert '<th scope="row">4</th>' in html


def test_a_review_updates_the_scores_and_keeps_the_history(world, manager, client):
    risk = world["programme"]
    RiskReview.objects.all().delete()
    client.force_login(manager)
    next_review = (TODAY + datetime.timedelta(days=90)).isoformat()
    response = client.post(
        reverse("impact:risk_review", args=[risk.pk]),
        {
            "likelihood": "2",
            "impact": "3",
            "note": "Maatregel werkt.",
            "next_review_on": next_review,
            "status": "managed",
        },
    )
    assert response.status_code == 302
    risk.refresh_from_db()
    assert (risk.likelihood, risk.impact, risk.status, risk.review_on.isoformat()) == (
        2,
        3,
        "managed",
        next_review,
    )
    review = RiskReview.objects.get()
    assert (review.previous_likelihood, review.previous_impact, review.score, review.by) == (3, 3, 6, manager)
    response = client.post(
        reverse("impact:risk_review", args=[risk.pk]),
        {
            "likelihood": "2",
            "impact": "3",
            "note": "x",
            "next_review_on": TODAY.isoformat(),
            "status": "open",
        },
    )
    assert "De volgende beoordeling moet na vandaag liggen." in response.content.decode()
    assert RiskReview.objects.count() == 1


def test_risks_past_their_review_date_are_due(world, manager, client):
    Risk.objects.filter(pk=world["x"].pk).update(review_on=TODAY - datetime.timedelta(days=1))
    Risk.objects.filter(pk=world["y"].pk).update(
        review_on=TODAY - datetime.timedelta(days=1), status="closed"
    )
    assert list(risks.due_risks(Risk.objects.all())) == [world["x"]]
    client.force_login(manager)
    html = client.get(reverse("impact:risks") + "?te-beoordelen=1").content.decode()
    assert "School X" in html and "School Y" not in html.split("Te beoordelen")[1]


@pytest.mark.parametrize("page_size", [2, 10])
def test_the_risk_list_costs_the_same_queries_at_two_page_sizes(
    world, manager, client, page_size, django_assert_max_num_queries
):
    for n in range(10):
        RiskFactory(goal=None, plan=world["plan_x"], owner=manager, likelihood=1 + n % 5)
    client.force_login(world["advisor"])
    with override_settings(IMPACT_RISKS_PAGE_SIZE=page_size), django_assert_max_num_queries(12):
        response = client.get(reverse("impact:risks"))
    assert response.status_code == 200
    assert len(re.findall(r"/risicos/\d+/beoordelen/", response.content.decode())) == page_size


def test_the_pdca_report_lists_the_risks_reviewed_in_its_period_and_the_open_high_risks(municipality):
    from impact.models import MonitoringReport
    from impact.reports import build_data

    high = RiskFactory(title="Uitval cultuurexpert", likelihood=4, impact=4, measure="Wijkteams van twee")
    RiskFactory(title="Klein risico", likelihood=1, impact=2)
    RiskFactory(title="Gesloten hoog", likelihood=5, impact=5, status="closed")
    RiskReview.objects.create(
        risk=high,
        reviewed_on=datetime.date(2025, 3, 1),
        likelihood=4,
        impact=4,
        previous_likelihood=5,
        previous_impact=4,
        note="Besproken in het halfjaaroverleg.",
    )
    RiskReview.objects.create(
        risk=high,
        reviewed_on=datetime.date(2025, 9, 1),
        likelihood=4,
        impact=4,
        previous_likelihood=4,
        previous_impact=4,
        note="Buiten de periode.",
    )
    report = MonitoringReport(
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 6, 30),
        period_label="2025-H1",
        municipality=municipality,
        scope_key=f"m{municipality.pk}",
    )
    data = build_data(report)
    assert [row["note"] for row in data["risks_reviewed"]] == ["Besproken in het halfjaaroverleg."]
    assert data["risks_reviewed"][0]["before"] == 20
    assert [row["risk"] for row in data["risks_high"]] == ["Uitval cultuurexpert"]


def test_an_icc_chooses_an_owner_only_among_their_own_schools_iccs(world, client):
    other_icc = icc_of(world["plan_y"].school, email="icc-y@example.org")
    colleague = icc_of(world["plan_x"].school, email="collega@example.org")
    client.force_login(world["icc_x"])
    html = client.get(reverse("impact:risk_create")).content.decode()
    assert colleague.get_full_name() in html
    assert other_icc.get_full_name() not in html and world["advisor"].get_full_name() not in html
    assert "doelstelling" not in html.split("<form")[1].split("</form>")[0].lower()
