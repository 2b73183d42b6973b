import pytest

from makers.models import Course, Discipline, Maker, PublicationStatus
from requests.matching import proposals_for
from requests.models import FundingStatus, Match
from tests.factories import UserFactory
from tests.requests.factories import CultureRequestFactory, FundingApplicationFactory

pytestmark = pytest.mark.django_db


def make_maker(name, discipline, *, status=PublicationStatus.PUBLISHED, districts=(), **extra):
    from django.utils.text import slugify

    maker = Maker.objects.create(
        name=name, slug=slugify(name), short_description="Maker uit de Zaanstreek", status=status, **extra
    )
    maker.disciplines.add(discipline)
    maker.districts.add(*districts)
    return maker


@pytest.fixture
def dance():
    return Discipline.objects.get_or_create(slug="dans-test", defaults={"name": "Dans (test)"})[0]


def test_proposals_rank_published_makers_with_reasons(noord, dance):
    near = make_maker("Dansschool Noord", dance, districts=[noord])
    far = make_maker("Dans Overal", dance, whole_municipality=True)
    make_maker("Concept Dans", dance, status=PublicationStatus.DRAFT, districts=[noord])
    request = CultureRequestFactory(district=noord)
    request.disciplines.add(dance)
    proposals = proposals_for(request)
    targets = [p.target for p in proposals if p.kind == "maker"]
    assert targets[:2] == [near, far]
    assert all(t.status == PublicationStatus.PUBLISHED for t in targets)
    assert any("Noord" in reason for reason in proposals[0].reasons)


def test_the_match_page_shows_proposals_and_records_a_match(client, advisor, noord, dance):
    maker = make_maker("Dansschool Noord", dance, districts=[noord])
    request = CultureRequestFactory(district=noord)
    request.disciplines.add(dance)
    client.force_login(advisor)
    page = client.get(f"/triage/{request.reference}/koppelen/")
    assert page.status_code == 200
    assert "Dansschool Noord" in page.content.decode()
    response = client.post(
        f"/triage/{request.reference}/koppelen/", {"kind": "co_creation", "maker": maker.pk}
    )
    assert response.status_code == 302
    match = Match.objects.get()
    assert (match.request, match.maker, match.created_by) == (request, maker, advisor)
    assert request.events.get().action == "requests.match.created"


def test_a_custom_match_needs_no_directory_record(client, advisor, noord):
    request = CultureRequestFactory(district=noord)
    client.force_login(advisor)
    client.post(
        f"/triage/{request.reference}/koppelen/",
        {"kind": "custom", "target_name": "Buurthuis De Poort", "description": "Ruimte op woensdag."},
    )
    assert Match.objects.get().target_label == "Buurthuis De Poort"


@pytest.mark.parametrize("bad", [{"kind": "rubbish"}, {"kind": "course", "course": "999999"}])
def test_bad_match_input_is_refused(client, advisor, noord, bad):
    request = CultureRequestFactory(district=noord)
    client.force_login(advisor)
    assert client.post(f"/triage/{request.reference}/koppelen/", bad).status_code == 400
    assert not Match.objects.exists()


def test_a_draft_course_cannot_be_matched(client, advisor, noord, dance):
    course = Course.objects.create(
        title="Concept", slug="concept", description="x", discipline=dance, status=PublicationStatus.DRAFT
    )
    request = CultureRequestFactory(district=noord)
    client.force_login(advisor)
    assert (
        client.post(
            f"/triage/{request.reference}/koppelen/", {"kind": "course", "course": course.pk}
        ).status_code
        == 400
    )


def test_a_manager_sees_the_match_page_but_cannot_match(client, noord):
    request = CultureRequestFactory(district=noord)
    client.force_login(UserFactory(roles=["manager"]))
    assert client.get(f"/triage/{request.reference}/koppelen/").status_code == 200
    assert client.post(f"/triage/{request.reference}/koppelen/", {"kind": "custom"}).status_code == 403


def test_an_advisor_cannot_open_another_districts_match_page(client, advisor, oost):
    request = CultureRequestFactory(district=oost)
    client.force_login(advisor)
    assert client.get(f"/triage/{request.reference}/koppelen/").status_code == 404


