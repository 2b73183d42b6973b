"""The managers' page for the service norms (the same as the admin, without the admin)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cultuur.roles import Role, has_role
from requests import norms
from requests.models import RequesterKind
from requests.norm_forms import NORM_STATUSES, ServiceNormsForm
from requests.workflow import Status


def _current() -> dict:
    return {
        (kind, status): norms.norm_days(kind, status)
        for kind in RequesterKind.values
        for status in NORM_STATUSES
    }


@login_required
@require_http_methods(["GET", "POST"])
def norms_edit(request):
    if not (request.user.is_superuser or has_role(request.user, Role.MANAGER)):
        raise PermissionDenied
    current = _current()
    form = ServiceNormsForm(request.POST or None, current=current)
    if request.method == "POST":
        if form.is_valid():
            changed = form.changed_norms(current)
            with transaction.atomic():
                for kind, status, days in changed:
                    norms.norm_set(requester_kind=kind, status=status, working_days=days, by=request.user)
            if changed:
                messages.success(
                    request,
                    _("De normen zijn opgeslagen. De termijnen van open vragen worden opnieuw berekend."),
                )
            else:
                messages.info(request, _("Er is niets gewijzigd."))
            return redirect("requests:norms")
        messages.error(request, _("Niet alle normen zijn opgeslagen. Verbeter de rode velden."))
    status_labels = [Status(status).label for status in NORM_STATUSES]
    code = 400 if request.method == "POST" else 200
    return render(request, "requests/norms.html", {"form": form, "status_labels": status_labels}, status=code)
