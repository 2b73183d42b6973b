"""The board's and the API's filters: one FilterSet, so both filter the same way."""

import copy
import hashlib
from urllib.parse import urlencode

import django_filters
from django.core.cache import cache
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL
from django.forms.models import ModelChoiceIterator
from django.forms.widgets import Select
from django.http import QueryDict
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from districts.models import District
from districts.selectors import districts_visible_to
from makers.models import Discipline
from makers.search import clean_query, dutch_tsquery, use_full_text
from requests.models import CultureRequest, RequesterKind
from requests.selectors import advisors_for, due_this_week_q, overdue_q
from requests.workflow import OPEN_STATUSES, Status

SEARCH_VECTOR = (
    "to_tsvector('dutch'::regconfig, \"requests_culturerequest\".\"requester_name\" || ' ' || "
    '"requests_culturerequest"."organisation" || \' \' || "requests_culturerequest"."question")'
)

SORTS = {
    "oudste": ("created_at", "pk"),
    "nieuwste": ("-created_at", "-pk"),
    "laatste-actie": ("-last_action_at", "-pk"),
    "langst-stil": ("last_action_at", "pk"),
}


class RequestFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Zoeken"), method="search")
    # A column of the row itself: no join, so no DISTINCT (which would sort every match).
    status = django_filters.MultipleChoiceFilter(label=_("Status"), choices=Status.choices, distinct=False)
    district = django_filters.ModelChoiceFilter(label=_("Wijk"), queryset=District.objects.none())
    discipline = django_filters.ModelChoiceFilter(
        label=_("Soort cultuur"), field_name="disciplines", queryset=Discipline.objects.all()
    )
    kind = django_filters.ChoiceFilter(
        label=_("Wie vraagt"), field_name="requester_kind", choices=RequesterKind.choices
    )
    owner = django_filters.ModelChoiceFilter(label=_("Behandelaar"), queryset=None, method="by_owner")
    no_contact = django_filters.BooleanFilter(label=_("Nog geen contact"), method="by_no_contact")
    overdue = django_filters.BooleanFilter(label=_("Te laat"), method="by_overdue")
    due_this_week = django_filters.BooleanFilter(label=_("Uiterlijk deze week"), method="by_due_this_week")
    reopened = django_filters.BooleanFilter(label=_("Heropend"), method="by_reopened")
    closed = django_filters.BooleanFilter(label=_("Ook afgesloten vragen"), method="by_closed")
    sort = django_filters.ChoiceFilter(
        label=_("Sorteren"),
        choices=[
            ("oudste", _("Oudste eerst")),
            ("nieuwste", _("Nieuwste eerst")),
            ("laatste-actie", _("Laatste actie eerst")),
            ("langst-stil", _("Langst geen actie eerst")),
        ],
        method="by_sort",
        empty_label=None,
    )

    class Meta:
        model = CultureRequest
        fields = []

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None, user=None):
        # django-filter's BaseFilterSet.__init__, but the filters copied shallowly: its deepcopy of
        # ten filters (their lazy labels, choices and querysets) was the board's largest Python
        # cost. A filter's per-instance parts are its `extra` (copied), its form field (built anew) and
        # its FilterMethod (bound anew).
        self.is_bound = data is not None
        self.data = data or QueryDict()
        self.queryset = queryset if queryset is not None else CultureRequest.objects.all()
        self.request = request
        self.form_prefix = prefix
        self.filters = {}
        for name, base in self.base_filters.items():
            filter_ = copy.copy(base)
            filter_.extra = dict(base.extra)
            filter_.__dict__.pop("_field", None)
            filter_.method = base.method  # a method filter's FilterMethod, bound to this copy
            filter_.model = self.queryset.model
            filter_.parent = self
            self.filters[name] = filter_
        user = user or getattr(self.request, "user", None)
        self.filters["district"].queryset = districts_visible_to(user)
        self.filters["owner"].queryset = advisors_for(user)

    # The form class is built once: every field is the same for every viewer but the district
    # and owner selects, whose querysets (the viewer's scope) are set on each form.
    SCOPED_FIELDS = ("district", "owner")
    _form_class = None

    def get_form_class(self):
        cls = type(self)
        if cls.__dict__.get("_form_class") is None:
            cls._form_class = super().get_form_class()
        return cls._form_class

    @property
    def form(self):
        if not hasattr(self, "_form"):
            form = super().form
            for name in self.SCOPED_FIELDS:
                form.fields[name].queryset = self.filters[name].queryset
        return self._form

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        # Default view: the questions that still need action. Closed ones only when asked for.
        # "Te laat" and "deze week" carry the open condition already: twice, PostgreSQL would
        # take it for two independent conditions and misjudge how many rows match.
        implied = data.get("overdue") is True or data.get("due_this_week") is True
        if not data.get("status") and not data.get("closed") and not implied:
            queryset = queryset.filter(status__in=OPEN_STATUSES)
        if not data.get("sort"):
            queryset = queryset.order_by(*SORTS["oudste"])
        return queryset

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        if use_full_text():
            # Dutch full-text over the GIN index of migration 0005 (the expression must match it),
            # not ILIKE over every row; references are stored upper case under a unique index.
            tsquery = dutch_tsquery(clean_query(value))
            matches = Q(reference=value.upper())
            if tsquery:
                # Constant SQL; the words travel as a bound parameter.
                sql = f"{SEARCH_VECTOR} @@ to_tsquery('simple', %s)"
                matches |= Q(RawSQL(sql, [tsquery], BooleanField()))  # noqa: S611
            return queryset.filter(matches)
        return queryset.filter(
            Q(reference__iexact=value)
            | Q(requester_name__icontains=value)
            | Q(organisation__icontains=value)
            | Q(question__icontains=value)
        )

    def by_owner(self, queryset, name, value):
        return queryset.filter(owner=value) if value else queryset

    def by_no_contact(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(first_contact_at__isnull=value)

    def by_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(overdue_q()) if value else queryset.exclude(overdue_q())

    def by_due_this_week(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(due_this_week_q()) if value else queryset.exclude(due_this_week_q())

    def by_reopened(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(reopened_at__isnull=not value)

    def by_closed(self, queryset, name, value):
        return queryset

    def by_sort(self, queryset, name, value):
        return queryset.order_by(*SORTS.get(value, SORTS["oudste"]))


# The options of the board's district, discipline and owner selects: one query each on every
# page view, for lists that change a few times a year. Kept this long in the cache per viewer
# (their scope) and language, as is the fields' HTML built from them (filter_fields_html): a new
# district or advisor shows up in the filter within two minutes.
CHOICES_SECONDS = 60


def _cached_choices(form, scope) -> dict:
    """{field name: [(value, label)]} for the form's model selects, from the cache where it can."""
    if scope is None:
        return {}
    keys = {
        bf.name: f"board-choices:{scope}:{get_language()}:{bf.name}"
        for bf in form
        if isinstance(getattr(bf.field.widget, "choices", None), ModelChoiceIterator) and not bf.errors
    }
    if not keys:
        return {}
    found = cache.get_many(list(keys.values()))
    missing = {}
    out = {}
    for name, key in keys.items():
        if key in found:
            out[name] = found[key]
        else:
            out[name] = missing[key] = [(str(v), str(t)) for v, t in form[name].field.widget.choices]
    if missing:
        cache.set_many(missing, CHOICES_SECONDS)
    return out


def filter_fields_html(form, scope=None) -> list:
    """The filter form's fields as HTML without the template engine: a field group per field.

    Rendering ten selects through Django's widget templates cost more than the board's rows; the
    markup is the same as `as_field_group` gives. A field with errors still goes through Django.
    A valid form's fields depend only on the values filled in and the cached choices, so they are
    kept as long as the choices, per viewer, language and filter state.
    """
    if scope is None or not form.is_valid():
        return _filter_fields_html(form, scope)
    state = urlencode(sorted((name, value) for name in form.fields for value in form.data.getlist(name)))
    key = f"board-filter-html:{scope}:{get_language()}:{hashlib.sha256(state.encode()).hexdigest()}"
    fields = cache.get(key)
    if fields is None:
        fields = [str(field) for field in _filter_fields_html(form, scope)]
        cache.set(key, fields, CHOICES_SECONDS)
    # Built by format_html below, stored as plain strings.
    return [mark_safe(field) for field in fields]  # noqa: S308


def _filter_fields_html(form, scope) -> list:
    fields = []
    cached = _cached_choices(form, scope)
    for bf in form:
        if bf.errors or bf.help_text:
            fields.append(bf.as_field_group())
            continue
        widget = bf.field.widget
        widget_id = bf.auto_id
        label = format_html('<label for="{}">{}{}</label>', widget_id, bf.label, form.label_suffix)
        value = widget.format_value(bf.value())
        if isinstance(widget, Select):
            selected = {str(v) for v in (value if isinstance(value, (list, tuple)) else [value])}
            options = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                (
                    (str(key), mark_safe(" selected") if str(key) in selected else "", text)  # noqa: S308
                    for key, text in cached.get(bf.name, widget.choices)
                ),
            )
            multiple = mark_safe(" multiple") if widget.allow_multiple_selected else ""  # noqa: S308
            control = format_html(
                '<select name="{}" id="{}"{}>{}</select>', bf.html_name, widget_id, multiple, options
            )
        else:
            shown = format_html(' value="{}"', value) if value is not None else ""
            control = format_html(
                '<input type="{}" name="{}"{} id="{}">', widget.input_type, bf.html_name, shown, widget_id
            )
        fields.append(label + control)
    return fields
