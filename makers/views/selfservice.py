"""Maker self-service: a maker keeps their own profile and courses and submits them for review."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cultuur.roles import Role, has_role
from makers import selectors, services
from makers.forms import CourseForm, MakerForm
from makers.models import Course, Maker
from makers.slugs import unique_slug


def _require_maker_or_editor(user):
    if not (has_role(user, Role.MAKER) or selectors.is_directory_editor(user)):
        raise PermissionDenied


@login_required
def my_profile(request):
    _require_maker_or_editor(request.user)
    makers = selectors.own_makers(request.user)
    courses = Course.objects.filter(maker__user=request.user).select_related("maker", "discipline")
    return render(request, "makers/my_profile.html", {"makers": makers, "courses": courses})


@login_required
def maker_create(request):
    _require_maker_or_editor(request.user)
    form = MakerForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        maker, m2m = form.save_instance()
        maker.slug = unique_slug(Maker, maker.name)
        services.maker_save(maker=maker, m2m=m2m, by=request.user)
        messages.success(request, _("Je profiel is opgeslagen als concept. Dien het in als het klaar is."))
        return redirect("makers:maker_edit", slug=maker.slug)
    return render(request, "makers/maker_form.html", {"form": form, "maker": None})


@login_required
def maker_edit(request, slug):
    maker = get_object_or_404(selectors.makers_visible_to(request.user), slug=slug)
    if not selectors.can_edit_maker(request.user, maker):
        raise PermissionDenied
    form = MakerForm(request.POST or None, request.FILES or None, instance=maker)
    if request.method == "POST" and form.is_valid():
        maker, m2m = form.save_instance()
        services.maker_save(maker=maker, m2m=m2m, by=request.user)
        messages.success(request, _("De wijzigingen zijn opgeslagen."))
        return redirect("makers:maker_edit", slug=maker.slug)
    return render(request, "makers/maker_form.html", {"form": form, "maker": maker})


@login_required
@require_POST
def maker_submit(request, slug):
    maker = get_object_or_404(selectors.makers_visible_to(request.user), slug=slug)
    try:
        services.maker_submit(maker=maker, by=request.user)
        messages.success(request, _("Je profiel is ingediend. We bekijken het zo snel mogelijk."))
    except services.DirectoryError as error:
        messages.error(request, str(error))
    return redirect("makers:maker_edit", slug=maker.slug)


@login_required
@require_POST
def maker_archive(request, slug):
    maker = get_object_or_404(selectors.makers_visible_to(request.user), slug=slug)
    services.maker_archive(maker=maker, by=request.user)
    messages.success(
        request, _("Het profiel staat niet meer online. Dien het opnieuw in om het terug te zetten.")
    )
    return redirect("makers:maker_edit", slug=maker.slug)


@login_required
def course_create(request, slug):
    maker = get_object_or_404(selectors.makers_visible_to(request.user), slug=slug)
    if not selectors.can_edit_maker(request.user, maker):
        raise PermissionDenied
    form = CourseForm(request.POST or None, instance=Course(maker=maker))
    if request.method == "POST" and form.is_valid():
        course = form.save(commit=False)
        course.slug = unique_slug(Course, course.title)
        services.course_save(course=course, by=request.user)
        messages.success(request, _("De cursus is opgeslagen als concept."))
        return redirect("makers:course_edit", slug=course.slug)
    return render(request, "makers/course_form.html", {"form": form, "maker": maker, "course": None})


@login_required
def course_edit(request, slug):
    course = get_object_or_404(selectors.courses_visible_to(request.user), slug=slug)
    if not selectors.can_edit_course(request.user, course):
        raise PermissionDenied
    form = CourseForm(request.POST or None, instance=course)
    if request.method == "POST" and form.is_valid():
        services.course_save(course=form.save(commit=False), by=request.user)
        messages.success(request, _("De wijzigingen zijn opgeslagen."))
        return redirect("makers:course_edit", slug=course.slug)
    return render(request, "makers/course_form.html", {"form": form, "maker": course.maker, "course": course})


@login_required
@require_POST
def course_submit(request, slug):
    course = get_object_or_404(selectors.courses_visible_to(request.user), slug=slug)
    try:
        services.course_submit(course=course, by=request.user)
        messages.success(request, _("De cursus is ingediend. We bekijken hem zo snel mogelijk."))
    except services.DirectoryError as error:
        messages.error(request, str(error))
    return redirect("makers:course_edit", slug=course.slug)
