"""The project bank's pages: search, a case, writing one up, and the "answered before" panel."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from districts.selectors import districts_visible_to
from impact import case_selectors as bank
from impact import cases, selectors
from impact.forms_cases import CaseForm, CaseSearchForm
from makers.models import CoCreation
from makers.selectors import cocreations_visible_to
from requests.selectors import visible_requests
from requests.workflow import Status

WRITE_UP_STATUSES = (Status.COMPLETED, Status.EVALUATED)


def _require_reader(user):
    if not bank.reads_bank(user):
        raise PermissionDenied


def _require_staff(user):
    if not bank.is_bank_staff(user):
        raise PermissionDenied


@login_required
@require_GET
def case_list(request):
    _require_reader(request.user)
    form = CaseSearchForm(request.GET or None, tags=bank.tags_in_use(request.user))
    valid = form.is_valid() if form.is_bound else True
    filters = form.filters() if form.is_bound and valid else {}
    results = bank.bank_search(request.user, **filters) if valid else bank.visible_cases(request.user).none()
    per_page = (form.cleaned_data.get("per_page") if form.is_bound and valid else None) or 25
    page = bank.bank_page(results, number=request.GET.get("pagina"), per_page=per_page)
    query = request.GET.copy()
    query.pop("pagina", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "can_write": bank.is_bank_staff(request.user),
    }
    return render(request, "impact/cases.html", context, status=200 if valid else 400)


@login_required
def case_detail(request, slug):
    _require_reader(request.user)
    case = get_object_or_404(bank.case_detail(request.user), slug=slug)
    can_edit = bank.editable_cases(request.user).filter(pk=case.pk).exists()
    return render(request, "impact/case_detail.html", {"case": case, "can_edit": can_edit})


def _prefill(request) -> dict:
    """The source named in the query string, looked up through the viewer's scope (else 404)."""
    user, params = request.user, request.GET if request.method == "GET" else request.POST
    if params.get("vraag"):
        source = get_object_or_404(
            visible_requests(user).filter(status__in=WRITE_UP_STATUSES).prefetch_related("disciplines"),
            reference=params["vraag"],
        )
        return cases.prefill_from_request(source)
    if params.get("activiteit"):
        source = get_object_or_404(selectors.visible_activities(user), slug=params["activiteit"])
        return cases.prefill_from_activity(source)
    if params.get("cocreatie"):
        source = get_object_or_404(
            cocreations_visible_to(user).filter(status=CoCreation.Status.COMPLETED), slug=params["cocreatie"]
        )
        return cases.prefill_from_cocreation(source)
    return {}


_SOURCES = ("source_request", "source_activity", "source_cocreation")


@login_required
@require_http_methods(["GET", "POST"])
def case_create(request):
    _require_staff(request.user)
    prefill = _prefill(request)
    districts = districts_visible_to(request.user).filter(is_central_intake=False).order_by("name")
    form = CaseForm(request.POST or None, initial=CaseForm.initial_from(prefill), districts=districts)
    if request.method == "POST" and form.is_valid():
        sources = {k: prefill[k] for k in _SOURCES if k in prefill}
        try:
            case = cases.case_create(by=request.user, **sources, **form.service_fields())
        except cases.CaseError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Het praktijkvoorbeeld is opgeslagen als concept."))
            return redirect("impact:case", case.slug)
    source = next((prefill[k] for k in _SOURCES if k in prefill), None)
    context = {"form": form, "source": source, "source_params": _source_params(request)}
    return render(request, "impact/case_form.html", context, status=400 if form.errors else 200)


def _source_params(request) -> dict:
    params = request.GET if request.method == "GET" else request.POST
    return {k: params[k] for k in ("vraag", "activiteit", "cocreatie") if params.get(k)}


def _editable(request, slug):
    # Another district's case is out of the writer's scope: 404, as the access matrix expects.
    return get_object_or_404(bank.editable_cases(request.user), slug=slug)


@login_required
@require_http_methods(["GET", "POST"])
def case_edit(request, slug):
    _require_staff(request.user)
    case = _editable(request, slug)
    values = {f: getattr(case, f) for f in CaseForm.base_fields if hasattr(case, f) and f not in ("tags",)}
    values.update(
        costs_cents=case.costs_cents,
        disciplines=list(case.disciplines.all()),
        makers=list(case.makers.all()),
        tags=list(case.tags.all()),
    )
    districts = districts_visible_to(request.user).filter(is_central_intake=False).order_by("name")
    form = CaseForm(request.POST or None, initial=CaseForm.initial_from(values), districts=districts)
    if request.method == "POST" and form.is_valid():
        try:
            cases.case_update(case=case, by=request.user, **form.service_fields())
        except cases.CaseError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Het praktijkvoorbeeld is bijgewerkt."))
            return redirect("impact:case", case.slug)
    context = {"form": form, "case": case, "source": None, "source_params": {}}
    return render(request, "impact/case_form.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def case_publish(request, slug):
    _require_staff(request.user)
    case = _editable(request, slug)
    try:
        if request.POST.get("action") == "unpublish":
            cases.case_unpublish(case=case, by=request.user)
            messages.success(request, _("Het praktijkvoorbeeld is teruggezet naar concept."))
        else:
            cases.case_publish(case=case, by=request.user)
            messages.success(request, _("Het praktijkvoorbeeld is gepubliceerd."))
    except cases.CaseError as error:
        messages.error(request, str(error))
    return redirect("impact:case", case.slug)


@login_required
@require_GET
def cases_similar(request, reference):
    """The match page's panel (requests/match.html loads it by URL): cases like this request."""
    _require_staff(request.user)
    culture_request = get_object_or_404(
        visible_requests(request.user).prefetch_related("disciplines"), reference=reference
    )
    similar = bank.similar_cases(
        request.user,
        question=culture_request.question,
        discipline_ids=[d.pk for d in culture_request.disciplines.all()],
        district_id=culture_request.district_id,
        exclude_request_id=culture_request.pk,
    )
    return render(request, "impact/_cases_similar.html", {"similar": similar, "r": culture_request})
