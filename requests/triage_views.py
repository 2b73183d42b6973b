"""The advisors' side: the triage board, the request detail and its actions (htmx where it helps)."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cultuur.audit import audit_record
from cultuur.keyset import InvalidCursor, keyset_page, order_keys
from cultuur.roles import Role, has_role
from requests import duplicates, merging, norms, saved_views, selectors, services, standard_texts, workflow
from requests.board_rows import BoardRows
from requests.filters import RequestFilter, filter_fields_html
from requests.forms import (
    AssignForm,
    DetailsForm,
    FundingApplicationForm,
    MessageForm,
    NoteForm,
    StatusChangeForm,
)
from requests.models import Barrier, CultureRequest, MessageAttachment
from requests.paging import CURSOR_PARAMS, BoardCount, CappedPaginator, keyset_links

PAGE_SIZE = 25


def board_access(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not (user.is_superuser or has_role(user, Role.ADVISOR, Role.MANAGER, Role.FUNDS_COORDINATOR)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _action_on(request, reference) -> CultureRequest:
    """The one scoped lookup for a write: out of scope 404, in scope without the right 403."""
    culture_request = get_object_or_404(selectors.visible_requests(request.user), reference=reference)
    if not selectors.can_work_on(request.user, culture_request):
        raise PermissionDenied
    return culture_request


@board_access
def board(request):
    user = request.user
    may_save = saved_views.may_save_views(user)
    data, view = saved_views.board_query_for(user, request.GET)
    filterset = RequestFilter(data, queryset=selectors.board_requests(user), user=user)
    if view is not None:
        data, dropped = saved_views.without_invalid(filterset)
        if dropped:
            # A saved district or advisor may be gone since: show the rest, say what was left out.
            messages.warning(
                request,
                _(
                    "De weergave ‘%(name)s’ heeft een filter dat niet meer bestaat (%(fields)s). Dat filter is overgeslagen."
                )
                % {"name": view.name, "fields": ", ".join(dropped)},
            )
            filterset = RequestFilter(data, queryset=selectors.board_requests(user), user=user)
    matching = filterset.qs
    requests = selectors.board_rows_of(matching)
    query = data.copy()
    for name in (*CURSOR_PARAMS, "pagina", "weergave"):
        query.pop(name, None)
    keys = order_keys(requests)
    # Every sort the board offers has a keyset (created_at or last_action_at, then id, each on an
    # index); a page is found by its cursor, not by an OFFSET. The numbered fallback is for an
    # ordering without one, should a sort be added without its key.
    if keys is None:
        paginator = CappedPaginator(requests, PAGE_SIZE)
        page = paginator.get_page(data.get("pagina"))
        links = None
    else:
        try:
            page = keyset_page(
                requests,
                PAGE_SIZE,
                keys=keys,
                after=data.get(CURSOR_PARAMS[0], ""),
                before=data.get(CURSOR_PARAMS[1], ""),
            )
        except InvalidCursor:
            messages.warning(request, _("Die paginalink klopt niet meer; u ziet de eerste pagina."))
            page = keyset_page(requests, PAGE_SIZE, keys=keys)
        # Paging through a saved view keeps it marked as the one on screen.
        link_query = query.copy()
        if view is not None:
            link_query["weergave"] = str(view.pk)
        links = keyset_links(page, link_query)
        # Counted without the row's joins to district and owner.
        paginator = BoardCount(matching, page)
    rows = BoardRows(request).rows(page)
    context = {
        "filter": filterset,
        "filter_fields": filter_fields_html(filterset.form, scope=user.pk),
        "paginator": paginator,
        "page": page,
        "links": links,
        "rows": rows,
        "query": query.urlencode(),
        "current_view": view,
        "may_save_views": may_save,
    }
    return render(request, "requests/board.html", context)


@board_access
def detail(request, reference):
    return _detail_page(request, reference)


def _can_wait(culture_request) -> bool:
    status = culture_request.status
    return status in (workflow.Status.NEW, workflow.Status.WAITING) or workflow.is_allowed(
        status, workflow.Status.WAITING
    )


def _detail_page(request, reference, *, message_form=None, details_form=None, code=200):
    culture_request = get_object_or_404(selectors.request_detail(request.user, reference))
    now = timezone.now()
    audit_record(action="requests.contact.viewed", by=request.user, target=culture_request, request=request)
    can_act = selectors.can_work_on(request.user, culture_request)
    texts = list(standard_texts.standard_texts_for_request(culture_request)) if can_act else []
    # A refused message comes back as it was typed; otherwise a picked standard text fills the box.
    can_wait = _can_wait(culture_request)
    message_form = message_form or MessageForm(can_wait=can_wait)
    picked = request.GET.get("tekst", "") if request.method == "GET" else ""
    if can_act and picked.isdigit():
        text = next((t for t in texts if t.pk == int(picked)), None)
        if text is None:
            messages.error(request, _("Die standaardtekst past niet bij deze vraag of bestaat niet meer."))
        else:
            body = standard_texts.standard_text_filled(
                text=text, culture_request=culture_request, advisor=request.user
            )
            message_form = MessageForm(initial={"body": body}, can_wait=can_wait)
    context_tools = {
        "texts": texts,
        "picked_text": int(picked) if picked.isdigit() else None,
        "duplicates": duplicates.duplicates_of(culture_request, selectors.visible_requests(request.user))
        if culture_request.status != workflow.Status.MERGED
        else [],
        "merge_primary": merging.merge_primary_of(culture_request),
        "merged_in": merging.merged_into(culture_request),
    }
    if request.htmx and picked:
        # The standard-text picker swaps only the message box.
        return render(
            request,
            "requests/partials/message_form.html",
            {"r": culture_request, "message_form": message_form, **context_tools},
        )
    context = {
        **context_tools,
        "r": culture_request,
        "can_act": can_act,
        "can_fund": selectors.can_record_funding(request.user, culture_request),
        "status_form": StatusChangeForm(
            targets=workflow.manual_targets(culture_request.status),
            initial={"version": culture_request.version},
        ),
        "details_form": details_form or DetailsForm.for_request(culture_request),
        "message_form": message_form,
        "note_form": NoteForm(),
        "funding_form": FundingApplicationForm(),
        "barriers": ", ".join(str(Barrier(b).label) for b in culture_request.barriers if b in Barrier.values),
        "status_text": workflow.ASKER_TEXT[culture_request.status],
        "norm_flag": selectors.norm_flag(culture_request, now, norms.due_this_week_end(now)),
    }
    return render(request, "requests/detail.html", context, status=code)


@board_access
@require_POST
def update_details(request, reference):
    culture_request = _action_on(request, reference)
    if stale := _stale(request, culture_request):
        messages.error(request, stale)
        return redirect("requests:detail", culture_request.reference)
    form = DetailsForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("De gegevens zijn niet opgeslagen. Verbeter de rode velden."))
        return _detail_page(request, reference, details_form=form, code=400)
    try:
        services.request_update_details(
            request=culture_request,
            by=request.user,
            version=form.cleaned_data["version"],
            **form.service_fields(),
        )
    except services.RequestError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("De gegevens zijn opgeslagen."))
    return redirect("requests:detail", culture_request.reference)


def _respond(request, culture_request, error=""):
    """htmx swaps the board row in place; without JavaScript we go back to where we came from.

    After a conflict the row (or the page) shows the newer version, with the message."""
    if request.htmx:
        row = selectors.board_rows_of(
            selectors.board_requests(request.user).filter(pk=culture_request.pk)
        ).get()
        # 200 even after a conflict: htmx swaps only successful answers, and the row must show
        # the other advisor's change.
        return HttpResponse(BoardRows(request).row(row, error)["html"])
    if error:
        messages.error(request, error)
    next_url = request.POST.get("next", "")
    if next_url == "board":
        return redirect("requests:triage")
    return redirect("requests:detail", culture_request.reference)


def _stale(request, culture_request) -> str:
    """The conflict message when the form was made from an older version, before anything else:
    the other advisor's change may have made the chosen status impossible, and that is the news."""
    posted = request.POST.get("status-version") or request.POST.get("version", "")
    if posted.isdigit() and int(posted) != culture_request.version:
        return str(services.conflict_error(culture_request.pk))
    return ""


