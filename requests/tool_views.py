"""Manager pages for standard texts and the advisors' saved board views."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cultuur.paging import CappedPaginator
from requests import saved_views, standard_texts
from requests.models import RequesterKind
from requests.placeholders import PLACEHOLDERS
from requests.services import RequestError
from requests.tool_forms import SavedViewForm, StandardTextForm

PAGE_SIZE = 25


def manager_only(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not standard_texts.may_manage_texts(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def advisor_only(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not saved_views.may_save_views(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@manager_only
def text_list(request):
    texts = standard_texts.standard_texts_for_managers(request.user).select_related("updated_by")
    page = CappedPaginator(texts, PAGE_SIZE).get_page(request.GET.get("pagina"))
    labels = dict(RequesterKind.choices)
    for text in page:
        text.kind_label = labels.get(text.requester_kind, "")
    return render(request, "requests/text_list.html", {"page": page})


def _text_form_page(request, form, text=None, code=200):
    context = {"form": form, "text": text, "placeholders": PLACEHOLDERS.items()}
    return render(request, "requests/text_form.html", context, status=code)


@manager_only
@require_http_methods(["GET", "POST"])
def text_create(request):
    form = StandardTextForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            standard_texts.standard_text_save(text=form.save(commit=False), by=request.user)
            messages.success(request, _("De standaardtekst is opgeslagen."))
            return redirect("requests:text_list")
        return _text_form_page(request, form, code=400)
    return _text_form_page(request, form)


@manager_only
@require_http_methods(["GET", "POST"])
def text_edit(request, pk):
    text = get_object_or_404(standard_texts.standard_texts_for_managers(request.user), pk=pk)
    form = StandardTextForm(request.POST or None, instance=text)
    if request.method == "POST":
        if form.is_valid():
            standard_texts.standard_text_save(text=form.save(commit=False), by=request.user)
            messages.success(request, _("De standaardtekst is opgeslagen."))
            return redirect("requests:text_list")
        return _text_form_page(request, form, text, code=400)
    return _text_form_page(request, form, text)


@manager_only
@require_POST
def text_delete(request, pk):
    text = get_object_or_404(standard_texts.standard_texts_for_managers(request.user), pk=pk)
    standard_texts.standard_text_delete(text=text, by=request.user)
    messages.success(request, _("De standaardtekst is verwijderd."))
    return redirect("requests:text_list")


@advisor_only
def view_list(request):
    views = saved_views.saved_views_visible_to(request.user)
    page = CappedPaginator(views, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "requests/view_list.html", {"page": page})


@advisor_only
def view_picker(request):
    """The board's list of saved views, fetched by htmx when the advisor opens it (or at once when
    a view is on screen): the board itself reads no view list."""
    current = request.GET.get("weergave", "")
    context = {
        "saved_views": saved_views.board_saved_views(request.user),
        "current_pk": int(current) if current.isdigit() else None,
    }
    return render(request, "requests/partials/view_picker.html", context)


@advisor_only
@require_http_methods(["GET", "POST"])
def view_create(request):
    """GET: the form for the board's current filters (its querystring); POST: save them."""
    if request.method == "GET":
        query = saved_views.clean_query(request.GET.urlencode())
        form = SavedViewForm(initial={"query": query}, user=request.user)
        context = {"form": form, "view": None, "summary": saved_views.query_summary(query)}
        return render(request, "requests/view_form.html", context)
    form = SavedViewForm(request.POST, user=request.user)
    if form.is_valid():
        data = form.cleaned_data
        try:
            view = saved_views.saved_view_create(
                owner=request.user,
                name=data["name"],
                query=data["query"],
                shared_with=data["shared_with"],
                is_default=data["is_default"],
            )
        except RequestError as error:
            form.add_error("name", str(error))
        else:
            messages.success(request, _("De weergave ‘%(name)s’ is opgeslagen.") % {"name": view.name})
            return redirect(f"{_board_url()}?weergave={view.pk}")
    context = {"form": form, "view": None, "summary": saved_views.query_summary(form.data.get("query", ""))}
    return render(request, "requests/view_form.html", context, status=400)


def _board_url():
    from django.urls import reverse

    return reverse("requests:triage")


def _own_view(request, pk):
    """Visible (own or team-shared) else 404; someone else's shared view may be used, not changed: 403."""
    view = get_object_or_404(saved_views.saved_views_visible_to(request.user), pk=pk)
    if view.owner_id != request.user.pk:
        raise PermissionDenied
    return view


@advisor_only
@require_http_methods(["GET", "POST"])
def view_edit(request, pk):
    view = _own_view(request, pk)
    form = SavedViewForm(request.POST or None, instance=view, user=request.user)
    code = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                saved_views.saved_view_change(
                    view=view,
                    name=data["name"],
                    shared_with=data["shared_with"],
                    is_default=data["is_default"],
                    by=request.user,
                )
            except RequestError as error:
                form.add_error("name", str(error))
            else:
                messages.success(request, _("De weergave is gewijzigd."))
                return redirect("requests:view_list")
        code = 400
    context = {"form": form, "view": view, "summary": saved_views.query_summary(view.query)}
    return render(request, "requests/view_form.html", context, status=code)


@advisor_only
@require_POST
def view_delete(request, pk):
    view = _own_view(request, pk)
    saved_views.saved_view_delete(view=view, by=request.user)
    messages.success(request, _("De weergave is verwijderd."))
    return redirect("requests:view_list")
