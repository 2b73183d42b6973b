"""The art-teacher pool pages: the coordinator's pool, a school's proposals, the maker's availability."""

import contextlib
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cultuur.paging import CappedPaginator
from cultuur.roles import Role, has_role
from schools import pool, pool_services, selectors, services
from schools.models import TeacherAvailability
from schools.models.choices import CultureType
from schools.pool_forms import AvailabilityForm, PoolTeacherForm, ProposalForm, ProposalResponseForm
from schools.school_year import SchoolYear
from schools.views.common import school_or_404, school_roles_required

PAGE_SIZE = 25


def coordinator_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not pool.is_coordinator(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _year(request) -> SchoolYear:
    try:
        return SchoolYear.parse(request.GET.get("jaar", ""))
    except ValueError:
        return SchoolYear.current()


def _service(request, form, call) -> bool:
    try:
        call()
    except services.SchoolsError as error:
        messages.error(request, str(error))
        form.add_error(None, str(error))
        return False
    return True


@coordinator_required
def pool_list(request):
    year = _year(request)
    page = CappedPaginator(pool.pool_list(request.user, year), PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "schools/pool_list.html", {"page": page, "year": year})


def _teacher_page(request, teacher, teacher_form, availability_form, status=200):
    availabilities = (
        teacher.availabilities.prefetch_related("disciplines").order_by("-school_year") if teacher else []
    )
    context = {
        "teacher": teacher,
        "teacher_form": teacher_form,
        "availability_form": availability_form,
        "availabilities": availabilities,
    }
    return render(request, "schools/pool_teacher.html", context, status=status)


@coordinator_required
def pool_teacher_add(request):
    teacher_form = PoolTeacherForm(request.POST or None, prefix="docent")
    availability_form = AvailabilityForm(request.POST or None, prefix="jaar")
    if request.method == "POST" and teacher_form.is_valid() and availability_form.is_valid():
        teacher = teacher_form.save(commit=False)
        if _service(
            request,
            teacher_form,
            lambda: pool_services.pool_teacher_add(
                teacher=teacher,
                availability=availability_form.save(commit=False),
                disciplines=availability_form.cleaned_data["disciplines"],
                by=request.user,
            ),
        ):
            messages.success(request, _("%(name)s staat nu in de pool.") % {"name": teacher.maker.name})
            return redirect("schools:pool_teacher_edit", teacher_pk=teacher.pk)
    return _teacher_page(request, None, teacher_form, availability_form)


@coordinator_required
def pool_teacher_edit(request, teacher_pk):
    teacher = get_object_or_404(pool.pool_teachers_visible_to(request.user), pk=teacher_pk)
    which = request.POST.get("formulier")
    teacher_form = PoolTeacherForm(
        request.POST if which == "docent" else None, instance=teacher, prefix="docent"
    )
    availability_form = _availability_form(request, teacher, bound=which == "jaar")
    if which == "docent" and teacher_form.is_valid():

        def save():
            return pool_services.pool_teacher_save(teacher=teacher_form.save(commit=False), by=request.user)

        if _service(request, teacher_form, save):
            messages.success(request, _("De gegevens zijn opgeslagen."))
            return redirect("schools:pool_teacher_edit", teacher_pk=teacher.pk)
    if which == "jaar" and _save_availability(request, availability_form):
        return redirect("schools:pool_teacher_edit", teacher_pk=teacher.pk)
    return _teacher_page(request, teacher, teacher_form, availability_form)


def _availability_form(request, teacher, *, bound: bool) -> AvailabilityForm:
    """The form for the year asked (`?jaar=`, default the current one), filled in if it exists."""
    year = _year(request)
    if bound:
        with contextlib.suppress(ValueError):
            year = SchoolYear(int(request.POST.get("jaar-school_year", year.start_year)))
    existing = TeacherAvailability.objects.filter(teacher=teacher, school_year=year.start_year).first()
    instance = existing or TeacherAvailability(teacher=teacher, school_year=year.start_year)
    initial = {} if existing else {"school_year": year.start_year}
    return AvailabilityForm(
        request.POST if bound else None, instance=instance, initial=initial, prefix="jaar"
    )


def _save_availability(request, form) -> bool:
    if not form.is_valid():
        return False
    availability = form.save(commit=False)
    if _service(
        request,
        form,
        lambda: pool_services.availability_save(
            availability=availability, disciplines=form.cleaned_data["disciplines"], by=request.user
        ),
    ):
        messages.success(
            request, _("De beschikbaarheid voor %(year)s is opgeslagen.") % {"year": availability.year}
        )
        return True
    return False


@school_roles_required
def school_pool(request, pk, proposal_form=None, response_forms=None, status=200):
    """A school's proposals; the coordinator also sees the matches and proposes one."""
    school = school_or_404(request, pk)
    year = _year(request)
    proposals = (
        pool.proposals_visible_to(request.user)
        .filter(school=school, school_year=year.start_year)
        .order_by("-score", "pk")
    )
    page = CappedPaginator(proposals, PAGE_SIZE).get_page(request.GET.get("pagina"))
    coordinator = pool.is_coordinator(request.user)
    culture_type = services.culture_type_for(school, year)
    context = {
        "school": school,
        "year": year,
        "page": page,
        "is_icc": selectors.is_icc_of(request.user, school),
        "coordinator": coordinator,
        "culture_type": CultureType(culture_type).label if culture_type in CultureType.values else "",
        "rows": [
            (proposal, (response_forms or {}).get(proposal.pk) or ProposalResponseForm())
            for proposal in page.object_list
        ],
    }
    if coordinator:
        context["matches"] = pool.school_matches(school, year, culture_type)
        context["proposal_form"] = proposal_form or ProposalForm(year=year)
    return render(request, "schools/school_pool.html", context, status=status)


@require_POST
@school_roles_required
def proposal_create(request, pk):
    school = school_or_404(request, pk)
    if not pool.is_coordinator(request.user):
        raise PermissionDenied
    year = _year(request)
    form = ProposalForm(request.POST, year=year)
    if form.is_valid() and _service(
        request,
        form,
        lambda: pool_services.proposal_create(
            school=school,
            teacher=form.cleaned_data["teacher"],
            year=year,
            note=form.cleaned_data["note"],
            by=request.user,
        ),
    ):
        messages.success(request, _("Het voorstel staat klaar voor de school."))
        return redirect(f"{_school_pool_url(school)}?jaar={year}")
    return school_pool(request, pk, proposal_form=form)


def _school_pool_url(school) -> str:
    from django.urls import reverse

    return reverse("schools:school_pool", kwargs={"pk": school.pk})


@require_POST
@school_roles_required
def proposal_respond(request, pk, proposal_pk):
    school = school_or_404(request, pk)
    proposal = get_object_or_404(pool.proposals_visible_to(request.user), school=school, pk=proposal_pk)
    if not selectors.is_icc_of(request.user, school):
        raise PermissionDenied
    form = ProposalResponseForm(request.POST)
    if form.is_valid() and _service(
        request,
        form,
        lambda: pool_services.proposal_respond(
            proposal=proposal,
            accept=form.cleaned_data["decision"] == "accept",
            note=form.cleaned_data["note"],
            by=request.user,
        ),
    ):
        messages.success(request, _("Jullie reactie is opgeslagen."))
        return redirect(f"{_school_pool_url(school)}?jaar={proposal.year}")
    request.GET = request.GET.copy()
    request.GET["jaar"] = proposal.year.label
    return school_pool(request, pk, response_forms={proposal.pk: form})


@login_required
def my_availability(request):
    """The maker's own pool record: availability per school year (editable) and proposals."""
    user = request.user
    if not has_role(user, Role.MAKER):
        raise PermissionDenied
    teacher = pool.pool_teachers_visible_to(user).filter(maker__user=user).first()
    form = None
    if teacher is not None:
        form = _availability_form(request, teacher, bound=request.method == "POST")
        if request.method == "POST" and _save_availability(request, form):
            return redirect("schools:my_availability")
    return render(
        request,
        "schools/my_availability.html",
        {
            "teacher": teacher,
            "form": form,
            "availabilities": pool.own_availabilities(user),
            "proposals": pool.proposals_visible_to(user)
            .filter(teacher__maker__user=user)
            .order_by("-school_year", "pk"),
        },
    )
