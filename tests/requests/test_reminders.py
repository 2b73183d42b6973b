"""Reminders fire once, at the right time, by the periodic job (the clock is frozen with freezegun)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from freezegun import freeze_time

from requests import reminders, services
from requests.models import CultureRequest, Notification, NotificationKind
from requests.notifications import notification_queue, notification_send
from requests.tasks import run_reminders
from requests.workflow import Status
from tests.factories import UserFactory
from tests.requests.factories import CultureRequestFactory

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def at(*args):
    return datetime(*args, tzinfo=AMS)


def run(when, capture):
    with freeze_time(when), capture(execute=True):
        run_reminders.delay()  # the task beat schedules, run eagerly


def sent(kind):
    return Notification.objects.filter(kind=kind, sent_at__isnull=False).count()


@pytest.fixture
def new_request(noord, advisor):
    with freeze_time(at(2026, 12, 23, 10, 0)):  # a Wednesday, just before Christmas
        return CultureRequestFactory(district=noord)


def test_the_beat_schedule_runs_the_reminders():
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"requests.tasks.run_reminders", "requests.tasks.resend_notifications"} <= tasks


def test_first_contact_reminder_counts_dutch_working_days(
    new_request, advisor, django_capture_on_commit_callbacks
):
    # Thu 24 counts; Fri 25 (Christmas) and the weekend do not; Mon 28 counts; Tue 29 is the third.
    run(at(2026, 12, 28, 23, 0), django_capture_on_commit_callbacks)
    assert sent(NotificationKind.FIRST_CONTACT) == 0
    run(at(2026, 12, 29, 9, 0), django_capture_on_commit_callbacks)
    assert sent(NotificationKind.FIRST_CONTACT) == 1
    assert mail.outbox[-1].to == [advisor.email]
    assert new_request.reference in mail.outbox[-1].subject


def test_a_reminder_is_sent_once_across_reruns(new_request, django_capture_on_commit_callbacks):
    for _ in range(3):
        run(at(2026, 12, 29, 9, 0), django_capture_on_commit_callbacks)
    assert sent(NotificationKind.FIRST_CONTACT) == 1
    assert len(mail.outbox) == 1
    assert new_request.events.filter(action="requests.reminder.sent").count() == 1


def test_the_management_command_runs_the_same_job_once(new_request, django_capture_on_commit_callbacks):
    with freeze_time(at(2026, 12, 29, 9, 0)), django_capture_on_commit_callbacks(execute=True):
        call_command("send_request_reminders")
        call_command("send_request_reminders")
    assert sent(NotificationKind.FIRST_CONTACT) == 1


def test_two_workers_racing_for_the_same_reminder_send_it_once(
    new_request, django_capture_on_commit_callbacks
):
    # Both workers saw the request due; the unique row lets only the first one queue it.
    assert notification_queue(request=new_request, kind=NotificationKind.FIRST_CONTACT) is not None
    assert notification_queue(request=new_request, kind=NotificationKind.FIRST_CONTACT) is None
    notification = Notification.objects.get()
    # And two deliveries of the same send task: the lease lets only one of them send.
    assert notification_send(notification_id=notification.pk) is True
    assert notification_send(notification_id=notification.pk) is False
    assert len(mail.outbox) == 1


def test_no_reminder_once_there_was_contact(new_request, advisor, django_capture_on_commit_callbacks):
    with freeze_time(at(2026, 12, 24, 9, 0)):
        services.request_change_status(request=new_request, to=Status.IN_CONVERSATION, by=advisor)
    run(at(2027, 1, 15, 9, 0), django_capture_on_commit_callbacks)
    assert not Notification.objects.exists()


def test_escalation_to_managers_after_twice_the_working_days(new_request, django_capture_on_commit_callbacks):
    manager = UserFactory(roles=["manager"])
    # 3 working days: Tue 29 Dec; 6: Thu 24, Mon 28, Tue 29, Wed 30, Thu 31, Fri 1 Jan is New Year, so Mon 4 Jan.
    run(at(2027, 1, 1, 12, 0), django_capture_on_commit_callbacks)
    assert sent(NotificationKind.ESCALATION) == 0
    run(at(2027, 1, 4, 9, 0), django_capture_on_commit_callbacks)
    run(at(2027, 1, 5, 9, 0), django_capture_on_commit_callbacks)
    assert sent(NotificationKind.ESCALATION) == 1
    assert [m.to for m in mail.outbox if "Escalatie" in m.subject] == [[manager.email]]


def test_an_idle_matched_request_nudges_its_owner_once_per_idle_spell(
    noord, advisor, django_capture_on_commit_callbacks
):
    with freeze_time(at(2026, 3, 1, 10, 0)):
        request = CultureRequestFactory(district=noord, status=Status.MATCHED, owner=advisor)
    run(at(2026, 3, 30, 10, 0), django_capture_on_commit_callbacks)
    assert sent(NotificationKind.NUDGE) == 0
    run(at(2026, 4, 1, 10, 0), django_capture_on_commit_callbacks)
    run(at(2026, 4, 2, 10, 0), django_capture_on_commit_callbacks)
    assert sent(NotificationKind.NUDGE) == 1
    assert mail.outbox[-1].to == [advisor.email]
    # The reminder itself is not an action; a real action starts a new spell.
    with freeze_time(at(2026, 4, 3, 10, 0)):
        services.note_add(request=request, body="Even gebeld.", by=advisor)
    run(at(2026, 5, 1, 10, 0), django_capture_on_commit_callbacks)
    assert sent(NotificationKind.NUDGE) == 1
    run(at(2026, 5, 4, 10, 0), django_capture_on_commit_callbacks)
    assert sent(NotificationKind.NUDGE) == 2


def test_a_completed_request_gets_the_evaluation_email_after_14_days(
    noord, advisor, client, django_capture_on_commit_callbacks
):
    with freeze_time(at(2026, 6, 1, 10, 0)):
        request = CultureRequestFactory(district=noord, status=Status.IN_PROGRESS)
        services.request_change_status(request=request, to=Status.COMPLETED, by=advisor)
    run(at(2026, 6, 14, 10, 0), django_capture_on_commit_callbacks)
    assert sent(NotificationKind.EVALUATION) == 0
    run(at(2026, 6, 15, 11, 0), django_capture_on_commit_callbacks)
    run(at(2026, 6, 16, 11, 0), django_capture_on_commit_callbacks)
    assert sent(NotificationKind.EVALUATION) == 1
    email = mail.outbox[-1]
    assert email.to == [request.requester_email]
    link = f"/vraag/status/{request.status_token}/evaluatie/"
    assert link in email.body
    client.post(link, {"satisfaction": "5", "answered": "yes", "would_ask_again": "yes"})
    request.refresh_from_db()
    assert request.status == Status.EVALUATED


@pytest.fixture
def celery_retries():
    """Eager tasks propagate errors in unit tests; here Celery must handle them and retry, as a worker does."""
    from cultuur.celery import app

    app.conf.task_eager_propagates = False
    yield
    app.conf.task_eager_propagates = True


class FailingBackend:
    """An SMTP server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionError("SMTP is down")


