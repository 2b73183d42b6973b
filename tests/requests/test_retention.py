from datetime import timedelta

import pytest
from django.utils import timezone
from freezegun import freeze_time

from requests import services
from requests.models import CultureRequest
from requests.retention import REMOVED
from requests.tasks import anonymise_expired_requests
from requests.workflow import Status
from tests.requests.factories import CultureRequestFactory

pytestmark = pytest.mark.django_db


def test_personal_data_of_closed_requests_is_removed_after_the_retention_period(noord, advisor):
    start = timezone.now() - timedelta(days=400)
    with freeze_time(start):
        closed = CultureRequestFactory(
            district=noord, requester_phone="06 12345678", status=Status.IN_PROGRESS
        )
        services.message_send(request=closed, body="Beste mevrouw Jansen, ...", by=advisor)
        services.request_change_status(request=closed, to=Status.COMPLETED, by=advisor)
        still_open = CultureRequestFactory(district=noord, status=Status.MATCHING)
    recent = CultureRequestFactory(district=noord, status=Status.WITHDRAWN)

    assert anonymise_expired_requests.delay().get() == 1
    assert anonymise_expired_requests.delay().get() == 0  # done once

    closed.refresh_from_db()
    assert closed.anonymised_at is not None
    assert (closed.requester_name, closed.requester_email, closed.requester_phone) == (REMOVED, "", "")
    assert closed.question == REMOVED and closed.postcode == "1503"
    assert closed.messages.get().body == REMOVED
    assert closed.events.last().action == "requests.request.anonymised"
    assert closed.district == noord and closed.status == Status.COMPLETED  # the counts stay
    for other in (still_open, recent):
        assert CultureRequest.objects.get(pk=other.pk).requester_name == other.requester_name
