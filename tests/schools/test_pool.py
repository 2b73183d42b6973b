"""The art-teacher pool: matching a school to pool teachers, proposals, and who sees what."""

import pytest
from django.urls import reverse

from schools import pool, pool_services
from schools.models import PoolProposal, ProposalStatus, TeacherAvailability
from schools.models.choices import CultureType, Domain
from schools.school_year import SchoolYear
from schools.services import SchoolsError
from tests.factories import UserFactory
from tests.makers.factories import OwnedMakerFactory
from tests.schools.factories import (
    AmbitionFactory,
    CmkPlanFactory,
    CultureTypeRecordFactory,
    SchoolFactory,
    icc_of,
    pool_teacher,
)

pytestmark = pytest.mark.django_db

NOW = SchoolYear.current()


@pytest.fixture
def coordinator():
    return UserFactory(roles=["manager"])


@pytest.fixture
def dance_school(school):
    plan = CmkPlanFactory(school=school, school_year=NOW.start_year)
    AmbitionFactory(
        plan=plan, domain=Domain.SCHOOL_PROGRAMME, description="Elke groep krijgt een reeks danslessen."
    )
    CultureTypeRecordFactory(
        school=school, school_year=NOW.start_year, culture_type=CultureType.PARTICIPATING
    )
    return school


def test_matching_proposes_teachers_whose_disciplines_and_way_of_working_fit(dance_school):
    dancer = pool_teacher(disciplines=["dans"], lesson_series=True)
    singles = pool_teacher(disciplines=["dans"], single_lessons=True, lesson_series=False)
    pool_teacher(disciplines=["theater"], single_lessons=False)  # fits nothing
    pool_teacher(disciplines=["dans"], year=NOW.next(), lesson_series=True)  # not this year

    matches = pool.school_matches(dance_school, NOW, CultureType.PARTICIPATING)

    assert [m.teacher for m in matches] == [dancer, singles]
    assert matches[0].score > matches[1].score
    assert any("Dans staat in de ambities" in reason for reason in matches[0].reasons)
    assert any("participerende school" in reason for reason in matches[0].reasons)


def test_a_teacher_without_a_place_left_or_already_proposed_is_not_matched(dance_school, coordinator):
    full = pool_teacher(disciplines=["dans"], max_schools=1)
    pool_services.proposal_create(school=SchoolFactory(), teacher=full, year=NOW, by=coordinator)
    proposed = pool_teacher(disciplines=["dans"])
    pool_services.proposal_create(school=dance_school, teacher=proposed, year=NOW, by=coordinator)

    assert pool.school_matches(dance_school, NOW, CultureType.PARTICIPATING) == []
    with pytest.raises(SchoolsError, match="geen plaats meer"):
        pool_services.proposal_create(school=dance_school, teacher=full, year=NOW, by=coordinator)
    with pytest.raises(SchoolsError, match="al aan deze school"):
        pool_services.proposal_create(school=dance_school, teacher=proposed, year=NOW, by=coordinator)


def test_matching_costs_the_same_queries_for_any_pool_size(dance_school, django_assert_max_num_queries):
    for _ in range(2):
        pool_teacher(disciplines=["dans", "muziek"], lesson_series=True)
    with django_assert_max_num_queries(10) as small:
        pool.school_matches(dance_school, NOW, CultureType.PARTICIPATING)
    for _ in range(15):
        pool_teacher(disciplines=["dans", "muziek"], lesson_series=True)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert len(pool.school_matches(dance_school, NOW, CultureType.PARTICIPATING, limit=None)) == 17


def test_a_proposal_keeps_its_score_and_reasons(dance_school, coordinator):
    teacher = pool_teacher(disciplines=["dans"], lesson_series=True)
    proposal = pool_services.proposal_create(
        school=dance_school, teacher=teacher, year=NOW, note="Past goed", by=coordinator
    )
    assert proposal.score >= 5
    assert proposal.reasons and proposal.status == ProposalStatus.PROPOSED