class FlakyBackend:
    """Fails the first time, then delivers to the outbox."""

    calls = 0

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        FlakyBackend.calls += 1
        if FlakyBackend.calls == 1:
            raise ConnectionError("try again")
        mail.outbox.extend(messages)
        return len(messages)


def test_a_failing_email_backend_leaves_the_request_stored_and_the_email_retried(
    client, noord, settings, django_capture_on_commit_callbacks, celery_retries
):
    from tests.requests.factories import form_data

    settings.EMAIL_BACKEND = "tests.requests.test_reminders.FailingBackend"
    with freeze_time(at(2026, 11, 23, 10, 0)), django_capture_on_commit_callbacks(execute=True):
        response = client.post("/vraag/", form_data())
    assert response.status_code == 302  # the asker sees their thanks page, no 500
    request = CultureRequest.objects.get()
    notification = Notification.objects.get(request=request)
    assert notification.sent_at is None and notification.attempts > 1  # the task retried
    assert "SMTP is down" in notification.last_error
    assert mail.outbox == []
    # The mail server is back: the periodic retry sends it, once.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with freeze_time(at(2026, 11, 23, 11, 0)), django_capture_on_commit_callbacks(execute=True):
        reminders.notifications_resend()
        reminders.notifications_resend()
    notification.refresh_from_db()
    assert notification.sent_at is not None
    assert len(mail.outbox) == 1 and request.reference in mail.outbox[0].subject
    assert CultureRequest.objects.count() == 1


def test_a_flaky_email_backend_is_retried_and_delivers_exactly_once(
    noord, settings, django_capture_on_commit_callbacks, celery_retries
):
    FlakyBackend.calls = 0
    settings.EMAIL_BACKEND = "tests.requests.test_reminders.FlakyBackend"
    request = CultureRequestFactory(district=noord)
    with django_capture_on_commit_callbacks(execute=True):
        notification_queue(request=request, kind=NotificationKind.CONFIRMATION)
    notification = Notification.objects.get()
    assert notification.sent_at is not None and notification.attempts == 2
    assert len(mail.outbox) == 1