def test_an_advisor_records_a_funding_application(client, advisor, noord):
    request = CultureRequestFactory(district=noord)
    client.force_login(advisor)
    response = client.post(
        f"/triage/{request.reference}/fonds/",
        {
            "fund": "VSBfonds",
            "status": "submitted",
            "amount_requested": "1500.50",
            "submitted_on": "2026-10-01",
        },
    )
    assert response.status_code == 302
    application = request.funding_applications.get()
    assert (application.fund, application.amount_requested_cents, application.created_by) == (
        "VSBfonds",
        150050,
        advisor,
    )


@pytest.mark.parametrize(
    "bad",
    [
        {"fund": "", "status": "submitted", "amount_requested": "100"},
        {"fund": "X", "status": "submitted", "amount_requested": "-1"},
        {"fund": "X", "status": "granted", "amount_requested": "100", "amount_granted": "200"},
        {"fund": "X", "status": "weird", "amount_requested": "100"},
    ],
)
def test_bad_funding_input_is_refused(client, advisor, noord, bad):
    request = CultureRequestFactory(district=noord)
    client.force_login(advisor)
    assert client.post(f"/triage/{request.reference}/fonds/", bad).status_code == 400
    assert not request.funding_applications.exists()


def test_the_funds_coordinator_sees_open_applications_and_the_success_rate(client, noord, oost):
    FundingApplicationFactory(request=CultureRequestFactory(district=noord), status=FundingStatus.SUBMITTED)
    FundingApplicationFactory(
        request=CultureRequestFactory(district=oost),
        status=FundingStatus.GRANTED,
        amount_granted_cents=100000,
    )
    FundingApplicationFactory(request=CultureRequestFactory(district=oost), status=FundingStatus.REJECTED)
    client.force_login(UserFactory(roles=["funds_coordinator"]))
    response = client.get("/fondsen/")
    assert response.status_code == 200
    assert response.context["summary"]["success_rate"] == 50
    assert response.context["summary"]["open_count"] == 1
    assert len(response.context["page"].object_list) == 1


def test_the_funds_coordinator_updates_an_application(client, noord):
    application = FundingApplicationFactory(request=CultureRequestFactory(district=noord))
    client.force_login(UserFactory(roles=["funds_coordinator"]))
    response = client.post(
        f"/fondsen/{application.pk}/",
        {
            "fund": application.fund,
            "status": "partly_granted",
            "amount_requested": "2500",
            "amount_granted": "1000",
        },
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert (application.status, application.amount_granted_cents) == ("partly_granted", 100000)


def test_an_advisor_sees_only_their_districts_applications(client, advisor, noord, oost):
    mine = FundingApplicationFactory(request=CultureRequestFactory(district=noord))
    theirs = FundingApplicationFactory(request=CultureRequestFactory(district=oost))
    client.force_login(advisor)
    assert list(client.get("/fondsen/").context["page"].object_list) == [mine]
    assert client.get(f"/fondsen/{theirs.pk}/").status_code == 404


@pytest.mark.parametrize("roles", [["icc"], ["maker"]])
def test_other_roles_have_no_funding_overview(client, roles):
    client.force_login(UserFactory(roles=roles))
    assert client.get("/fondsen/").status_code == 403


@pytest.mark.parametrize("rows", [10, 100])
def test_the_funding_overview_costs_a_fixed_number_of_queries(
    client, noord, rows, django_assert_max_num_queries
):
    FundingApplicationFactory.create_batch(rows, request=CultureRequestFactory(district=noord))
    client.force_login(UserFactory(roles=["funds_coordinator"]))
    with django_assert_max_num_queries(10):
        response = client.get("/fondsen/?toon=alle")
    assert len(response.context["page"].object_list) == min(rows, 50)


def test_the_request_detail_costs_a_fixed_number_of_queries(
    client, advisor, noord, django_assert_max_num_queries
):
    from requests import services

    request = CultureRequestFactory(district=noord)
    for n in range(20):
        services.note_add(request=request, body=f"Notitie {n}", by=advisor)
        services.message_send(request=request, body=f"Bericht {n}", by=advisor)
    FundingApplicationFactory.create_batch(5, request=request)
    client.force_login(advisor)
    # 16 before issue 16, which added the standard texts, the duplicate finder and the merge links.
    with django_assert_max_num_queries(20):
        assert client.get(f"/triage/{request.reference}/").status_code == 200
