"""Writing a case up from a completed request, activity or co-creation; editing and publishing."""

import pytest
from django.urls import reverse

from impact.models import Case, CaseStatus
from makers.models import CoCreation, Discipline
from requests.workflow import Status
from tests.factories import advisor_in
from tests.impact.factories import ActivityFactory, CaseFactory
from tests.makers.factories import CoCreationFactory
from tests.requests.factories import CultureRequestFactory

pytestmark = pytest.mark.django_db

ASKER = {
    "requester_name": "Fatima el Amrani",
    "requester_email": "fatima.elamrani@example.org",
    "requester_phone": "06 12345678",
    "postcode": "1506 PX",
    "organisation": "Stichting Buurtkracht Poelenburg",
}
QUESTION = (
    "Ik ben Fatima el Amrani van Stichting Buurtkracht Poelenburg. Wij willen met kinderen uit de "
    "buurt een theatervoorstelling maken. Bel me op 06 12345678 of mail fatima.elamrani@example.org, "
    "wij zitten op 1506 PX."
)


@pytest.fixture
def advisor(poelenburg):
    return advisor_in(poelenburg)


@pytest.fixture
def completed(poelenburg):
    request = CultureRequestFactory(district=poelenburg, status=Status.COMPLETED, question=QUESTION, **ASKER)
    request.disciplines.set([Discipline.objects.get(slug="theater")])
    return request


def _post(client, source, **extra):
    data = {
        "title": "Kindertheater in de buurt",
        "practice": "good",
        "question": extra.pop("question", "Kinderen wilden theater maken."),
        "approach": "Zes lessen met een theatermaker.",
        "what_worked": "Een vaste dag.",
        "costs": "1250,00",
        **extra,
    }
    return client.post(
        reverse("impact:case_create") + f"?vraag={source.reference}", {"vraag": source.reference, **data}
    )


def test_the_form_is_prefilled_from_a_completed_request_without_personal_data(client, advisor, completed):
    client.force_login(advisor)
    response = client.get(reverse("impact:case_create"), {"vraag": completed.reference})
    assert response.status_code == 200
    body = response.content.decode()
    assert "theatervoorstelling" in body
    for value in ASKER.values():
        assert value not in body
    assert "Fatima" not in body and "Amrani" not in body


def test_a_request_that_is_not_completed_cannot_be_written_up(client, advisor, poelenburg):
    open_request = CultureRequestFactory(district=poelenburg, status=Status.NEW)
    client.force_login(advisor)
    assert client.get(reverse("impact:case_create"), {"vraag": open_request.reference}).status_code == 404


def test_writing_up_saves_a_draft_linked_to_its_source(client, advisor, completed):
    client.force_login(advisor)
    response = _post(
        client, completed, disciplines=[Discipline.objects.get(slug="theater").pk], tags="kinderen, buurt"
    )
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("impact:case", args=[case.slug])
    assert case.status == CaseStatus.DRAFT and case.source_request == completed
    assert case.costs_cents == 125000
    assert sorted(t.name for t in case.tags.all()) == ["buurt", "kinderen"]


def test_no_personal_data_of_the_source_request_ever_appears(client, advisor, completed):
    """Even when the advisor pastes the question as it came in, the case keeps no asker data:
    the prefill blanks it, and neither the case's fields, its page nor the API carry it."""
    client.force_login(advisor)
    prefilled = client.get(reverse("impact:case_create"), {"vraag": completed.reference}).context["form"]
    _post(client, completed, question=prefilled.initial["question"])
    case = Case.objects.get()
    client.post(reverse("impact:case_publish", args=[case.slug]))
    case.refresh_from_db()
    assert case.status == CaseStatus.PUBLISHED
    fields = " ".join(str(getattr(case, f.attname)) for f in Case._meta.concrete_fields)
    page = client.get(reverse("impact:case", args=[case.slug])).content.decode()
    api = client.get(f"/api/cases/{case.slug}/").content.decode()
    listing = client.get("/api/cases/").content.decode()
    for text in (fields, page, api, listing):
        for value in [*ASKER.values(), "Fatima", "Amrani", "0612345678", "1506PX"]:
            assert value not in text
    assert "theatervoorstelling" in case.question


def test_bad_input_gets_a_clear_dutch_error_and_keeps_the_input(client, advisor, completed):
    client.force_login(advisor)
    response = _post(client, completed, practice="bad", what_did_not="", title="Mijn titel blijft staan")
    assert response.status_code == 400
    body = response.content.decode()
    assert "Beschrijf bij een leerzaam voorbeeld wat niet werkte." in body
    assert 'value="Mijn titel blijft staan"' in body
    assert not Case.objects.exists()


def test_publishing_needs_an_approach_and_a_lesson(client, advisor, poelenburg):
    case = CaseFactory(
        status="draft", published_at=None, district=poelenburg, what_worked="", what_did_not=""
    )
    client.force_login(advisor)
    response = client.post(reverse("impact:case_publish", args=[case.slug]), follow=True)
    assert "Beschrijf de aanpak en wat wel of niet werkte" in response.content.decode()
    case.refresh_from_db()
    assert case.status == CaseStatus.DRAFT


def test_editing_changes_the_case_and_its_search(client, advisor, poelenburg):
    case = CaseFactory(district=poelenburg)
    client.force_login(advisor)
    response = client.post(
        reverse("impact:case_edit", args=[case.slug]),
        {"title": "Circus op het plein", "practice": "good", "question": "Circus.", "approach": "Een tent."},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.title == "Circus op het plein"
    assert " circus " in case.search_text or case.search_vector is not None


def test_a_case_is_prefilled_from_a_completed_cocreation_and_an_activity(client, advisor, poelenburg):
    cocreation = CoCreationFactory(
        slug="erfgoed-samen", title="Erfgoed samen", status=CoCreation.Status.COMPLETED
    )
    activity = ActivityFactory(slug="zomerfestival", title="Zomerfestival", districts=[poelenburg])
    client.force_login(advisor)
    response = client.get(reverse("impact:case_create"), {"cocreatie": cocreation.slug})
    assert response.status_code == 200 and "Erfgoed samen" in response.content.decode()
    response = client.get(reverse("impact:case_create"), {"activiteit": activity.slug})
    assert response.status_code == 200 and "Zomerfestival" in response.content.decode()
