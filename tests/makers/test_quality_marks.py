"""Quality marks: validity, the directory badge and facet, self-service, staff verification and
the expiry reminders."""

import datetime

import pytest
from django.urls import reverse

from makers import marks
from makers.models import QualityMark
from tests.factories import UserFactory
from tests.makers.factories import MakerFactory, OwnedMakerFactory, QualityMarkFactory, discipline

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


def test_a_mark_is_valid_from_its_issue_date_until_the_day_before_expiry():
    mark = QualityMarkFactory.build(issued_on=days(-10), expires_on=days(5))
    assert mark.is_in_force(TODAY)
    assert mark.is_in_force(days(-10))
    assert mark.is_in_force(days(4))
    assert not mark.is_in_force(days(5))  # the expiry day no longer counts
    assert not mark.is_in_force(days(-11))


def test_a_mark_expires_and_is_no_longer_shown_after_its_expiry_date(client):
    maker = MakerFactory(name="Studio Keur")
    mark = QualityMarkFactory(maker=maker, issued_on=days(-30), expires_on=days(3))
    assert list(QualityMark.objects.shown(TODAY)) == [mark]
    assert list(QualityMark.objects.shown(days(3))) == []
    assert "CultuurKeur" in client.get(maker.get_absolute_url()).content.decode()
    mark.expires_on = TODAY
    mark.save()
    assert not mark.is_shown()
    assert "CultuurKeur" not in client.get(maker.get_absolute_url()).content.decode()
    assert "CultuurKeur</span>" not in client.get(reverse("makers:maker_list")).content.decode()


def test_an_unverified_mark_is_not_shown(client):
    maker = MakerFactory()
    QualityMarkFactory(maker=maker, verified_at=None)
    assert "CultuurKeur" not in client.get(maker.get_absolute_url()).content.decode()


def test_the_directory_card_shows_the_badge_with_its_last_day(client):
    maker = MakerFactory(name="Keurmaker")
    mark = QualityMarkFactory(maker=maker, expires_on=days(100))
    content = client.get(reverse("makers:maker_list")).content.decode()
    assert f'<time datetime="{mark.last_day.isoformat()}">' in content
    assert "geldig tot en met" in content


def test_the_mark_facet_counts_only_makers_with_a_valid_verified_mark(client):
    dans = discipline("dans")
    valid = MakerFactory(disciplines=[dans])
    QualityMarkFactory(maker=valid)
    QualityMarkFactory(maker=valid, kind="fair_practice", issuer="Kunsten '92")
    QualityMarkFactory(maker=MakerFactory(disciplines=[dans]), expires_on=TODAY)  # expired today
    QualityMarkFactory(maker=MakerFactory(disciplines=[dans]), verified_at=None)  # pending
    QualityMarkFactory(maker=MakerFactory(disciplines=[dans]), issued_on=days(1), expires_on=days(9))
    fair = MakerFactory(disciplines=[dans])
    QualityMarkFactory(maker=fair, kind="fair_practice", issuer="Kunsten '92")
    MakerFactory(disciplines=[dans])

    response = client.get(reverse("makers:maker_list"))
    facets = {f["name"]: {o["value"]: o["count"] for o in f["options"]} for f in response.context["facets"]}
    assert facets["mark"] == {"met": 2, "cultuurkeur": 1, "fair_practice": 2}

    filtered = client.get(reverse("makers:maker_list"), {"mark": "met"})
    assert {m.pk for m in filtered.context["page"].object_list} == {valid.pk, fair.pk}
    assert "Met keurmerk (2)" in response.content.decode()


def test_the_mark_facet_counts_with_the_other_filters():
    muziek = discipline("muziek")
    QualityMarkFactory(maker=MakerFactory(disciplines=[muziek]))
    QualityMarkFactory(maker=MakerFactory(disciplines=[discipline("dans")]))
    from django.test import Client

    response = Client().get(reverse("makers:maker_list"), {"discipline": "muziek"})
    facets = {f["name"]: {o["value"]: o["count"] for o in f["options"]} for f in response.context["facets"]}
    assert facets["mark"]["met"] == 1


