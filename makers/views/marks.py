"""Quality marks: the maker keeps their own on their profile; staff verify them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cultuur.paging import CappedPaginator
from cultuur.roles import Role, has_role
from makers import marks, selectors
from makers.mark_forms import MarkRejectForm, QualityMarkForm
from makers.models import QualityMark

PAGE_SIZE = 25


def _require_maker_or_editor(user):
    if not (has_role(user, Role.MAKER) or selectors.is_directory_editor(user)):
        raise PermissionDenied


def _require_editor(user):
    if not selectors.is_directory_editor(user):
        raise PermissionDenied


def _editable_mark(request, pk) -> QualityMark:
    _require_maker_or_editor(request.user)
    return get_object_or_404(marks.marks_editable_by(request.user), pk=pk)


@login_required
def maker_marks(request, slug):
    """The maker's marks with their state, and the form to add one (kept filled in on an error)."""
    _require_maker_or_editor(request.user)
    maker = get_object_or_404(selectors.makers_visible_to(request.user), slug=slug)
    if not selectors.can_edit_maker(request.user, maker):
        raise PermissionDenied
    form = QualityMarkForm(request.POST or None, instance=QualityMark(maker=maker))
    if request.method == "POST" and form.is_valid():
        marks.mark_save(mark=form.save(commit=False), by=request.user)
        messages.success(request, _("Het keurmerk is opgeslagen. We controleren het zo snel mogelijk."))
        return redirect("makers:maker_marks", slug=maker.slug)
    return render(
        request,
        "makers/marks.html",
        {"maker": maker, "marks": marks.marks_of(maker), "form": form, "today": timezone.localdate()},
    )


@login_required
def mark_edit(request, pk):
    mark = _editable_mark(request, pk)
    form = QualityMarkForm(request.POST or None, instance=mark)
    if request.method == "POST" and form.is_valid():
        marks.mark_save(mark=form.save(commit=False), by=request.user)
        messages.success(request, _("De wijzigingen zijn opgeslagen. We controleren het keurmerk opnieuw."))
        return redirect("makers:maker_marks", slug=mark.maker.slug)
    return render(request, "makers/mark_form.html", {"mark": mark, "form": form})


@login_required
@require_POST
def mark_delete(request, pk):
    mark = _editable_mark(request, pk)
    slug = mark.maker.slug
    marks.mark_delete(mark=mark, by=request.user)
    messages.success(request, _("Het keurmerk is verwijderd."))
    return redirect("makers:maker_marks", slug=slug)


@login_required
def mark_queue(request):
    """Staff: the marks waiting for verification, oldest first."""
    _require_editor(request.user)
    page = CappedPaginator(marks.marks_to_verify(), PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "makers/mark_queue.html",
        {"page": page, "reject_form": MarkRejectForm()},
    )


@login_required
@require_POST
def mark_verify(request, pk):
    _require_editor(request.user)
    mark = get_object_or_404(marks.marks_editable_by(request.user), pk=pk)
    try:
        if request.POST.get("besluit") == "afwijzen":
            form = MarkRejectForm(request.POST)
            if not form.is_valid():
                raise marks.MarkError(_("Schrijf waarom het keurmerk niet klopt; de maker ziet die uitleg."))
            marks.mark_reject(mark=mark, reason=form.cleaned_data["reason"], by=request.user)
            messages.success(request, _("Het keurmerk is afgewezen; de maker ziet je uitleg."))
        else:
            marks.mark_verify(mark=mark, by=request.user)
            messages.success(request, _("Het keurmerk is goedgekeurd en staat nu bij het profiel."))
    except marks.MarkError as error:
        messages.error(request, str(error))
    return redirect("makers:mark_queue")
