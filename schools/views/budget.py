from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cultuur.paging import CappedPaginator
from schools import budget, selectors, services
from schools.forms import BudgetLineForm
from schools.links import budget_line_extra_fields
from schools.views.common import run_service, school_or_404, school_roles_required


def _may_book(user, school) -> bool:
    return selectors.is_icc_of(user, school) or selectors.is_account_holder(user, school)


# A year of one school rarely has more; beyond it the page pages instead of growing.
LINES_PER_PAGE = 50


def _render(request, school, year, form=None, *, status=200):
    lines = selectors.budget_lines_for_page(request.user).filter(school=school, school_year=year.start_year)
    summary = budget.summarise(
        school=school, year=year, lines=lines, amount_per_group_cents=selectors.amount_per_group_cents(year)
    )
    page = CappedPaginator(lines, LINES_PER_PAGE).get_page(request.GET.get("pagina"))
    may_book = _may_book(request.user, school)
    if may_book and form is None:
        form = BudgetLineForm(extra_fields=budget_line_extra_fields(), initial={"planned_date": year.start})
    return render(
        request,
        "schools/budget.html",
        {
            "school": school,
            "year": year,
            "summary": summary,
            "rows": [(line, budget.below_fair_practice(line)) for line in page],
            "page": page,
            "fair_practice_min_cents": budget.fair_practice_min_hourly_rate_cents(),
            "form": form if may_book else None,
            "may_book": may_book,
        },
        status=status,
    )


@school_roles_required
def budget_page(request, pk, year):
    school = school_or_404(request, pk)
    if request.method != "POST":
        return _render(request, school, year)
    if not _may_book(request.user, school):
        raise PermissionDenied
    form = BudgetLineForm(request.POST, extra_fields=budget_line_extra_fields())
    if form.is_valid() and run_service(
        request,
        form,
        lambda: services.budget_line_create(
            school=school, year=year, by=request.user, **form.service_fields()
        ),
    ):
        messages.success(request, _("De begrotingsregel is toegevoegd."))
        return redirect("schools:budget", pk=school.pk, year=year)
    return _render(request, school, year, form)


@school_roles_required
def budget_line_edit(request, pk, line_pk):
    school = school_or_404(request, pk)
    line = get_object_or_404(selectors.visible_budget_lines(request.user), school=school, pk=line_pk)
    if not _may_book(request.user, school):
        raise PermissionDenied
    form = BudgetLineForm(
        request.POST or None,
        extra_fields=budget_line_extra_fields(),
        initial={name: getattr(line, name, None) for name in services.BUDGET_LINE_FIELDS}
        | {name: getattr(line, f"{name}_id", None) for name in budget_line_extra_fields()},
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            request,
            form,
            lambda: services.budget_line_update(line=line, by=request.user, **form.service_fields()),
        )
    ):
        messages.success(request, _("De begrotingsregel is opgeslagen."))
        return redirect("schools:budget", pk=school.pk, year=line.year)
    return render(request, "schools/budget_line_edit.html", {"school": school, "line": line, "form": form})


@require_POST
@school_roles_required
def budget_line_delete(request, pk, line_pk):
    school = school_or_404(request, pk)
    line = get_object_or_404(selectors.visible_budget_lines(request.user), school=school, pk=line_pk)
    year = line.year
    try:
        services.budget_line_delete(line=line, by=request.user)
        messages.success(request, _("De begrotingsregel is verwijderd."))
    except services.SchoolsError as error:
        messages.error(request, str(error))
    return redirect("schools:budget", pk=school.pk, year=year)
