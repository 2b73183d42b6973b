"""Funding applications: recorded on a request, and an overview for the funds coordinator."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cultuur.roles import Role, has_role
from requests import followup, selectors
from requests.forms import FundingApplicationForm
from requests.models import OPEN_FUNDING
from requests.triage_views import board_access


def _funding_access(user):
    if not (user.is_superuser or has_role(user, Role.ADVISOR, Role.MANAGER, Role.FUNDS_COORDINATOR)):
        raise PermissionDenied


@login_required
def overview(request):
    _funding_access(request.user)
    applications = selectors.visible_funding_applications(request.user).order_by("status", "-created_at")
    show = request.GET.get("toon", "open")
    if show == "open":
        applications = applications.filter(status__in=OPEN_FUNDING)
    page = Paginator(applications, 50).get_page(request.GET.get("pagina"))
    # Managers read every application; only those who may change one get the link to its form.
    editable = {a.pk for a in page.object_list if selectors.can_record_funding(request.user, a.request)}
    context = {
        "page": page,
        "editable": editable,
        "summary": selectors.funding_summary(request.user),
        "show": show,
    }
    return render(request, "requests/funding_overview.html", context)


@board_access
@require_POST
def add_application(request, reference):
    culture_request = get_object_or_404(selectors.visible_requests(request.user), reference=reference)
    if not selectors.can_record_funding(request.user, culture_request):
        raise PermissionDenied
    form = FundingApplicationForm(request.POST)
    if form.is_valid():
        followup.funding_application_record(
            request=culture_request, by=request.user, **form.cleaned_data_for_model(), **form.money_fields()
        )
        messages.success(request, _("De fondsaanvraag is vastgelegd."))
        return redirect("requests:detail", culture_request.reference)
    return render(request, "requests/funding_form.html", {"form": form, "r": culture_request}, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def edit_application(request, pk):
    _funding_access(request.user)
    application = get_object_or_404(selectors.visible_funding_applications(request.user), pk=pk)
    if not selectors.can_record_funding(request.user, application.request):
        raise PermissionDenied
    initial = {
        "amount_requested": Decimal(application.amount_requested_cents) / 100,
        "amount_granted": Decimal(application.amount_granted_cents) / 100
        if application.amount_granted_cents is not None
        else None,
    }
    form = FundingApplicationForm(request.POST or None, instance=application, initial=initial)
    if request.method == "POST" and form.is_valid():
        followup.funding_application_update(
            application=application, by=request.user, **form.cleaned_data_for_model(), **form.money_fields()
        )
        messages.success(request, _("De fondsaanvraag is bijgewerkt."))
        return redirect("requests:funding")
    code = 400 if request.method == "POST" else 200
    return render(
        request,
        "requests/funding_form.html",
        {"form": form, "r": application.request, "application": application},
        status=code,
    )