def test_the_directory_with_marks_costs_the_same_queries_at_any_size(client, django_assert_max_num_queries):
    def build(n):
        for _ in range(n):
            maker = MakerFactory(disciplines=[discipline("dans")])
            QualityMarkFactory(maker=maker)
            QualityMarkFactory(maker=maker, kind="fair_practice")

    build(2)
    with django_assert_max_num_queries(20) as small:
        client.get(reverse("makers:maker_list"), {"mark": "met"})
    build(25)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(reverse("makers:maker_list"), {"mark": "met"})
    assert response.context["page"].paginator.count == 27


# --- Self-service -------------------------------------------------------------------------------


def _form(**overrides):
    data = {
        "kind": "cultuurkeur",
        "title": "",
        "issuer": "Cultuurconnectie",
        "issued_on": days(-20).isoformat(),
        "expires_on": days(700).isoformat(),
        "certificate_reference": "CK-2026-118",
        "certificate_url": "",
    }
    return {**data, **overrides}


def test_a_maker_adds_a_mark_that_waits_for_verification(client):
    maker = OwnedMakerFactory()
    client.force_login(maker.user)
    response = client.post(reverse("makers:maker_marks", args=[maker.slug]), _form())
    assert response.status_code == 302
    mark = maker.quality_marks.get()
    assert mark.verified_at is None
    assert not mark.is_shown()
    assert (
        "Wacht op controle" in client.get(reverse("makers:maker_marks", args=[maker.slug])).content.decode()
    )


