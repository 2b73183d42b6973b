"""The timeline reads in the viewer's language: system notes and labels are stored in Dutch with the
key that translates them again (issue 20, "timeline notes")."""

import pytest
from django.core.management import call_command
from django.utils import translation

from requests import services
from requests.models import CultureRequest
from requests.retention import request_anonymise
from requests.workflow import Status
from tests.requests.factories import CultureRequestFactory, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _compiled_catalogue():
    call_command("compiletranslations", verbosity=0)
    translation.trans_real._translations = {}


def _in_english(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client


def test_an_assignment_made_in_english_is_stored_in_dutch_and_shown_in_each_language(client, advisor, noord):
    culture_request = CultureRequestFactory(district=noord)
    with translation.override("en"):
        services.request_assign(request=culture_request, owner=advisor, by=advisor)
    event = culture_request.events.get(action="requests.request.assigned")
    name = advisor.get_full_name()
    assert event.note == f"Toegewezen aan {name}."

    client.force_login(advisor)
    dutch = client.get(f"/triage/{culture_request.reference}/").content.decode()
    assert f"Toegewezen aan {name}." in dutch
    english = _in_english(client).get(f"/triage/{culture_request.reference}/").content.decode()
    assert f"Assigned to {name}." in english and "Toegewezen aan" not in english


def test_the_intake_note_and_the_askers_label_read_in_english(client, advisor, noord):
    client.post("/vraag/", form_data())
    culture_request = CultureRequest.objects.get()
    client.force_login(advisor)
    english = _in_english(client).get(f"/triage/{culture_request.reference}/").content.decode()
    assert f"Received through the form, forwarded to {noord.name}." in english
    assert "Requester" in english
    assert "Binnengekomen via het formulier" not in english


def test_a_persons_name_as_actor_is_never_translated(advisor, noord):
    advisor.first_name, advisor.last_name = "Systeem", ""
    advisor.save()
    culture_request = CultureRequestFactory(district=noord)
    services.request_assign(request=culture_request, owner=advisor, by=advisor)
    event = culture_request.events.get(action="requests.request.assigned")
    with translation.override("en"):
        assert event.shown_actor == "Systeem"


def test_a_status_reason_typed_by_the_advisor_stays_as_written(advisor, noord):
    culture_request = CultureRequestFactory(district=noord, status=Status.IN_CONVERSATION)
    services.request_change_status(
        request=culture_request, to=Status.DECLINED, note="Past niet bij ons aanbod.", by=advisor
    )
    event = culture_request.events.get(to_status=Status.DECLINED)
    assert event.note_key == ""
    with translation.override("en"):
        assert event.shown_note == "Past niet bij ons aanbod."


def test_anonymising_removes_the_notes_values_too(advisor, noord):
    culture_request = CultureRequestFactory(district=noord, status=Status.COMPLETED)
    services.request_assign(request=culture_request, owner=advisor, by=advisor)
    assert request_anonymise(request_id=culture_request.pk)
    event = culture_request.events.get(action="requests.request.assigned")
    assert event.note_key == "" and event.note_args == {}
    assert advisor.get_full_name() not in event.shown_note
