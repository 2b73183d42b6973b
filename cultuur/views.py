from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from cultuur import health
from cultuur.roles import home_url


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
    body = {
        "status": "ok" if healthy else "unavailable",
        "database": {"ok": database_ok, "detail": database_detail},
        "broker": {"ok": broker_ok, "detail": broker_detail},
        "last_heartbeat": health.last_heartbeat() if database_ok else None,
    }
    return JsonResponse(body, status=200 if healthy else 503)
