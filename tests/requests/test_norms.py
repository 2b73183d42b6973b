"""Service norms: Dutch working days, the stored deadline, pause and resume, recompute on change."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from freezegun import freeze_time

from requests import norms, services
from requests.models import CultureRequest, ServiceNorm
from requests.norms import add_working_days, working_days_between
from requests.workdays import is_working_day
from requests.workflow import Status
from tests.requests.factories import CultureRequestFactory

AMS = ZoneInfo("Europe/Amsterdam")


def at(*args):
    return datetime(*args, tzinfo=AMS)


def midnight(*args):
    return datetime(*args, 0, 0, tzinfo=AMS)


# --- the calendar -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 4, 3), True),  # Good Friday: no day off in the Netherlands (decided, see workdays)
        (date(2026, 4, 6), False),  # Easter Monday
        (date(2026, 4, 27), False),  # King's Day, a Monday
        (date(2025, 4, 26), False),  # King's Day 2025 on the 26th: the 27th was a Sunday
        (date(2025, 4, 28), True),  # ... and the Monday after it is an ordinary day
        (date(2025, 5, 5), False),  # Liberation Day, a lustrum year
        (date(2026, 5, 5), True),  # Liberation Day in an ordinary year is a working day
        (date(2026, 5, 14), False),  # Ascension Day
        (date(2026, 5, 25), False),  # Whit Monday
        (date(2025, 12, 25), False),  # Christmas Day
        (date(2025, 12, 26), False),  # Boxing Day
        (date(2026, 12, 24), True),  # Christmas Eve works
        (date(2026, 12, 31), True),  # so does New Year's Eve
        (date(2027, 1, 1), False),  # New Year's Day
        (date(2026, 11, 28), False),  # a Saturday
    ],
)
def test_dutch_working_days(day, working):
    assert is_working_day(day) is working


def test_adding_working_days_skips_easter_monday_but_not_good_friday():
    # Thu 2 Apr 2026 + 3: Fri 3 (Good Friday counts), Tue 7 (Easter Monday does not), Wed 8.
    assert add_working_days(date(2026, 4, 2), 3) == date(2026, 4, 8)


def test_adding_working_days_over_christmas_and_new_year():
    # Wed 23 Dec 2026 + 6: Thu 24, Mon 28, Tue 29, Wed 30, Thu 31, (Fri 1 Jan is off) Mon 4 Jan.
    assert add_working_days(date(2026, 12, 23), 6) == date(2027, 1, 4)
    # 2025: Christmas on Thursday and Friday, so Wed 24 + 1 is Monday 29.
    assert add_working_days(date(2025, 12, 24), 1) == date(2025, 12, 29)


def test_adding_working_days_over_kings_day():
    # Fri 24 Apr 2026 + 1: Monday 27 is King's Day, so Tuesday 28.
    assert add_working_days(date(2026, 4, 24), 1) == date(2026, 4, 28)


def test_working_days_between_counts_the_end_not_the_start():
    assert working_days_between(date(2026, 12, 23), date(2026, 12, 29)) == 3
    assert working_days_between(date(2026, 12, 29), date(2026, 12, 23)) == 0


# --- the stored deadline ------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_new_question_gets_the_deadline_of_the_new_norm(client, noord, django_capture_on_commit_callbacks):
    from tests.requests.factories import form_data

    with freeze_time(at(2026, 12, 23, 10, 0)):
        client.post("/vraag/", form_data())
    request = CultureRequest.objects.get()
    # 3 working days after Wednesday 23 December: Thu 24, Mon 28, Tue 29; late from Tue 29, 00:00.
    assert request.norm_deadline == midnight(2026, 12, 29)


@pytest.mark.django_db
def test_every_status_change_sets_the_deadline_of_the_new_status(advisor, noord):
    with freeze_time(at(2026, 4, 2, 9, 0)):
        request = CultureRequestFactory(district=noord)
        services.request_change_status(request=request, to=Status.IN_CONVERSATION, by=advisor)
    request.refresh_from_db()
    # in_conversation: 10 working days from Thursday 2 April; Good Friday counts, Easter Monday not.
    assert request.norm_deadline == midnight(2026, 4, 17)
    with freeze_time(at(2026, 4, 10, 9, 0)):
        services.request_change_status(request=request, to=Status.WITHDRAWN, by=advisor)
    request.refresh_from_db()
    assert request.norm_deadline is None and request.norm_missed is False


@pytest.mark.django_db
def test_a_status_left_after_its_deadline_counts_as_missed(advisor, noord):
    with freeze_time(at(2026, 3, 2, 9, 0)):
        request = CultureRequestFactory(district=noord)
    with freeze_time(at(2026, 3, 20, 9, 0)):
        services.request_change_status(request=request, to=Status.IN_CONVERSATION, by=advisor)
    request.refresh_from_db()
    assert request.norm_missed is True
    assert request.norm_deadline is not None


@pytest.mark.django_db
def test_waiting_pauses_the_norm_and_the_reply_resumes_it_with_the_days_left(advisor, noord):
    with freeze_time(at(2026, 12, 1, 9, 0)):  # Tuesday
        request = CultureRequestFactory(district=noord, status=Status.IN_CONVERSATION)
    assert request.norm_deadline == midnight(2026, 12, 15)  # 10 working days
    with freeze_time(at(2026, 12, 3, 11, 0)):  # Thursday: Fri 4 .. Tue 15 left = 8 working days
        services.request_change_status(request=request, to=Status.WAITING, by=advisor)
    request.refresh_from_db()
    assert request.norm_deadline is None
    assert request.norm_remaining_days == 8
    # The asker answers three weeks later, after Christmas: 8 working days from Mon 28 Dec.
    with freeze_time(at(2026, 12, 28, 14, 0)):
        services.request_change_status(request=request, to=Status.IN_CONVERSATION, by=None)
    request.refresh_from_db()
    # Tue 29, Wed 30, Thu 31, (New Year) Mon 4, Tue 5, Wed 6, Thu 7, Fri 8.
    assert request.norm_deadline == midnight(2027, 1, 8)
    assert request.norm_remaining_days is None


@pytest.mark.django_db
def test_leaving_waiting_for_another_status_starts_that_status_norm(advisor, noord):
    with freeze_time(at(2026, 12, 1, 9, 0)):
        request = CultureRequestFactory(district=noord, status=Status.IN_CONVERSATION)
        services.request_change_status(request=request, to=Status.WAITING, by=advisor)
    with freeze_time(at(2026, 12, 2, 9, 0)):
        services.request_change_status(request=request, to=Status.MATCHING, by=advisor)
    request.refresh_from_db()
    assert request.norm_deadline == norms.deadline_after(at(2026, 12, 2, 9, 0), 15)


@pytest.mark.django_db
def test_a_request_late_when_it_started_waiting_is_late_again_on_the_reply(advisor, noord):
    with freeze_time(at(2026, 11, 2, 9, 0)):
        request = CultureRequestFactory(district=noord, status=Status.IN_CONVERSATION)
    with freeze_time(at(2026, 11, 30, 9, 0)):
        services.request_change_status(request=request, to=Status.WAITING, by=advisor)
    request.refresh_from_db()
    assert request.norm_remaining_days == 0 and request.norm_missed is True
    with freeze_time(at(2026, 12, 2, 9, 0)):
        services.request_change_status(request=request, to=Status.IN_CONVERSATION, by=None)
        request.refresh_from_db()
        assert request.norm_deadline == midnight(2026, 12, 2)
        assert CultureRequest.objects.filter(pk=request.pk, norm_deadline__lt=at(2026, 12, 2, 9, 0)).exists()


# --- a changed norm -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_changed_norm_recomputes_the_open_requests_of_that_kind_and_status(
    noord, django_capture_on_commit_callbacks
):
    with freeze_time(at(2026, 12, 1, 9, 0)):
        talking = CultureRequestFactory(district=noord, status=Status.IN_CONVERSATION)
        school = CultureRequestFactory(district=noord, status=Status.IN_CONVERSATION, requester_kind="school")
        new = CultureRequestFactory(district=noord)
    before = {r.pk: r.norm_deadline for r in (school, new)}
    with django_capture_on_commit_callbacks(execute=True):
        norms.norm_set(requester_kind="resident", status=Status.IN_CONVERSATION, working_days=5)
    talking.refresh_from_db()
    assert talking.norm_deadline == midnight(2026, 12, 8)  # Tue 1 + 5 working days
    for other in (school, new):
        other.refresh_from_db()
        assert other.norm_deadline == before[other.pk]
    assert ServiceNorm.objects.get(requester_kind="resident", status=Status.IN_CONVERSATION).working_days == 5


@pytest.mark.django_db
def test_the_recompute_is_idempotent(noord):
    with freeze_time(at(2026, 12, 1, 9, 0)):
        CultureRequestFactory.create_batch(3, district=noord, status=Status.MATCHING)
    ServiceNorm.objects.filter(requester_kind="resident", status=Status.MATCHING).update(working_days=2)
    assert norms.norm_recompute(requester_kind="resident", status=Status.MATCHING) == 3
    assert norms.norm_recompute(requester_kind="resident", status=Status.MATCHING) == 0
    assert set(CultureRequest.objects.values_list("norm_deadline", flat=True)) == {midnight(2026, 12, 3)}


@pytest.mark.django_db
def test_the_norm_change_runs_after_commit_as_a_celery_task(noord, django_capture_on_commit_callbacks):
    with freeze_time(at(2026, 12, 1, 9, 0)):
        request = CultureRequestFactory(district=noord, status=Status.MATCHED)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        norms.norm_set(requester_kind="resident", status=Status.MATCHED, working_days=1)
    request.refresh_from_db()
    assert request.norm_deadline == norms.deadline_after(at(2026, 12, 1, 9, 0), 10)  # not yet
    assert callbacks
    for callback in callbacks:
        callback()
    request.refresh_from_db()
    assert request.norm_deadline == midnight(2026, 12, 2)


@pytest.mark.django_db
def test_the_seeded_norms_are_there_for_every_kind(db):
    assert ServiceNorm.objects.filter(status=Status.NEW).count() == 4
    assert ServiceNorm.objects.get(requester_kind="school", status=Status.MATCHING).working_days == 20


@pytest.mark.django_db
def test_the_askers_reply_resumes_the_norm_through_the_status_change(client, advisor, noord):
    with freeze_time(at(2026, 12, 1, 9, 0)):
        request = CultureRequestFactory(district=noord, status=Status.IN_CONVERSATION)
    with freeze_time(at(2026, 12, 3, 11, 0)):
        services.message_send(request=request, body="Welke dag past u?", waiting=True, by=advisor)
    request.refresh_from_db()
    assert (request.status, request.norm_remaining_days, request.norm_deadline) == (Status.WAITING, 8, None)
    with freeze_time(at(2026, 12, 28, 14, 0)):
        client.post(f"/vraag/status/{request.status_token}/reageren/", {"reply-body": "Woensdag graag."})
    request.refresh_from_db()
    assert request.status == Status.IN_CONVERSATION
    assert request.norm_deadline == midnight(2027, 1, 8)
