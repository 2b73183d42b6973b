from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from schools import budget, selectors, services
from schools.forms import AmbitionForm, MilestoneForm, SendBackForm, VisionForm
from schools.models import Ambition, Milestone
from schools.views.common import run_service, school_or_404, school_roles_required


def _plan(request, school, year):
    return (
        selectors.plan_with_parts(selectors.visible_plans(request.user))
        .filter(school=school, school_year=year.start_year)
        .first()
    )


def _render(request, school, year, plan, *, status=200, **forms):
    is_icc = selectors.is_icc_of(request.user, school)
    is_account_holder = selectors.is_account_holder(request.user, school)
    editable = bool(plan and plan.is_editable and is_icc)
    lines = selectors.visible_budget_lines(request.user).filter(school=school, school_year=year.start_year)
    context = {
        "school": school,
        "year": year,
        "plan": plan,
        "culture_type": services.culture_type_for(school, year),
        "is_icc": is_icc,
        "is_account_holder": is_account_holder,
        "editable": editable,
        "summary": budget.summarise(
            school=school,
            year=year,
            lines=lines,
            amount_per_group_cents=selectors.amount_per_group_cents(year),
        ),
    }
    if editable:
        context["vision_form"] = forms.get("vision_form") or VisionForm(initial={"vision": plan.vision})
        context["ambition_form"] = forms.get("ambition_form") or AmbitionForm()
        context["milestone_form"] = forms.get("milestone_form") or MilestoneForm()
    if plan and is_account_holder:
        context["send_back_form"] = forms.get("send_back_form") or SendBackForm()
    return render(request, "schools/plan.html", context, status=status)


def _require_icc(request, school):
    if not selectors.is_icc_of(request.user, school):
        raise PermissionDenied


def _back(school, year):
    return redirect("schools:plan", pk=school.pk, year=year)


@school_roles_required
def plan_detail(request, pk, year):
    school = school_or_404(request, pk)
    return _render(request, school, year, _plan(request, school, year))


@require_POST
@school_roles_required
def plan_start(request, pk, year):
    school = school_or_404(request, pk)
    services.plan_start(school=school, year=year, by=request.user)
    return _back(school, year)


def _plan_or_404(request, school, year):
    plan = _plan(request, school, year)
    if plan is None:
        from django.http import Http404

        raise Http404
    return plan


@require_POST
@school_roles_required
def plan_vision(request, pk, year):
    school = school_or_404(request, pk)
    plan = _plan_or_404(request, school, year)
    _require_icc(request, school)
    form = VisionForm(request.POST)
    if form.is_valid() and run_service(
        request,
        form,
        lambda: services.plan_update(plan=plan, vision=form.cleaned_data["vision"], by=request.user),
    ):
        messages.success(request, _("De visie is opgeslagen."))
        return _back(school, year)
    return _render(request, school, year, plan, vision_form=form)


@require_POST
@school_roles_required
def ambition_add(request, pk, year):
    school = school_or_404(request, pk)
    plan = _plan_or_404(request, school, year)
    _require_icc(request, school)
    form = AmbitionForm(request.POST)
    if form.is_valid() and run_service(
        request, form, lambda: services.ambition_save(plan=plan, by=request.user, **form.service_fields())
    ):
        messages.success(request, _("De ambitie is toegevoegd."))
        return _back(school, year)
    return _render(request, school, year, plan, ambition_form=form)


@require_POST
@school_roles_required
def ambition_delete(request, pk, year, ambition_pk):
    school = school_or_404(request, pk)
    plan = _plan_or_404(request, school, year)
    ambition = get_object_or_404(Ambition, plan=plan, pk=ambition_pk)
    try:
        services.ambition_delete(ambition=ambition, by=request.user)
        messages.success(request, _("De ambitie is verwijderd."))
    except services.SchoolsError as error:
        messages.error(request, str(error))
    return _back(school, year)


@require_POST
@school_roles_required
def milestone_add(request, pk, year):
    school = school_or_404(request, pk)
    plan = _plan_or_404(request, school, year)
    _require_icc(request, school)
    form = MilestoneForm(request.POST)
    if form.is_valid() and run_service(
        request, form, lambda: services.milestone_add(plan=plan, by=request.user, **form.cleaned_data)
    ):
        messages.success(request, _("De mijlpaal is toegevoegd."))
        return _back(school, year)
    return _render(request, school, year, plan, milestone_form=form)


@require_POST
@school_roles_required
def milestone_delete(request, pk, year, milestone_pk):
    school = school_or_404(request, pk)
    plan = _plan_or_404(request, school, year)
    milestone = get_object_or_404(Milestone, plan=plan, pk=milestone_pk)
    try:
        services.milestone_delete(milestone=milestone, by=request.user)
    except services.SchoolsError as error:
        messages.error(request, str(error))
    return _back(school, year)


@require_POST
@school_roles_required
def plan_submit(request, pk, year):
    school = school_or_404(request, pk)
    plan = _plan_or_404(request, school, year)
    try:
        services.plan_submit(plan=plan, by=request.user)
        messages.success(request, _("Het plan is ingediend bij de accounthouder."))
    except services.SchoolsError as error:
        messages.error(request, str(error))
    return _back(school, year)


@require_POST
@school_roles_required
def plan_agree(request, pk, year):
    school = school_or_404(request, pk)
    plan = _plan_or_404(request, school, year)
    try:
        services.plan_agree(plan=plan, by=request.user)
        messages.success(request, _("U bent akkoord met het plan."))
    except services.SchoolsError as error:
        messages.error(request, str(error))
    return _back(school, year)


@require_POST
@school_roles_required
def plan_send_back(request, pk, year):
    school = school_or_404(request, pk)
    plan = _plan_or_404(request, school, year)
    if not selectors.is_account_holder(request.user, school):
        raise PermissionDenied
    form = SendBackForm(request.POST)
    if form.is_valid() and run_service(
        request,
        form,
        lambda: services.plan_send_back(plan=plan, comments=form.cleaned_data["comments"], by=request.user),
    ):
        messages.success(request, _("Het plan is teruggestuurd naar de school."))
        return _back(school, year)
    return _render(request, school, year, plan, send_back_form=form)


@school_roles_required
def ambition_edit(request, pk, year, ambition_pk):
    school = school_or_404(request, pk)
    plan = _plan_or_404(request, school, year)
    ambition = get_object_or_404(Ambition, plan=plan, pk=ambition_pk)
    _require_icc(request, school)
    if not plan.is_editable:
        messages.error(
            request, _("Dit plan kan niet meer worden gewijzigd, tenzij de accounthouder het terugstuurt.")
        )
        return _back(school, year)
    form = AmbitionForm(request.POST or None, instance=ambition)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            request,
            form,
            lambda: services.ambition_save(
                plan=plan,
                ambition=Ambition.objects.get(pk=ambition.pk),
                by=request.user,
                **form.service_fields(),
            ),
        )
    ):
        messages.success(request, _("De ambitie is opgeslagen."))
        return _back(school, year)
    return render(request, "schools/ambition_edit.html", {"school": school, "plan": plan, "form": form})
