"""The risk register: list and heat map in scope, add and edit a risk, record a review."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from cultuur.paging import CappedPaginator
from impact import risks
from impact.forms_risks import ReviewForm, RiskForm
from impact.services import ImpactError


def _require_register(user):
    if not risks.may_use_register(user):
        raise PermissionDenied


@login_required
def risk_list(request):
    _require_register(request.user)
    scoped = risks.visible_risks(request.user)
    due_only = request.GET.get("te-beoordelen") == "1"
    listed = risks.due_risks(scoped) if due_only else scoped
    page = CappedPaginator(listed.order_by("review_on", "pk"), settings.IMPACT_RISKS_PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    grid = risks.heat_map(scoped)
    return render(
        request,
        "impact/risks/list.html",
        {
            "page": page,
            "due_only": due_only,
            "due_count": risks.due_risks(scoped).count(),
            "grid": grid,
            "heat_rows": risks.heat_rows(grid),
            "today": timezone.localdate(),
        },
    )


@login_required
def risk_edit(request, pk=None):
    _require_register(request.user)
    risk = get_object_or_404(risks.visible_risks(request.user), pk=pk) if pk else None
    goals, plans = risks.subject_choices(request.user)
    form = RiskForm(
        request.POST or None,
        instance=risk,
        goals=goals,
        plans=plans,
        owners=risks.owner_choices(request.user),
    )
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data.get(name) for name in form.Meta.fields if name in form.fields}
        fields.setdefault("goal", None)
        try:
            risks.risk_save(by=request.user, risk=risk, **fields)
        except ImpactError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Risico opgeslagen."))
            return redirect("impact:risks")
    return render(request, "impact/risks/form.html", {"form": form, "risk": risk})


@login_required
def risk_review(request, pk):
    _require_register(request.user)
    risk = get_object_or_404(risks.visible_risks(request.user).prefetch_related("reviews__by"), pk=pk)
    form = ReviewForm(
        request.POST or None,
        initial={"likelihood": risk.likelihood, "impact": risk.impact, "status": risk.status},
    )
    if request.method == "POST" and form.is_valid():
        try:
            risks.risk_review(risk=risk, by=request.user, **form.cleaned_data)
        except ImpactError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Beoordeling vastgelegd."))
            return redirect("impact:risks")
    return render(request, "impact/risks/review.html", {"form": form, "risk": risk})
