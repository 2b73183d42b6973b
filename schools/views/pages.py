from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cultuur.roles import Role, has_role
from schools import budget, selectors, services
from schools.forms import CoCreationLinkForm, CultureTypeForm, MonitoringEntryForm
from schools.school_year import SchoolYear
from schools.views.common import run_service, school_or_404, school_roles_required


def _year_from(request) -> SchoolYear:
    try:
        return SchoolYear.parse(request.GET.get("jaar", ""))
    except ValueError:
        return SchoolYear.current()


@school_roles_required
def home(request):
    """The ICC's home is their own school; staff land on the list of schools they can see."""
    user = request.user
    if has_role(user, Role.ICC) and not has_role(user, Role.ADVISOR, Role.MANAGER) and not user.is_superuser:
        school_id = selectors.icc_school_id(user)
        if school_id is None:
            return render(request, "schools/no_school.html")
        return school_detail(request, school_id)
    return school_list(request)


@school_roles_required
def school_list(request):
    year = _year_from(request)
    schools = selectors.school_list(request.user, year)
    only_mine = request.GET.get("alleen") == "mijn"
    if only_mine:
        schools = schools.filter(account_holder=request.user)
    schools = list(schools)
    amount = selectors.amount_per_group_cents(year)
    rows = []
    for school in schools:
        records = school.culture_type_records_of_year
        plans = school.plans_of_year
        budget_cents = school.class_groups * amount
        rows.append(
            {
                "school": school,
                "culture_type": records[0].get_culture_type_display() if records else "",
                "plan": plans[0] if plans else None,
                "budget_cents": budget_cents,
                "planned_cents": school.planned_cents or 0,
                "over_budget": (school.planned_cents or 0) > budget_cents,
                "is_mine": school.account_holder_id == request.user.pk,
            }
        )
    return render(
        request,
        "schools/school_list.html",
        {
            "rows": rows,
            "year": year,
            "previous": year.previous(),
            "next": year.next(),
            "to_review": list(selectors.plans_to_review(request.user)),
            "only_mine": only_mine,
        },
    )


@school_roles_required
def school_detail(request, pk):
    school = school_or_404(request, pk)
    school = selectors.school_detail(request.user).get(pk=school.pk)
    year = _year_from(request)
    plan = (
        selectors.plan_with_parts(selectors.visible_plans(request.user))
        .filter(school=school, school_year=year.start_year)
        .first()
    )
    lines = selectors.visible_budget_lines(request.user).filter(school=school, school_year=year.start_year)
    summary = budget.summarise(
        school=school, year=year, lines=lines, amount_per_group_cents=selectors.amount_per_group_cents(year)
    )
    monitoring = list(selectors.visible_monitoring(request.user).filter(school=school)[:20])
    is_account_holder = selectors.is_account_holder(request.user, school)
    co_creations = list(selectors.co_creation_links(school))
    return render(
        request,
        "schools/school_detail.html",
        {
            "school": school,
            "year": year,
            "previous": year.previous(),
            "next": year.next(),
            "plan": plan,
            "summary": summary,
            "line_count": summary.line_count,
            "monitoring": monitoring,
            "is_icc": selectors.is_icc_of(request.user, school),
            "is_account_holder": is_account_holder,
            "culture_type_form": CultureTypeForm() if is_account_holder else None,
            "co_creations": co_creations,
            "co_creation_form": CoCreationLinkForm(school=school) if is_account_holder else None,
        },
    )


@require_POST
@school_roles_required
def culture_type_set(request, pk):
    school = school_or_404(request, pk)
    if not selectors.is_account_holder(request.user, school):
        raise PermissionDenied
    form = CultureTypeForm(request.POST)
    if form.is_valid():
        services.culture_type_record(
            school=school,
            year=SchoolYear(form.cleaned_data["school_year"]),
            culture_type=form.cleaned_data["culture_type"],
            by=request.user,
        )
        messages.success(request, _("Het cultuurtype is vastgelegd."))
    else:
        messages.error(request, _("Kies een schooljaar en een cultuurtype."))
    return redirect("schools:detail", pk=school.pk)


@school_roles_required
def monitoring(request, pk):
    school = school_or_404(request, pk)
    is_account_holder = selectors.is_account_holder(request.user, school)
    form = None
    if is_account_holder:
        form = MonitoringEntryForm(request.POST or None)
        if (
            request.method == "POST"
            and form.is_valid()
            and run_service(
                request,
                form,
                lambda: services.monitoring_entry_create(
                    school=school, by=request.user, **form.service_fields()
                ),
            )
        ):
            messages.success(request, _("De monitoringsnotitie is opgeslagen."))
            return redirect("schools:monitoring", pk=school.pk)
    elif request.method == "POST":
        raise PermissionDenied
    entries = selectors.visible_monitoring(request.user).filter(school=school)
    return render(
        request,
        "schools/monitoring.html",
        {"school": school, "entries": entries, "form": form, "is_account_holder": is_account_holder},
    )


@require_POST
@school_roles_required
def co_creation_link(request, pk):
    school = school_or_404(request, pk)
    if not selectors.is_account_holder(request.user, school):
        raise PermissionDenied
    form = CoCreationLinkForm(request.POST, school=school)
    if not form.is_valid():
        messages.error(request, _("Kies een co-creatie."))
        return redirect("schools:detail", pk=school.pk)
    co_creation = form.cleaned_data["co_creation"]
    try:
        if request.POST.get("remove"):
            services.co_creation_school_remove(co_creation=co_creation, school=school, by=request.user)
            messages.success(request, _("De school doet niet meer mee aan deze co-creatie."))
        else:
            services.co_creation_school_add(co_creation=co_creation, school=school, by=request.user)
            messages.success(request, _("De school doet mee aan de co-creatie."))
    except services.SchoolsError as error:
        messages.error(request, str(error))
    return redirect("schools:detail", pk=school.pk)
