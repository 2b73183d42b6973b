import itertools

import pytest

from requests import services, workflow
from requests.models import RequestEvent
from requests.workflow import Status
from tests.requests.factories import CultureRequestFactory

pytestmark = pytest.mark.django_db

ALL_PAIRS = list(itertools.product(Status.values, Status.values))
ALLOWED = [(a, b) for a, b in ALL_PAIRS if workflow.is_allowed(a, b)]
FORBIDDEN = [(a, b) for a, b in ALL_PAIRS if not workflow.is_allowed(a, b)]


def test_the_table_has_the_main_path_and_side_exits():
    path = ["new", "in_conversation", "matching", "matched", "in_progress", "completed", "evaluated"]
    for current, target in itertools.pairwise(path):
        assert workflow.is_allowed(current, target)
    for exit_ in ("referred", "withdrawn", "declined"):
        assert workflow.is_allowed("new", exit_)
        assert workflow.allowed_targets(exit_) == frozenset()


@pytest.mark.parametrize(("current", "target"), ALLOWED)
def test_every_allowed_transition_changes_the_status_and_writes_the_timeline(current, target, advisor, noord):
    request = CultureRequestFactory(status=current, district=noord)
    services.request_change_status(
        request=request,
        to=target,
        note="Reden: past niet bij ons aanbod.",
        by=advisor,
        service_only=target in workflow.SERVICE_ONLY,
    )
    request.refresh_from_db()
    assert request.status == target
    event = RequestEvent.objects.get(request=request)
    assert (event.action, event.actor, event.from_status, event.to_status) == (
        "requests.request.status_changed",
        advisor,
        current,
        target,
    )
    assert event.note == "Reden: past niet bij ons aanbod."
    assert event.created_at is not None


@pytest.mark.parametrize(("current", "target"), FORBIDDEN)
def test_every_forbidden_transition_is_refused_and_changes_nothing(current, target, advisor, noord):
    request = CultureRequestFactory(status=current, district=noord)
    with pytest.raises(services.RequestError):
        services.request_change_status(request=request, to=target, note="x", by=advisor)
    request.refresh_from_db()
    assert request.status == current
    assert not RequestEvent.objects.exists()


@pytest.mark.parametrize("target", ["declined", "referred"])
def test_declining_or_referring_needs_a_reason(target, advisor, noord):
    request = CultureRequestFactory(district=noord)
    with pytest.raises(services.RequestError, match="reden"):
        services.request_change_status(request=request, to=target, note="  ", by=advisor)
    request.refresh_from_db()
    assert request.status == Status.NEW


def test_an_unknown_status_is_refused(advisor, noord):
    request = CultureRequestFactory(district=noord)
    with pytest.raises(services.RequestError):
        services.request_change_status(request=request, to="party", by=advisor)


def test_a_service_only_status_is_refused_from_a_status_form(advisor, noord):
    request = CultureRequestFactory(status="new", district=noord)
    assert "merged" in workflow.allowed_targets("new")
    assert "merged" not in workflow.manual_targets("new")
    with pytest.raises(services.RequestError, match="Samenvoegen"):
        services.request_change_status(request=request, to="merged", by=advisor)
    request.refresh_from_db()
    assert request.status == "new"


def test_the_first_move_by_an_advisor_counts_as_first_contact(advisor, noord):
    request = CultureRequestFactory(district=noord)
    services.request_change_status(request=request, to=Status.IN_CONVERSATION, by=advisor)
    request.refresh_from_db()
    assert request.first_contact_at is not None
