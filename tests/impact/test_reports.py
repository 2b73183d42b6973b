"""The half-yearly PDCA report: one per period and scope, a valid PDF, no personal data of residents."""

import datetime
import shutil
import subprocess

import pytest
from django.core import mail

from impact.models import MonitoringReport, ReportStatus
from impact.periods import Period
from impact.tasks import generate_due_reports
from requests.models import Match
from schools.models.choices import PdcaPhase
from tests.factories import UserFactory
from tests.impact.factories import ActivityFactory, GoalFactory, ReachFactory
from tests.requests.factories import CultureRequestFactory
from tests.schools.factories import MonitoringEntryFactory, SchoolFactory

RESIDENTS = [
    ("Zwaantje Quirijnsdochter", "zwaantje.quirijns@voorbeeldmail.nl", "06-98765432"),
    ("Barend Xylofoonmaker", "b.xylofoon@buurtpost.nl", "075-6543210"),
]


def pdf_text(data: bytes, tmp_path) -> str:
    """pdftotext (poppler-utils) is on this machine; the test says so when it is not."""
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed")
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout  # noqa: S603,S607


@pytest.fixture
def period_data(poelenburg, manager):
    for name, email, phone in RESIDENTS:
        request = CultureRequestFactory(
            district=poelenburg,
            requester_name=name,
            requester_email=email,
            requester_phone=phone,
            question=f"Ik ben {name}, bel mij op {phone}.",
        )
        request.created_at = datetime.datetime(2025, 3, 3, 10, tzinfo=datetime.UTC)
        type(request).objects.filter(pk=request.pk).update(created_at=request.created_at)
        Match.objects.create(request=request, kind="custom", target_name="Buurtatelier De Kroon")
    ReachFactory(
        activity=ActivityFactory(
            districts=[poelenburg], title="Community Table", starts_on=datetime.date(2025, 2, 1)
        )
    )
    GoalFactory(
        title="Minimaal 4 nieuwe co-creaties",
        metric="new_co_creations",
        period_start=datetime.date(2025, 1, 1),
    )
    school = SchoolFactory(name="De Zaanstroom", municipality=poelenburg.municipality, district=poelenburg)
    MonitoringEntryFactory(
        school=school,
        date=datetime.date(2025, 4, 2),
        phase=PdcaPhase.CHECK,
        notes="Dansproject loopt goed, groep 5 enthousiast.",
    )
    return poelenburg


@pytest.mark.django_db
def test_the_report_renders_a_valid_pdf_without_personal_data(
    period_data, tmp_path, client, manager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report_count = generate_due_reports("2025-H1")
    assert report_count == 2  # the municipality and its district
    report = MonitoringReport.objects.get(district=period_data)
    assert report.status == ReportStatus.DONE

    data = report.pdf.open("rb").read()
    assert data.startswith(b"%PDF-")
    text = pdf_text(data, tmp_path)
    assert "Monitoringsrapportage" in text and "Dansproject loopt goed" in text

    client.force_login(manager)
    html = client.get(f"/dashboard/rapportages/{report.token}/").content.decode()
    assert "Dansproject loopt goed" in html
    municipal = MonitoringReport.objects.get(district=None)
    municipal_html = client.get(f"/dashboard/rapportages/{municipal.token}/").content.decode()
    assert "Minimaal 4 nieuwe co-creaties" in municipal_html
    text += pdf_text(municipal.pdf.open("rb").read(), tmp_path)
    html += municipal_html
    for name, email, phone in RESIDENTS:
        for secret in (name, email, phone, name.split()[1]):
            assert secret not in text
            assert secret not in html


@pytest.mark.django_db
def test_the_pdf_report_is_tagged_pdf_ua_with_each_table_title_once(
    period_data, tmp_path, django_capture_on_commit_callbacks
):
    if not shutil.which("pdfinfo"):
        pytest.skip("pdfinfo is not installed")
    with django_capture_on_commit_callbacks(execute=True):
        generate_due_reports("2025-H1")
    report = MonitoringReport.objects.get(district=period_data)
    path = tmp_path / "tagged.pdf"
    path.write_bytes(report.pdf.open("rb").read())
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True).stdout
    assert "Tagged:          yes" in info
    metadata = subprocess.run(["pdfinfo", "-meta", str(path)], capture_output=True, check=True, text=True)
    assert "pdfuaid:part" in metadata.stdout
    text = pdf_text(path.read_bytes(), tmp_path)
    for figure in report.data["figures"]:
        if figure["rows"]:
            assert text.count(figure["title"]) == 1, figure["title"]


