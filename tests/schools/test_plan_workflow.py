import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from schools import services, workflow
from schools.models import CmkPlan, PlanEvent
from schools.models.choices import Approach, CultureType, Domain, PlanStatus
from tests.factories import UserFactory
from tests.schools.factories import AmbitionFactory, CultureTypeRecordFactory, account_holder_of

pytestmark = pytest.mark.django_db


def _url(name, plan, **extra):
    return reverse(f"schools:{name}", kwargs={"pk": plan.school_id, "year": plan.year, **extra})


def _ready(plan):
    AmbitionFactory(plan=plan)
    return plan


def test_the_icc_edits_a_draft_and_submits_it(client, icc, plan):
    _ready(plan)
    client.force_login(icc)
    response = client.post(_url("plan_vision", plan), {"vision": "Cultuur verbindt de wijk."})
    assert response.status_code == 302
    response = client.post(_url("plan_submit", plan))
    plan.refresh_from_db()
    assert (plan.vision, plan.status) == ("Cultuur verbindt de wijk.", PlanStatus.SUBMITTED)
    assert plan.submitted_at is not None


def test_a_submitted_plan_cannot_be_edited(client, icc, plan):
    _ready(plan)
    services.plan_submit(plan=plan, by=icc)
    client.force_login(icc)
    response = client.post(_url("plan_vision", plan), {"vision": "Stiekem gewijzigd."}, follow=True)
    plan.refresh_from_db()
    assert plan.vision == "Elk kind ontdekt zijn talent."
    assert "kan niet meer worden gewijzigd" in response.content.decode()
    response = client.post(
        _url("ambition_add", plan),
        {
            "domain": Domain.TEAM_EXPERTISE,
            "approach": Approach.DEEPEN,
            "principles": ["A"],
            "description": "x",
        },
    )
    assert plan.ambitions.count() == 1
    page = client.get(_url("plan", plan)).content.decode()
    assert "Visie opslaan" not in page and "Plan indienen" not in page


def test_sending_back_makes_the_plan_editable_again_and_needs_comments(client, icc, advisor, plan):
    _ready(plan)
    services.plan_submit(plan=plan, by=icc)
    client.force_login(advisor)
    response = client.post(_url("plan_send_back", plan), {"comments": "   "})
    assert response.status_code == 200
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED
    client.post(_url("plan_send_back", plan), {"comments": "Maak de indicatoren meetbaar."})
    plan.refresh_from_db()
    assert (plan.status, plan.review_comments) == (PlanStatus.SENT_BACK, "Maak de indicatoren meetbaar.")
    services.plan_update(plan=plan, vision="Beter plan.", by=icc)
    services.plan_submit(plan=plan, by=icc)
    client.post(_url("plan_agree", plan))
    plan.refresh_from_db()
    assert plan.status == PlanStatus.AGREED and plan.agreed_by == advisor


def test_every_change_is_kept_in_the_history_with_its_actor(icc, advisor, plan):
    _ready(plan)
    services.plan_update(plan=plan, vision="Nieuwe visie", by=icc)
    services.plan_submit(plan=plan, by=icc)
    services.plan_send_back(plan=plan, comments="Nog niet.", by=advisor)
    services.plan_submit(plan=plan, by=icc)
    services.plan_agree(plan=plan, by=advisor)
    events = list(PlanEvent.objects.filter(plan=plan).values_list("action", "by_id"))
    assert events == [
        ("schools.plan.vision_changed", icc.pk),
        ("schools.plan.submitted", icc.pk),
        ("schools.plan.sent_back", advisor.pk),
        ("schools.plan.submitted", icc.pk),
        ("schools.plan.agreed", advisor.pk),
    ]


def test_only_the_account_holder_agrees_and_only_a_submitted_plan(client, icc, plan, school):
    _ready(plan)
    other_advisor = account_holder_of()
    with pytest.raises(PermissionDenied):
        services.plan_agree(plan=plan, by=icc)
    with pytest.raises(services.SchoolsError):
        services.plan_agree(plan=plan, by=school.account_holder)
    services.plan_submit(plan=plan, by=icc)
    client.force_login(other_advisor)
    assert client.post(_url("plan_agree", plan)).status_code == 404  # not their school at all
    manager = UserFactory(roles=["manager"])
    client.force_login(manager)
    assert client.post(_url("plan_agree", plan)).status_code == 403  # managers read, never agree
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED


def test_a_plan_without_vision_or_ambitions_cannot_be_submitted(icc, plan):
    plan.vision = ""
    plan.save()
    with pytest.raises(services.SchoolsError, match="visie"):
        services.plan_submit(plan=plan, by=icc)
    plan.vision = "Waarom"
    plan.save()
    with pytest.raises(services.SchoolsError, match="ambitie"):
        services.plan_submit(plan=plan, by=icc)


