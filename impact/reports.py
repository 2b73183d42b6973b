"""Periodic PDCA monitoring reports: claimed once per period and scope, rendered to HTML and PDF,
stored, and announced to the managers by e-mail with a link (never the file as an attachment).

The report holds figures, goals and the advisors' check/act notes on schools: no resident's name,
e-mail address or phone number is ever read into it (requests are only counted).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cultuur import mail
from cultuur.queue import enqueue_on_commit
from cultuur.roles import Role
from districts.models import District, Municipality
from impact.dashboard import Filters, all_figures
from impact.models import MonitoringReport, ReportStatus
from impact.periods import Period
from impact.tables import display_rows, jsonable

log = logging.getLogger(__name__)


def scope_key(municipality: Municipality, district: District | None) -> str:
    return f"d{district.pk}" if district else f"m{municipality.pk}"


def report_request(*, period: Period, municipality: Municipality, district: District | None = None, by=None):
    """Create the report row for a period and scope (once) and render it after commit.

    Returns (report, created). A second call for the same period and scope finds the first row.
    """
    if district is not None:
        municipality = district.municipality
    key = scope_key(municipality, district)
    try:
        with transaction.atomic():
            report, created = MonitoringReport.objects.get_or_create(
                period_start=period.start,
                period_end=period.end,
                scope_key=key,
                defaults={"period_label": period.label, "municipality": municipality, "district": district},
            )
    except IntegrityError:  # a concurrent request created it between the read and the insert
        report, created = (
            MonitoringReport.objects.get(period_start=period.start, period_end=period.end, scope_key=key),
            False,
        )
    if created or report.status == ReportStatus.FAILED:
        enqueue_on_commit("impact.tasks.render_report", report.pk)
    return report, created


def _claim(report_id: int) -> bool:
    """Only one worker renders a report: the conditional update is the claim. A claim older than
    the lease (a worker that died mid-render) may be taken over."""
    stale = timezone.now() - timedelta(minutes=settings.IMPACT_REPORT_LEASE_MINUTES)
    claimable = Q(status__in=[ReportStatus.PENDING, ReportStatus.FAILED]) | Q(
        status=ReportStatus.RENDERING, claimed_at__lt=stale
    )
    return bool(
        MonitoringReport.objects.filter(claimable, pk=report_id).update(
            status=ReportStatus.RENDERING, claimed_at=timezone.now()
        )
    )


def monitoring_notes(filters: Filters) -> list[dict]:
    """The advisors' check and act notes on schools in the period (seed 001: the PDCA instrument)."""
    from schools.models import MonitoringEntry
    from schools.models.choices import PdcaPhase

    entries = MonitoringEntry.objects.filter(
        phase__in=[PdcaPhase.CHECK, PdcaPhase.ACT], date__range=(filters.period.start, filters.period.end)
    )
    if filters.district:
        entries = entries.filter(school__district=filters.district)
    elif filters.municipality:
        entries = entries.filter(school__municipality=filters.municipality)
    rows = entries.order_by("date", "pk").values(
        "date", "phase", "school__name", "notes", "could_be_better", "next_step"
    )[: settings.IMPACT_REPORT_MAX_NOTES]
    phases = dict(PdcaPhase.choices)
    return [
        {
            "date": row["date"].isoformat(),
            "phase": str(phases[row["phase"]]),
            "school": row["school__name"],
            "notes": row["notes"],
            "could_be_better": row["could_be_better"],
            "next_step": row["next_step"],
        }
        for row in rows
    ]


def build_data(report: MonitoringReport) -> dict:
    period = Period(report.period_start, report.period_end, report.period_label)
    filters = Filters(period=period, municipality=report.municipality, district=report.district)
    return {
        "figures": [jsonable(figure) for figure in all_figures(filters)],
        "notes": monitoring_notes(filters),
        **strategy_and_risks(report),
        "generated_at": timezone.now().isoformat(),
    }


