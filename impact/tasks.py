"""Thin Celery tasks: they take ids or keys and call one service. The top of the impact app."""

from celery import shared_task

from impact import reports, snapshots, strategy
from impact.periods import Period


@shared_task
def render_report(report_id: int) -> None:
    reports.report_generate(report_id=report_id)


@shared_task
def generate_due_reports(period_key: str = "") -> int:
    """Beat: the reports of the half year that just ended (or of `period_key`), once per scope."""
    period = Period.parse(period_key) if period_key else Period.last_completed_half()
    return reports.reports_for_period(period=period)


@shared_task
def refresh_dashboard_snapshots() -> int:
    """Beat: recompute the dashboard's default view and the views read lately (impact.snapshots)."""
    return snapshots.refresh_dashboard_snapshots()


@shared_task
def send_progress_invitations(period_key: str = "") -> int:
    """Beat: invite the partners to report on their strategy agreements, once per half year."""
    return strategy.invitations_for_half(period=Period.parse(period_key) if period_key else None)