def test_an_approach_must_fit_the_schools_culture_type(client, icc, plan, school):
    CultureTypeRecordFactory(school=school, school_year=plan.school_year, culture_type=CultureType.CONSUMING)
    client.force_login(icc)
    data = {"domain": Domain.SCHOOL_PROGRAMME, "principles": ["B", "C"], "description": "Leerlijn muziek"}
    response = client.post(_url("ambition_add", plan), {**data, "approach": Approach.DEEPEN})
    assert response.status_code == 200
    assert "past niet bij het cultuurtype" in response.content.decode()
    assert "Leerlijn muziek" in response.content.decode()  # what was typed is kept
    client.post(_url("ambition_add", plan), {**data, "approach": Approach.RENEW})
    assert list(plan.ambitions.values_list("approach", "principles")) == [(Approach.RENEW, "BC")]


def test_an_ambition_needs_a_principle_and_a_milestone_a_date_in_the_school_year(client, icc, plan):
    client.force_login(icc)
    response = client.post(
        _url("ambition_add", plan),
        {"domain": Domain.TEAM_EXPERTISE, "approach": Approach.DEEPEN, "description": "x"},
    )
    assert response.status_code == 200 and plan.ambitions.count() == 0
    response = client.post(_url("milestone_add", plan), {"title": "Evaluatie", "due_date": "2027-01-10"})
    assert "schooljaar 2025-2026" in response.content.decode()
    client.post(_url("milestone_add", plan), {"title": "Evaluatie", "due_date": "2026-01-10"})
    assert plan.milestones.count() == 1


@pytest.mark.parametrize("status", list(PlanStatus))
def test_the_workflow_allows_exactly_its_transitions(status):
    allowed = {action for action in workflow.TRANSITIONS if workflow.can_transition(status, action)}
    expected = {
        PlanStatus.DRAFT: {"submit"},
        PlanStatus.SENT_BACK: {"submit"},
        PlanStatus.SUBMITTED: {"agree", "send_back"},
        PlanStatus.AGREED: {"send_back"},
    }[status]
    assert allowed == expected


def test_the_icc_or_account_holder_starts_a_plan_for_a_year(client, icc, school, year):
    client.force_login(icc)
    client.post(reverse("schools:plan_start", kwargs={"pk": school.pk, "year": year}))
    client.post(reverse("schools:plan_start", kwargs={"pk": school.pk, "year": year}))
    assert (
        CmkPlan.objects.filter(school=school, school_year=year.start_year, status=PlanStatus.DRAFT).count()
        == 1
    )


def test_the_icc_edits_an_ambition_of_a_draft_but_not_of_a_submitted_plan(client, icc, plan):
    ambition = AmbitionFactory(plan=plan)
    url = reverse(
        "schools:ambition_edit", kwargs={"pk": plan.school_id, "year": plan.year, "ambition_pk": ambition.pk}
    )
    client.force_login(icc)
    assert client.get(url).status_code == 200
    data = {
        "domain": Domain.CULTURAL_ENVIRONMENT,
        "approach": Approach.BROADEN,
        "principles": ["A", "D"],
        "description": "Partnerschap",
    }
    assert client.post(url, data).status_code == 302
    ambition.refresh_from_db()
    assert (ambition.domain, ambition.approach, ambition.principles) == (
        Domain.CULTURAL_ENVIRONMENT,
        Approach.BROADEN,
        "AD",
    )
    services.plan_submit(plan=plan, by=icc)
    client.post(url, {**data, "description": "Later gewijzigd"})
    ambition.refresh_from_db()
    assert ambition.description == "Partnerschap"
    assert PlanEvent.objects.filter(plan=plan, action="schools.plan.ambition_changed").count() == 1


def test_a_vision_that_is_far_too_long_is_refused_and_kept(client, icc, plan):
    client.force_login(icc)
    response = client.post(_url("plan_vision", plan), {"vision": "waarom " * 1000})
    assert response.status_code == 200
    assert "niet meer dan 5000 tekens" in response.content.decode()
    plan.refresh_from_db()
    assert plan.vision == "Elk kind ontdekt zijn talent."


@pytest.mark.parametrize(
    "data",
    [
        {"school_year": 1999, "culture_type": "consuming"},
        {"school_year": 2025, "culture_type": "avant-garde"},
        {},
    ],
)
def test_a_bad_culture_type_is_refused_with_a_message(client, advisor, school, data):
    client.force_login(advisor)
    response = client.post(reverse("schools:culture_type", kwargs={"pk": school.pk}), data, follow=True)
    assert "Kies een schooljaar en een cultuurtype" in response.content.decode()
    assert not school.culture_types.exists()
