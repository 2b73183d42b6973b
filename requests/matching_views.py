"""The match page: ranked proposals with their reasons, and recording a match."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from requests import followup, matching, selectors
from requests.forms import MatchForm
from requests.triage_views import board_access


@board_access
@require_http_methods(["GET", "POST"])
def match(request, reference):
    culture_request = get_object_or_404(selectors.request_detail(request.user, reference))
    can_act = selectors.can_work_on(request.user, culture_request)
    form = MatchForm(request.POST or None, request=culture_request)
    if request.method == "POST":
        if not can_act:
            raise PermissionDenied
        if form.is_valid():
            try:
                followup.match_create(request=culture_request, by=request.user, **form.service_fields())
            except followup.RequestError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("De koppeling is vastgelegd."))
                return redirect("requests:detail", culture_request.reference)
    context = {
        "r": culture_request,
        "can_act": can_act,
        "form": form,
        "proposals": matching.proposals_for(culture_request),
    }
    return render(request, "requests/match.html", context, status=400 if form.errors else 200)