@pytest.mark.django_db
def test_the_half_yearly_task_makes_one_report_per_period_when_run_twice(
    period_data, manager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert generate_due_reports("2025-H1") == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert generate_due_reports("2025-H1") == 0
    assert MonitoringReport.objects.filter(period_start=datetime.date(2025, 1, 1)).count() == 2
    # The managers hear of each report once, with a link and no attachment.
    assert len(mail.outbox) == 2
    message = mail.outbox[0]
    assert message.to == [manager.email]
    assert "/dashboard/rapportages/" in message.body
    assert message.attachments == []


@pytest.mark.django_db
def test_a_claimed_report_is_not_rendered_twice(period_data, django_capture_on_commit_callbacks):
    from impact.reports import report_generate, report_request

    with django_capture_on_commit_callbacks(execute=True):
        report, created = report_request(
            period=Period.parse("2025-H1"), municipality=period_data.municipality
        )
    assert created
    assert report_generate(report_id=report.pk) is None  # already rendered on commit (eager Celery)
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE


@pytest.mark.django_db
def test_the_beat_default_is_the_half_year_that_just_ended():
    assert Period.last_completed_half(datetime.date(2026, 1, 1)).key == "2025-H2"
    assert Period.last_completed_half(datetime.date(2026, 7, 1)).key == "2026-H1"


def test_the_beat_schedule_has_the_half_yearly_report(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["impact-half-yearly-reports"]
    assert entry["task"] == "impact.tasks.generate_due_reports"
    assert entry["schedule"].month_of_year == {1, 7}


@pytest.mark.django_db
def test_a_manager_requests_a_report_on_demand(client, manager, poelenburg):
    client.force_login(manager)
    response = client.post(
        "/dashboard/rapportages/aanvragen/", {"period": "2025-H1", "scope": f"d{poelenburg.pk}"}
    )
    assert response.status_code == 302
    assert MonitoringReport.objects.get().district == poelenburg
    again = client.post(
        "/dashboard/rapportages/aanvragen/", {"period": "2025-H1", "scope": f"d{poelenburg.pk}"}, follow=True
    )
    assert "bestaat al" in again.content.decode()
    assert MonitoringReport.objects.count() == 1


@pytest.mark.django_db
def test_a_report_request_with_bad_input_is_refused(client, manager):
    client.force_login(manager)
    response = client.post("/dashboard/rapportages/aanvragen/", {"period": "1999-H3", "scope": "x"})
    assert response.status_code == 400
    assert MonitoringReport.objects.count() == 0


@pytest.mark.django_db
def test_only_managers_see_reports(client, period_data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        generate_due_reports("2025-H1")
    report = MonitoringReport.objects.first()
    advisor = UserFactory(roles=["advisor"])
    client.force_login(advisor)
    assert client.get("/dashboard/rapportages/").status_code == 403
    assert client.get(f"/dashboard/rapportages/{report.token}/pdf/").status_code == 403


@pytest.mark.django_db
def test_an_abandoned_render_is_taken_over_but_a_fresh_claim_is_not(period_data):
    from django.utils import timezone

    from impact.reports import report_generate

    report = MonitoringReport.objects.create(
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 6, 30),
        period_label="2025-H1",
        municipality=period_data.municipality,
        scope_key=f"m{period_data.municipality.pk}",
        status=ReportStatus.RENDERING,
        claimed_at=timezone.now(),
    )
    assert report_generate(report_id=report.pk) is None
    MonitoringReport.objects.filter(pk=report.pk).update(
        claimed_at=timezone.now() - datetime.timedelta(hours=2)
    )
    assert report_generate(report_id=report.pk).status == ReportStatus.DONE
