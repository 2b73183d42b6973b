"""Manager pages: the dashboard with a CSV per chart, the MAEX export, the monitoring reports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cultuur.audit import audited
from cultuur.replica import reads_from_replica
from impact import exports, reports, selectors
from impact.dashboard import FIGURES, Filters
from impact.forms import DashboardFilterForm, ReportRequestForm
from impact.periods import Period
from impact.snapshots import fresh_snapshot
from impact.tables import to_csv


def manager_required(view):
    @login_required
    def wrapped(request, *args, **kwargs):
        if not selectors.sees_all(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _filters(request) -> tuple[DashboardFilterForm, Filters]:
    form = DashboardFilterForm(request.GET or None)
    if form.is_valid():
        data = form.cleaned_data
        return form, Filters(
            period=data["period"], municipality=data["municipality"], district=data["district"]
        )
    return form, Filters(period=Period.current_year())


def _heat_map(user) -> dict:
    from impact import risks

    grid = risks.heat_map(risks.visible_risks(user))
    return {"grid": grid, "heat_rows": risks.heat_rows(grid)}


@manager_required
@reads_from_replica
def dashboard(request):
    form, filters = _filters(request)
    snapshot = fresh_snapshot(filters)
    query = request.GET.urlencode()
    return render(
        request,
        "impact/dashboard.html",
        {
            "form": form,
            "filters": filters,
            "figures": snapshot.figures,
            "computed_at": snapshot.computed_at,
            "query": query,
            **_heat_map(request.user),
        },
    )


@manager_required
@audited("impact.figure.exported")
@reads_from_replica
def figure_csv(request, key):
    build = FIGURES.get(key)
    if build is None:
        raise Http404
    _form, filters = _filters(request)
    figure = build(filters)
    response = HttpResponse(to_csv(figure), content_type="text/csv; charset=utf-8")
    filename = f"{key}-{filters.period.key}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@manager_required
@audited("impact.maex.exported")
@reads_from_replica
def maex_export(request, fmt):
    _form, filters = _filters(request)
    rows = exports.maex_rows(filters)
    if fmt == "json":
        return JsonResponse(exports.maex_document(filters, rows), json_dumps_params={"ensure_ascii": False})
    response = HttpResponse(exports.maex_csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="maex-{filters.period.key}.csv"'
    return response


@manager_required
def report_list(request):
    return render(
        request,
        "impact/report_list.html",
        {"reports": selectors.visible_reports(request.user), "form": ReportRequestForm()},
    )


@manager_required
@require_POST
def report_request(request):
    form = ReportRequestForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "impact/report_list.html",
            {"reports": selectors.visible_reports(request.user), "form": form},
            status=400,
        )
    data = form.cleaned_data
    report, created = reports.report_request(
        period=data["period"], municipality=data["municipality"], district=data["district"], by=request.user
    )
    if created:
        messages.success(request, _("De rapportage wordt gemaakt. U krijgt een e-mail als hij klaar is."))
    else:
        messages.info(request, _("Voor deze periode en dit gebied bestaat al een rapportage."))
    return redirect("impact:reports")


@manager_required
def report_detail(request, token):
    report = get_object_or_404(selectors.visible_reports(request.user), token=token)
    return render(request, "impact/report_detail.html", reports.report_context(report))


@manager_required
@audited("impact.report.downloaded")
def report_pdf(request, token):
    report = get_object_or_404(selectors.visible_reports(request.user), token=token)
    if not report.pdf:
        raise Http404
    return FileResponse(
        report.pdf.open("rb"), as_attachment=True, filename=report.pdf.name.rsplit("/", 1)[-1]
    )
