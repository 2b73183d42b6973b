"""PDF reports on S3-compatible object storage (a real moto server process): stored there, streamed to managers."""

import pytest

from impact.models import MonitoringReport, ReportStatus
from impact.tasks import generate_due_reports


@pytest.mark.django_db
def test_a_rendered_report_lands_in_the_bucket_and_managers_download_it_from_there(
    poelenburg, manager, client, s3_server, s3_media, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        generate_due_reports("2025-H1")
    report = MonitoringReport.objects.get(district=poelenburg)
    assert report.status == ReportStatus.DONE

    stored = s3_server.client().get_object(Bucket=s3_media, Key=report.pdf.name)["Body"].read()
    assert stored.startswith(b"%PDF-")

    client.force_login(manager)
    response = client.get(f"/dashboard/rapportages/{report.token}/pdf/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == stored