def test_the_icc_sees_and_answers_the_proposals_of_their_own_school_only(client, dance_school, coordinator):
    other = SchoolFactory()
    teacher = pool_teacher(disciplines=["dans"], lesson_series=True)
    mine = pool_services.proposal_create(school=dance_school, teacher=teacher, year=NOW, by=coordinator)
    theirs = pool_services.proposal_create(school=other, teacher=teacher, year=NOW, by=coordinator)
    icc = icc_of(dance_school)
    client.force_login(icc)

    page = client.get(reverse("schools:school_pool", args=[dance_school.pk]))
    assert [row[0] for row in page.context["rows"]] == [mine]
    assert "matches" not in page.context  # the matching is the coordinator's
    assert client.get(reverse("schools:school_pool", args=[other.pk])).status_code == 404
    respond = reverse("schools:proposal_respond", args=[other.pk, theirs.pk])
    assert client.post(respond, {"decision": "accept"}).status_code == 404

    url = reverse("schools:proposal_respond", args=[dance_school.pk, mine.pk])
    response = client.post(url, {"decision": "decline", "note": ""})
    assert "Schrijf kort waarom" in response.content.decode()
    client.post(url, {"decision": "accept", "note": "Graag op dinsdag"})
    mine.refresh_from_db()
    assert mine.status == ProposalStatus.ACCEPTED and mine.response_note == "Graag op dinsdag"
    assert (
        "al gereageerd"
        in client.post(url, {"decision": "decline", "note": "toch niet"}, follow=True).content.decode()
    )


def test_the_coordinator_proposes_from_the_school_page(client, dance_school, coordinator):
    teacher = pool_teacher(disciplines=["dans"], lesson_series=True)
    client.force_login(coordinator)
    page = client.get(reverse("schools:school_pool", args=[dance_school.pk]))
    assert [m.teacher for m in page.context["matches"]] == [teacher]
    assert "cultuurtype van de school (participerend)" in page.content.decode()
    response = client.post(
        reverse("schools:proposal_create", args=[dance_school.pk]) + f"?jaar={NOW}", {"teacher": teacher.pk}
    )
    assert response.status_code == 302
    assert PoolProposal.objects.filter(school=dance_school, teacher=teacher).exists()


def test_an_icc_cannot_propose(client, dance_school):
    teacher = pool_teacher()
    client.force_login(icc_of(dance_school))
    url = reverse("schools:proposal_create", args=[dance_school.pk])
    assert client.post(url, {"teacher": teacher.pk}).status_code == 403
    assert client.get(reverse("schools:pool_list")).status_code == 403


def test_the_maker_edits_their_own_availability_with_dutch_errors(client):
    maker = OwnedMakerFactory()
    teacher = pool_teacher(maker=maker)
    client.force_login(maker.user)
    url = reverse("schools:my_availability")
    response = client.post(
        url + f"?jaar={NOW}", {"jaar-hours_per_week": "", "jaar-grade_min": "5", "jaar-grade_max": "3"}
    )
    content = response.content.decode()
    assert "Kies minstens één dagdeel." in content
    assert "De laatste groep moet gelijk aan of hoger zijn dan de eerste." in content
    assert 'value="5"' in content  # the input is kept
    response = client.post(
        url + f"?jaar={NOW}",
        {
            "jaar-day_parts": ["ma-o", "wo-o"],
            "jaar-hours_per_week": "8",
            "jaar-disciplines": [
                d.pk for d in TeacherAvailability.objects.get(teacher=teacher).disciplines.all()
            ],
            "jaar-grade_min": "3",
            "jaar-grade_max": "8",
            "jaar-max_schools": "3",
        },
    )
    assert response.status_code == 302
    availability = TeacherAvailability.objects.get(teacher=teacher, school_year=NOW.start_year)
    assert availability.day_parts == ["ma-o", "wo-o"] and availability.max_schools == 3


def test_a_maker_cannot_lower_their_schools_below_the_places_taken(dance_school, coordinator):
    teacher = pool_teacher(max_schools=2)
    pool_services.proposal_create(school=dance_school, teacher=teacher, year=NOW, by=coordinator)
    pool_services.proposal_create(school=SchoolFactory(), teacher=teacher, year=NOW, by=coordinator)
    availability = teacher.availabilities.get()
    availability.max_schools = 1
    with pytest.raises(SchoolsError, match="minstens 2"):
        pool_services.availability_save(
            availability=availability, disciplines=list(availability.disciplines.all()), by=teacher.maker.user
        )