def strategy_and_risks(report: MonitoringReport) -> dict:
    """The agreements' progress per half year and the budget per card (the execution agenda is
    city-wide: municipality reports only), the risks reviewed in the period and the open high risks."""
    from impact import risks, strategy

    data = {
        "risks_reviewed": risks.reviews_in(
            report.period_start, report.period_end, district=report.district, municipality=report.municipality
        ),
        "risks_high": risks.high_risks_for_report(district=report.district, municipality=report.municipality),
    }
    if report.district_id:
        return data
    halves = [
        half
        for year in range(report.period_start.year, report.period_end.year + 1)
        for half in (Period.half(year, 1), Period.half(year, 2))
        if half.start >= report.period_start and half.end <= report.period_end
    ]
    data["agreements"] = [
        {"period": half.label, "rows": strategy.progress_for_period(half.key)} for half in halves
    ]
    years = range(report.period_start.year, report.period_end.year + 1)
    data["budgets"] = [
        {
            "card": str(budget.card),
            "year": budget.year,
            "amount_cents": budget.amount_cents,
            "spent_cents": budget.spent_cents,
            "remaining_cents": budget.remaining_cents,
        }
        for budget in strategy.budgets_with_spending(
            strategy.ThemeBudget.objects.select_related("card").filter(year__in=years)
        ).order_by("card__number", "year")
    ]
    return data


def report_context(report: MonitoringReport) -> dict:
    figures = report.data.get("figures", [])
    for figure in figures:
        figure["display_rows"] = display_rows(figure)
    return {
        "report": report,
        "figures": figures,
        "notes": report.data.get("notes", []),
        "agreements": report.data.get("agreements"),
        "budgets": report.data.get("budgets"),
        "risks_reviewed": report.data.get("risks_reviewed", []),
        "risks_high": report.data.get("risks_high", []),
    }


def render_pdf(report: MonitoringReport) -> bytes:
    from weasyprint import CSS, HTML

    html = render_to_string("impact/report_pdf.html", report_context(report))
    stylesheet = CSS(filename=str(settings.BASE_DIR / "impact" / "pdf.css"))
    # PDF/UA-1: tagged (headings, tables, reading order), language and title in the metadata.
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        stylesheets=[stylesheet], pdf_variant="pdf/ua-1"
    )


def report_generate(*, report_id: int) -> MonitoringReport | None:
    """Claim, render and store one report, then e-mail the managers. Rerunning does nothing."""
    if not _claim(report_id):
        return None
    report = MonitoringReport.objects.select_related("municipality", "district").get(pk=report_id)
    try:
        report.data = build_data(report)
        pdf = render_pdf(report)
        report.pdf.save(
            f"monitoring-{report.scope_key}-{report.period_start:%Y%m%d}.pdf", ContentFile(pdf), save=False
        )
        report.status = ReportStatus.DONE
        report.rendered_at = timezone.now()
        report.error = ""
        report.save(update_fields=["data", "pdf", "status", "rendered_at", "error"])
    except Exception as error:
        log.exception("impact report %s failed", report_id)
        MonitoringReport.objects.filter(pk=report_id).update(
            status=ReportStatus.FAILED, error=str(error)[:300]
        )
        raise
    report_email(report=report)
    return report


def report_email(*, report: MonitoringReport) -> bool:
    """Tell the managers the report is ready, once: the conditional update claims the e-mail."""
    claimed = MonitoringReport.objects.filter(
        pk=report.pk, emailed_at__isnull=True, status=ReportStatus.DONE
    ).update(emailed_at=timezone.now())
    if not claimed:
        return False
    recipients = list(
        get_user_model()
        .objects.filter(groups__name=Role.MANAGER.value, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    if not recipients:
        return False
    link = settings.SITE_URL + reverse("impact:report", args=[report.token])
    subject = _("Monitoringsrapportage %(scope)s, %(period)s") % {
        "scope": report.scope_label,
        "period": report.period_label,
    }
    body = _(
        "De monitoringsrapportage van %(scope)s over %(period)s staat klaar.\n\n"
        "Bekijk de rapportage en download de pdf na het inloggen:\n%(link)s\n"
    ) % {"scope": report.scope_label, "period": report.period_label, "link": link}
    mail.send(subject=subject, body=body, to=recipients)
    return True


def due_scopes():
    """Every municipality and every district with one: the scopes of the half-yearly run."""
    municipalities = list(Municipality.objects.all())
    districts = list(
        District.objects.select_related("municipality").filter(~Q(municipality=None), is_central_intake=False)
    )
    return [(m, None) for m in municipalities] + [(d.municipality, d) for d in districts]


def reports_for_period(*, period: Period) -> int:
    """Request the reports of `period` for every scope; already existing ones are left alone."""
    created = 0
    for municipality, district in due_scopes():
        _report, was_created = report_request(period=period, municipality=municipality, district=district)
        created += was_created
    return created
