"""Saved views of the triage board: reads scoped to the viewer's districts, writes on own views only."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext as _

from cultuur.audit import audit_record
from cultuur.roles import Role, has_role
from districts.selectors import district_ids_of
from requests.advisor_models import SavedView
from requests.paging import CURSOR_PARAMS
from requests.services import RequestError

# The board's picker lists this many views at most; all of them are on the view list.
BOARD_VIEWS_LISTED = 100

# The board's paging parameters and the view picker are not filter state.
NOT_FILTERS = ("pagina", "weergave", *CURSOR_PARAMS)


def may_save_views(user) -> bool:
    return bool(
        getattr(user, "is_authenticated", False) and (user.is_superuser or has_role(user, Role.ADVISOR))
    )


def saved_views_visible_to(user) -> QuerySet[SavedView]:
    """Own views, and views shared with a team the viewer is in now (never another district's)."""
    if not may_save_views(user):
        return SavedView.objects.none()
    return (
        SavedView.objects.filter(Q(owner=user) | Q(shared_with_id__in=district_ids_of(user)))
        .select_related("owner", "shared_with")
        .order_by("name", "pk")
    )


@dataclass(frozen=True)
class BoardView:
    """A saved view as the board's picker lists it (the columns it prints, no model instance)."""

    pk: int
    name: str
    is_default: bool
    owner_id: int
    owner_name: str


def board_saved_views(user) -> list[BoardView]:
    """The views the board's picker lists (fetched when it is opened), by name: own ones and those
    shared with the viewer's teams."""
    if not may_save_views(user):
        return []
    rows = (
        saved_views_visible_to(user)
        .order_by("name", "pk")
        .values_list(
            "pk",
            "name",
            "is_default",
            "owner_id",
            "owner__first_name",
            "owner__last_name",
            "owner__email",
        )[:BOARD_VIEWS_LISTED]
    )
    return [
        BoardView(pk, name, is_default, owner_id, f"{first} {last}".strip() or email)
        for pk, name, is_default, owner_id, first, last, email in rows
    ]


def clean_query(raw: str) -> str:
    """Only the board filter's own parameters, in a stable order; anything else is dropped."""
    from requests.filters import RequestFilter

    known = set(RequestFilter.base_filters)
    data = QueryDict(raw or "", mutable=True)
    kept = QueryDict(mutable=True)
    for key in sorted(data):
        if key in known and key not in NOT_FILTERS:
            values = [value for value in data.getlist(key) if value != ""]
            if values:
                kept.setlist(key, values)
    return kept.urlencode()[:1000]


def query_summary(query: str) -> list[tuple[str, str]]:
    """A saved state for people: the filter's label and the values as given (ids stay ids)."""
    from requests.filters import RequestFilter

    data = QueryDict(query or "")
    return [
        (str(RequestFilter.base_filters[key].label), ", ".join(data.getlist(key)))
        for key in data
        if key in RequestFilter.base_filters
    ]


def _check(*, owner, name: str, shared_with, exclude_pk=None) -> str:
    name = (name or "").strip()
    if not name:
        raise RequestError(_("Geef de weergave een naam."))
    if shared_with is not None and shared_with.pk not in district_ids_of(owner):
        raise RequestError(_("U kunt een weergave alleen delen met een wijkteam waar u in zit."))
    clash = SavedView.objects.filter(owner=owner, name__iexact=name).exclude(pk=exclude_pk)
    if clash.exists():
        raise RequestError(
            _("U heeft al een weergave met de naam ‘%(name)s’. Kies een andere naam.") % {"name": name}
        )
    return name


@transaction.atomic
def saved_view_create(*, owner, name: str, query: str, shared_with=None, is_default=False) -> SavedView:
    name = _check(owner=owner, name=name, shared_with=shared_with)
    if is_default:
        SavedView.objects.filter(owner=owner, is_default=True).update(is_default=False)
    try:
        with transaction.atomic():
            view = SavedView.objects.create(
                owner=owner,
                name=name,
                query=clean_query(query),
                shared_with=shared_with,
                is_default=is_default,
            )
    except IntegrityError as error:  # the same name saved twice at once
        raise RequestError(_("U heeft al een weergave met deze naam. Kies een andere naam.")) from error
    audit_record(action="requests.saved_view.created", by=owner, target=view)
    return view


@transaction.atomic
def saved_view_change(*, view: SavedView, name: str, shared_with=None, is_default=False, by) -> SavedView:
    if view.owner_id != by.pk:
        raise RequestError(_("U kunt alleen uw eigen weergaven wijzigen."))
    view.name = _check(owner=by, name=name, shared_with=shared_with, exclude_pk=view.pk)
    if is_default and not view.is_default:
        SavedView.objects.filter(owner=by, is_default=True).update(is_default=False)
    view.shared_with = shared_with
    view.is_default = is_default
    view.save(update_fields=["name", "shared_with", "is_default"])
    audit_record(action="requests.saved_view.changed", by=by, target=view)
    return view


@transaction.atomic
def saved_view_delete(*, view: SavedView, by) -> None:
    if view.owner_id != by.pk:
        raise RequestError(_("U kunt alleen uw eigen weergaven verwijderen."))
    audit_record(action="requests.saved_view.deleted", by=by, target=view)
    view.delete()


def board_query_for(user, params: QueryDict) -> tuple[QueryDict, SavedView | None]:
    """The filter state the board shows: the URL's own, a picked view (?weergave=), or the default.

    An unknown or foreign view id is ignored, never an error: the board always opens. One query
    when a view is picked or the default may apply; none when the URL has its own filters."""
    picked = params.get("weergave", "")
    view = None
    if not may_save_views(user):
        return params, None
    if picked.isdigit():
        visible = saved_views_visible_to(user).select_related(None)
        view = visible.filter(pk=int(picked)).only("name", "query").first()
    # ?weergave=geen (the board's "clear filters") shows the board without the default view.
    elif "weergave" not in params and not [key for key in params if key not in NOT_FILTERS]:
        view = SavedView.objects.filter(owner=user, is_default=True).only("name", "query").first()
    if view is None:
        return params, None
    data = QueryDict(view.query, mutable=True)
    for name in ("pagina", *CURSOR_PARAMS):
        if name in params:
            data[name] = params[name]
    return data, view


def without_invalid(filterset) -> tuple[QueryDict, list[str]]:
    """A saved view's state without the values the form refused (a district or an advisor that no
    longer exists), so that the board shows the rest; with the labels of what was left out."""
    form = filterset.form
    data = filterset.data.copy()
    if form.is_valid():
        return data, []
    dropped = [str(form.fields[name].label) for name in form.errors if name in form.fields]
    for name in list(form.errors):
        data.pop(name, None)
    return data, dropped
