import json

import pytest

from cultuur.models import AuditLog
from makers.models import WaitingListEntry
from requests.models import CultureRequest
from requests.workflow import Status
from tests.factories import UserFactory
from tests.makers.factories import BookingFactory
from tests.requests.factories import CultureRequestFactory

pytestmark = pytest.mark.django_db


def test_the_asker_has_their_data_removed_from_the_status_page_and_the_counts_stay(client):
    request = CultureRequestFactory(
        requester_name="Noor Haddad", requester_email="noor@example.org", question="Zingen?"
    )
    response = client.post(
        f"/vraag/status/{request.status_token}/verwijderen/", {"erase-confirm": "on"}, follow=True
    )
    request.refresh_from_db()
    assert request.status == Status.WITHDRAWN
    assert request.anonymised_at is not None
    assert (request.requester_name, request.requester_email, request.question) == (
        "(verwijderd)",
        "",
        "(verwijderd)",
    )
    assert request.district_id is not None and request.postcode == "1503"
    page = response.content.decode()
    assert "Uw gegevens zijn verwijderd" in page and "Noor Haddad" not in page
    assert AuditLog.objects.filter(action="requests.request.erased_on_request").exists()


def test_erasing_needs_the_confirmation_box(client):
    request = CultureRequestFactory(requester_name="Noor Haddad")
    client.post(f"/vraag/status/{request.status_token}/verwijderen/", {})
    request.refresh_from_db()
    assert request.requester_name == "Noor Haddad" and request.anonymised_at is None


def test_a_closed_request_is_erased_without_a_second_status_change(client):
    request = CultureRequestFactory(status=Status.COMPLETED)
    client.post(f"/vraag/status/{request.status_token}/verwijderen/", {"erase-confirm": "on"})
    request.refresh_from_db()
    assert request.status == Status.COMPLETED and request.anonymised_at is not None


def test_a_manager_downloads_everything_stored_about_one_email_address(client):
    CultureRequestFactory(
        requester_email="sara@example.org", requester_name="Sara de Wit", question="Theater?"
    )
    CultureRequestFactory(requester_email="ander@example.org", requester_name="Iemand Anders")
    booking = BookingFactory(contact_email="Sara@example.org", contact_name="Sara de Wit")
    WaitingListEntry.objects.create(
        venue=booking.venue,
        date=booking.date,
        start_time=booking.start_time,
        end_time=booking.end_time,
        purpose="Zaal",
        contact_name="Sara de Wit",
        contact_email="sara@example.org",
    )
    manager = UserFactory(roles=["manager"])
    client.force_login(manager)
    response = client.post("/privacy/inzage/", {"email": "sara@example.org"})
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert [r["name"] for r in data["culture_requests"]] == ["Sara de Wit"]
    assert data["culture_requests"][0]["question"] == "Theater?"
    assert [b["contact_name"] for b in data["venue_bookings"]] == ["Sara de Wit"]
    assert [w["contact_name"] for w in data["venue_waiting_list"]] == ["Sara de Wit"]
    assert "Iemand Anders" not in response.content.decode()
    entry = AuditLog.objects.get(action="privacy.access_request.exported")
    assert entry.actor == manager and entry.detail["email"] == "sara@example.org"


@pytest.mark.parametrize("role", ["advisor", "icc", "maker", "funds_coordinator"])
def test_only_managers_answer_access_requests(client, role):
    client.force_login(UserFactory(roles=[role]))
    assert client.post("/privacy/inzage/", {"email": "sara@example.org"}).status_code == 403


def test_an_invalid_address_keeps_what_was_typed(client):
    client.force_login(UserFactory(roles=["manager"]))
    response = client.post("/privacy/inzage/", {"email": "geen-adres"})
    assert response.status_code == 200 and 'value="geen-adres"' in response.content.decode()


def test_viewing_a_request_and_changing_its_status_are_audited(client):
    from tests.factories import advisor_in

    request = CultureRequestFactory()
    advisor = advisor_in(request.district)
    client.force_login(advisor)
    client.get(f"/triage/{request.reference}/")
    client.post(
        f"/triage/{request.reference}/status/", {"status-to": Status.IN_CONVERSATION, "status-note": "Gebeld"}
    )
    actions = list(AuditLog.objects.filter(actor=advisor).values_list("action", flat=True))
    assert "requests.contact.viewed" in actions
    assert CultureRequest.objects.get(pk=request.pk).status == Status.IN_CONVERSATION
    assert "requests.request.status_changed" in actions or any(
        a.startswith("requests.request.status") for a in actions
    )