def test_a_wrong_mark_shows_dutch_errors_and_keeps_the_input(client):
    maker = OwnedMakerFactory()
    client.force_login(maker.user)
    response = client.post(
        reverse("makers:maker_marks", args=[maker.slug]),
        _form(kind="other", issuer="Stichting Keur", expires_on=days(-30).isoformat()),
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "De einddatum moet na de datum van uitgifte liggen." in content
    assert "Geef de naam van het keurmerk." in content
    assert 'value="Stichting Keur"' in content
    assert not QualityMark.objects.exists()


def test_a_maker_editing_a_verified_mark_sends_it_back_to_verification(client):
    maker = OwnedMakerFactory()
    mark = QualityMarkFactory(maker=maker)
    client.force_login(maker.user)
    client.post(reverse("makers:mark_edit", args=[mark.pk]), _form(expires_on=days(900).isoformat()))
    mark.refresh_from_db()
    assert mark.verified_at is None
    assert mark.expires_on == days(900)


def test_a_maker_cannot_touch_another_makers_mark(client):
    mine, theirs = OwnedMakerFactory(), OwnedMakerFactory()
    mark = QualityMarkFactory(maker=theirs)
    client.force_login(mine.user)
    assert client.get(reverse("makers:mark_edit", args=[mark.pk])).status_code == 404
    assert client.post(reverse("makers:mark_delete", args=[mark.pk])).status_code == 404
    assert client.get(reverse("makers:maker_marks", args=[theirs.slug])).status_code == 403


def test_staff_verify_and_reject_marks_on_the_staff_page(client):
    advisor = UserFactory(roles=["advisor"])
    pending = QualityMarkFactory(verified_at=None)
    wrong = QualityMarkFactory(verified_at=None)
    client.force_login(advisor)
    page = client.get(reverse("makers:mark_queue"))
    assert set(page.context["page"].object_list) == {pending, wrong}

    client.post(reverse("makers:mark_verify", args=[pending.pk]), {"besluit": "goedkeuren"})
    client.post(
        reverse("makers:mark_verify", args=[wrong.pk]), {"besluit": "afwijzen", "reason": "Verlopen nummer"}
    )
    pending.refresh_from_db(), wrong.refresh_from_db()
    assert pending.verified_by == advisor and pending.is_shown()
    assert wrong.rejection_reason == "Verlopen nummer" and not wrong.is_shown()


def test_a_maker_cannot_verify_their_own_mark(client):
    maker = OwnedMakerFactory()
    mark = QualityMarkFactory(maker=maker, verified_at=None)
    client.force_login(maker.user)
    assert client.post(reverse("makers:mark_verify", args=[mark.pk])).status_code == 403
    assert client.get(reverse("makers:mark_queue")).status_code == 403


def test_the_staff_queue_costs_the_same_queries_at_two_page_sizes(
    client, django_assert_max_num_queries, monkeypatch
):
    from makers.views import marks as mark_views

    client.force_login(UserFactory(roles=["advisor"]))
    for _ in range(30):
        QualityMarkFactory(verified_at=None)
    monkeypatch.setattr(mark_views, "PAGE_SIZE", 5)
    with django_assert_max_num_queries(20) as small:
        client.get(reverse("makers:mark_queue"))
    monkeypatch.setattr(mark_views, "PAGE_SIZE", 25)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(reverse("makers:mark_queue"))
    assert len(response.context["page"].object_list) == 25


# --- Reminders ------------------------------------------------------------------------------------


def test_the_reminder_is_sent_once_per_stage(mailoutbox, django_capture_on_commit_callbacks):
    maker = OwnedMakerFactory()
    mark = QualityMarkFactory(maker=maker, expires_on=days(60))
    QualityMarkFactory(maker=OwnedMakerFactory(), expires_on=days(200))  # not due in this test

    with django_capture_on_commit_callbacks(execute=True):
        assert marks.marks_remind_expiring(today=TODAY) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert marks.marks_remind_expiring(today=TODAY) == 0  # a rerun sends nothing
        assert marks.marks_remind_expiring(today=days(1)) == 0
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [maker.user.email]
    assert "verloopt binnen 60 dagen" in mailoutbox[0].subject
    mark.refresh_from_db()
    assert mark.reminder_stage == 60

    with django_capture_on_commit_callbacks(execute=True):
        assert marks.marks_remind_expiring(today=days(46)) == 1  # 14 days left
        assert marks.marks_remind_expiring(today=days(47)) == 0
    assert len(mailoutbox) == 2
    assert "14 dagen" in mailoutbox[1].subject


def test_a_mark_found_late_gets_only_the_nearest_reminder(mailoutbox, django_capture_on_commit_callbacks):
    QualityMarkFactory(maker=OwnedMakerFactory(), expires_on=days(10))
    with django_capture_on_commit_callbacks(execute=True):
        assert marks.marks_remind_expiring(today=TODAY) == 1
        assert marks.marks_remind_expiring(today=TODAY) == 0
    assert len(mailoutbox) == 1 and "14 dagen" in mailoutbox[0].subject


def test_a_renewed_mark_is_reminded_again(django_capture_on_commit_callbacks):
    maker = OwnedMakerFactory()
    mark = QualityMarkFactory(maker=maker, expires_on=days(14))
    with django_capture_on_commit_callbacks(execute=True):
        marks.marks_remind_expiring(today=TODAY)
    mark.expires_on = days(50)
    marks.mark_save(mark=mark, by=UserFactory(roles=["advisor"]))
    mark.refresh_from_db()
    assert mark.reminder_stage is None and mark.verified_at is not None  # staff's change stays verified


def test_the_beat_schedule_runs_the_reminders_daily(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["makers-quality-mark-reminders"]
    assert entry["task"] == "makers.tasks.run_mark_reminders"
    from makers import tasks

    assert tasks.run_mark_reminders() == 0


def test_the_api_lists_only_public_marks_to_other_users(client):
    shown = QualityMarkFactory()
    QualityMarkFactory(verified_at=None)
    QualityMarkFactory(expires_on=TODAY)
    client.force_login(UserFactory(roles=["icc"]))
    rows = client.get("/api/quality-marks/").json()["results"]
    assert [row["id"] for row in rows] == [shown.pk]
    client.force_login(UserFactory(roles=["advisor"]))
    assert len(client.get("/api/quality-marks/").json()["results"]) == 3