@board_access
@require_POST
def assign_to_me(request, reference):
    culture_request = _action_on(request, reference)
    if stale := _stale(request, culture_request):
        return _respond(request, culture_request, error=stale)
    form = AssignForm(request.POST)
    version = form.cleaned_data["version"] if form.is_valid() else None
    if not form.is_valid():
        return _respond(request, culture_request, error=_("Laad de pagina opnieuw en probeer het nog eens."))
    try:
        services.request_assign(request=culture_request, owner=request.user, by=request.user, version=version)
    except services.RequestError as error:
        return _respond(request, culture_request, error=str(error))
    if not request.htmx:
        messages.success(request, _("De vraag is aan u toegewezen."))
    return _respond(request, culture_request)


@board_access
@require_POST
def change_status(request, reference):
    culture_request = _action_on(request, reference)
    if stale := _stale(request, culture_request):
        return _respond(request, culture_request, error=stale)
    form = StatusChangeForm(request.POST, targets=workflow.manual_targets(culture_request.status))
    if not form.is_valid():
        return _respond(request, culture_request, error=_("Kies een status die hier mag."))
    try:
        services.request_move(
            request=culture_request,
            to=form.cleaned_data["to"],
            note=form.cleaned_data["note"],
            tell_asker=form.cleaned_data["message"],
            by=request.user,
            version=form.cleaned_data["version"],
        )
    except services.RequestError as error:
        return _respond(request, culture_request, error=str(error))
    if not request.htmx:
        messages.success(request, _("De status is gewijzigd."))
    return _respond(request, culture_request)


@board_access
@require_POST
def send_message(request, reference):
    culture_request = _action_on(request, reference)
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            services.message_send(
                request=culture_request,
                body=form.cleaned_data["body"],
                waiting=form.cleaned_data["waiting"],
                by=request.user,
            )
        except services.RequestError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Het bericht is verstuurd."))
            return redirect("requests:detail", culture_request.reference)
    # What was typed stays in the form, with the reason above it.
    return _detail_page(request, reference, message_form=form, code=400)


@board_access
def attachment(request, reference, pk):
    """A file the asker sent by e-mail: staff who may see the request download it, nobody else."""
    culture_request = get_object_or_404(selectors.visible_requests(request.user), reference=reference)
    item = get_object_or_404(MessageAttachment, pk=pk, message__request=culture_request)
    audit_record(
        action="requests.attachment.downloaded", by=request.user, target=culture_request, request=request
    )
    return FileResponse(
        item.file.open("rb"), as_attachment=True, filename=item.filename, content_type=item.content_type
    )


@board_access
@require_POST
def add_note(request, reference):
    culture_request = _action_on(request, reference)
    form = NoteForm(request.POST)
    if form.is_valid():
        services.note_add(request=culture_request, body=form.cleaned_data["body"], by=request.user)
        messages.success(request, _("De notitie is opgeslagen."))
    else:
        messages.error(request, _("Schrijf een notitie van hoogstens 5000 tekens."))
    return redirect("requests:detail", culture_request.reference)