@pytest.mark.parametrize("size", [5, 25])
def test_the_pool_list_costs_the_same_queries_at_two_page_sizes(
    client, coordinator, monkeypatch, size, django_assert_max_num_queries
):
    from schools.views import pool as pool_views

    for _ in range(30):
        pool_teacher()
    client.force_login(coordinator)
    monkeypatch.setattr(pool_views, "PAGE_SIZE", size)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("schools:pool_list"))
    assert len(response.context["page"].object_list) == size


@pytest.mark.parametrize("size", [2, 10])
def test_the_school_pool_page_costs_the_same_queries_at_two_page_sizes(
    client, dance_school, coordinator, monkeypatch, size, django_assert_max_num_queries
):
    from schools.views import pool as pool_views

    for _ in range(12):
        pool_services.proposal_create(
            school=dance_school, teacher=pool_teacher(lesson_series=True), year=NOW, by=coordinator
        )
    for _ in range(5):
        pool_teacher(lesson_series=True)
    client.force_login(coordinator)
    monkeypatch.setattr(pool_views, "PAGE_SIZE", size)
    with django_assert_max_num_queries(24):
        response = client.get(reverse("schools:school_pool", args=[dance_school.pk]))
    assert len(response.context["rows"]) == size


def test_the_api_scopes_proposals_by_role(client, dance_school, coordinator):
    teacher = pool_teacher(lesson_series=True)
    mine = pool_services.proposal_create(school=dance_school, teacher=teacher, year=NOW, by=coordinator)
    pool_services.proposal_create(school=SchoolFactory(), teacher=teacher, year=NOW, by=coordinator)
    icc = icc_of(dance_school)
    client.force_login(icc)
    rows = client.get("/api/pool-proposals/").json()["results"]
    assert [row["id"] for row in rows] == [mine.pk]
    response = client.post(
        f"/api/pool-proposals/{mine.pk}/respond/", {"accept": True}, content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["status"] == "accepted"
    assert client.get("/api/pool-teachers/").json()["results"] == []
    client.force_login(teacher.maker.user)
    assert len(client.get("/api/pool-proposals/").json()["results"]) == 2
    assert [row["id"] for row in client.get("/api/pool-teachers/").json()["results"]] == [teacher.pk]


def test_the_iccs_of_the_school_get_an_e_mail_about_a_proposal(
    dance_school, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    icc = icc_of(dance_school)
    teacher = pool_teacher(disciplines=["dans"], lesson_series=True)
    with django_capture_on_commit_callbacks(execute=True):
        pool_services.proposal_create(school=dance_school, teacher=teacher, year=NOW, by=coordinator)
    [message] = mailoutbox
    assert message.to == [icc.email]
    assert teacher.maker.name in message.subject
    assert f"/school/{dance_school.pk}/kunstvakdocenten/?jaar={NOW}" in message.body


def test_the_coordinator_adds_a_maker_to_the_pool_and_errors_keep_the_input(client, coordinator):
    from makers.models import Discipline
    from schools.models import PoolTeacher

    maker = OwnedMakerFactory(name="Beeldend Bas")
    client.force_login(coordinator)
    url = reverse("schools:pool_teacher_add")
    data = {
        "docent-maker": maker.pk,
        "docent-single_lessons": "on",
        "docent-note": "Sterk in groep 7 en 8",
        "docent-is_active": "on",
        "jaar-school_year": NOW.start_year,
        "jaar-hours_per_week": "",
        "jaar-grade_min": "1",
        "jaar-grade_max": "8",
        "jaar-max_schools": "2",
    }
    response = client.post(url, data)
    content = response.content.decode()
    assert "Kies minstens één dagdeel." in content and "Kies minstens één discipline." in content
    assert "Sterk in groep 7 en 8" in content
    assert not PoolTeacher.objects.exists()

    data.update(
        {
            "jaar-day_parts": ["di-o"],
            "jaar-hours_per_week": "4",
            "jaar-disciplines": [Discipline.objects.get(slug="beeldende-kunst").pk],
        }
    )
    response = client.post(url, data)
    teacher = PoolTeacher.objects.get(maker=maker)
    assert response.status_code == 302
    assert teacher.availabilities.get().school_year == NOW.start_year
