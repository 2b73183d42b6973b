import sys

from django import db
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from cultuur import health
from cultuur.audit import audit_record
from cultuur.models import AuditLog
from cultuur.roles import Role, has_role, home_url


def home(request):
    return render(request, "cultuur/home.html")


def privacy(request):
    return render(request, "cultuur/privacy.html")


@login_required
def start(request):
    """Where login lands: each role has its own home page."""
    return redirect(home_url(request.user))


@login_required
def overview(request):
    return render(request, "cultuur/overview.html")


@never_cache
@require_GET
def healthz(request):
    database_ok, database_detail = health.check_database()
    broker_ok, broker_detail = health.check_broker()
    healthy = database_ok and broker_ok
    # A load balancer's readiness probe (?probe=ready) asks whether this process can serve pages: it
    # can without the broker (submissions are stored and their e-mails resent once it is back), so a
    # Redis outage must not take every web pod out of service. Monitoring reads the full answer.
    ready = database_ok if request.GET.get("probe") == "ready" else healthy
    body = {
        "status": "ok" if healthy else "unavailable",
        "database": {"ok": database_ok, "detail": database_detail},
        "broker": {"ok": broker_ok, "detail": broker_detail},
        "last_heartbeat": health.last_heartbeat() if database_ok else None,
    }
    return JsonResponse(body, status=200 if ready else 503)


def permission_denied(request, exception=None):
    """403 page; every refused authorisation is written to the audit log."""
    audit_record(
        action="auth.access.refused", by=request.user, detail={"path": request.path[:500]}, request=request
    )
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    if isinstance(sys.exc_info()[1], DATABASE_DOWN):
        return database_unavailable(request)
    return render(request, "500.html", status=500)


# psycopg's connection errors arrive wrapped as these (django.db.utils); any layer may raise them.
DATABASE_DOWN = (db.OperationalError, db.InterfaceError)
DATABASE_RETRY_AFTER_SECONDS = 30


def database_unavailable(request):
    """The database is away (restart, fail-over): a clear Dutch 503 instead of an error page.

    Rendered without the request's context, whose user and session would ask the database again.
    """
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


@login_required
def audit_log(request):
    if not (request.user.is_superuser or has_role(request.user, Role.MANAGER)):
        raise PermissionDenied
    entries = AuditLog.objects.select_related(None).order_by("-at", "-pk")
    action = request.GET.get("actie", "").strip()
    if action:
        entries = entries.filter(action__startswith=action)
    page = Paginator(entries, 50).get_page(request.GET.get("pagina"))
    return render(request, "cultuur/audit_log.html", {"page": page, "action": action})
