"""Directory filters (django-filter), shared by pages and API, with facet counts.

A facet counts the rows that match every other active filter, so each option says how many
results choosing it would give. Each facet costs one query, whatever the page size.
"""

import django_filters
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from districts.models import District
from makers.models import CoCreation, Course, Discipline, Language, Maker, MarkKind, TargetGroup, Venue
from makers.models.marks import has_shown_mark
from makers.search import search


class FacetedFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Zoeken"), method="filter_search")
    # name -> (queryset of options, the field to count on, the option attribute in the URL)
    facet_fields: dict = {}
    # Facets count over at most this many matches; beyond it every option is listed without a
    # count, so a broad search never reads every match once per facet (issue 11).
    facet_sample = 500

    def filter_search(self, queryset, name, value: str):
        return search(queryset, value)

    def queryset_without(self, skip: str):
        queryset = self.queryset
        for name, value in self.form.cleaned_data.items():
            if name != skip and name in self.filters:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def sampled_pks(self, skip: str) -> list | None:
        """The pks matching every filter but `skip`, or None if there are more than `facet_sample`.

        One LIMITed query per distinct set of other filters: without facet filters all facets share it.
        """
        key = tuple(
            sorted(
                (n, str(v)) for n, v in self.form.cleaned_data.items() if n != skip and v not in (None, "")
            )
        )
        cache = self.__dict__.setdefault("_sampled_pks", {})
        if key not in cache:
            queryset = self.queryset_without(skip).prefetch_related(None).order_by()
            pks = list(queryset.values_list("pk", flat=True)[: self.facet_sample + 1])
            cache[key] = None if len(pks) > self.facet_sample else pks
        return cache[key]

    def facet_counts(self, name: str) -> dict | None:
        _options, path, _key = self.facet_fields[name]
        pks = self.sampled_pks(name)
        if pks is None:
            return None
        if not pks:
            return {}
        queryset = self.queryset.model._base_manager.filter(pk__in=pks)
        rows = queryset.values(path).annotate(n=Count("pk", distinct=True))
        return {row[path]: row["n"] for row in rows if row[path] is not None}

    def facets(self) -> list[dict]:
        """[{name, label, options: [{value, label, count, selected}]}] for the template and API."""
        if not self.is_bound or not self.form.is_valid():
            return []
        result = []
        for name, (options, _path, key) in self.facet_fields.items():
            counts = self.facet_counts(name)
            selected = self.form.cleaned_data.get(name)
            selected_key = getattr(selected, key, selected)
            entries = []
            for option in options() if callable(options) else options:
                value, label, pk = (
                    option if isinstance(option, tuple) else (getattr(option, key), str(option), option.pk)
                )
                # None: too many matches to count, so the option is listed without a count.
                count = None if counts is None else counts.get(pk, 0)
                if count is None or count or value == selected_key:
                    entries.append(
                        {"value": value, "label": label, "count": count, "selected": value == selected_key}
                    )
            result.append({"name": name, "label": self.filters[name].label, "options": entries})
        return result

    def active_filters(self) -> list[dict]:
        """What is filtered now, each with the query string that drops it: for "loosen a filter"."""
        if not self.is_bound or not self.form.is_valid():
            return []
        active = []
        for name, value in self.form.cleaned_data.items():
            if value is None or value == "":
                continue
            remaining = self.data.copy()
            remaining.pop(name, None)
            remaining.pop("page", None)
            active.append(
                {
                    "name": name,
                    "label": self.filters[name].label,
                    "value": value,
                    "without": remaining.urlencode(),
                }
            )
        return active


def _choices(choices):
    return lambda: [(value, str(label), value) for value, label in choices]


# "met keurmerk": any verified quality mark in force today; or one kind of mark.
ANY_MARK = "met"
MARK_CHOICES = [
    (ANY_MARK, _("Met keurmerk")),
    (MarkKind.CULTUURKEUR.value, MarkKind.CULTUURKEUR.label),
    (MarkKind.FAIR_PRACTICE.value, MarkKind.FAIR_PRACTICE.label),
]


class MakerFilter(FacetedFilterSet):
    discipline = django_filters.ModelChoiceFilter(
        label=_("Discipline"),
        field_name="disciplines",
        to_field_name="slug",
        queryset=Discipline.objects.all(),
    )
    district = django_filters.ModelChoiceFilter(
        label=_("Wijk"), method="filter_district", to_field_name="slug", queryset=District.objects.all()
    )
    kind = django_filters.ChoiceFilter(label=_("Soort"), choices=Maker.Kind.choices)
    target_group = django_filters.ModelChoiceFilter(
        label=_("Doelgroep"),
        field_name="target_groups",
        to_field_name="slug",
        queryset=TargetGroup.objects.all(),
    )
    language = django_filters.ModelChoiceFilter(
        label=_("Taal"), field_name="languages", to_field_name="code", queryset=Language.objects.all()
    )
    education = django_filters.BooleanFilter(
        label=_("Werkt in het onderwijs"), field_name="works_in_education"
    )
    mark = django_filters.ChoiceFilter(label=_("Keurmerk"), choices=MARK_CHOICES, method="filter_mark")

    facet_fields = {
        "discipline": (lambda: Discipline.objects.all(), "disciplines", "slug"),
        "district": (lambda: District.objects.filter(is_central_intake=False), "districts", "slug"),
        "kind": (_choices(Maker.Kind.choices), "kind", "value"),
        "target_group": (lambda: TargetGroup.objects.all(), "target_groups", "slug"),
        "language": (lambda: Language.objects.all(), "languages", "code"),
        "mark": (_choices(MARK_CHOICES), "mark", "value"),
    }

    class Meta:
        model = Maker
        fields = []

    def filter_district(self, queryset, name, value: str):
        return queryset.filter(Q(districts=value) | Q(whole_municipality=True)).distinct()

    def filter_mark(self, queryset, name, value: str):
        return queryset.filter(has_shown_mark(None if value == ANY_MARK else value)) if value else queryset

    def facet_counts(self, name):
        if name == "mark":
            return self._mark_counts()
        if name != "district":
            return super().facet_counts(name)
        # Makers for the whole municipality count in every district.
        pks = self.sampled_pks(name)
        if pks is None:
            return None
        base = Maker.objects.filter(pk__in=pks)
        whole = base.filter(whole_municipality=True).values("pk").distinct().count()
        rows = (
            base.filter(whole_municipality=False).values("districts").annotate(n=Count("pk", distinct=True))
        )
        counts = {row["districts"]: row["n"] for row in rows if row["districts"] is not None}
        return {district.pk: counts.get(district.pk, 0) + whole for district in self._districts()}

    def _mark_counts(self):
        """Makers with a mark shown today, per option: one aggregate query over the sample."""
        pks = self.sampled_pks("mark")
        if pks is None:
            return None
        if not pks:
            return {}
        return Maker._base_manager.filter(pk__in=pks).aggregate(
            **{
                value: Count("pk", filter=Q(has_shown_mark(None if value == ANY_MARK else value)))
                for value, _label in MARK_CHOICES
            }
        )

    def _districts(self):
        if not hasattr(self, "_district_cache"):
            self._district_cache = list(District.objects.filter(is_central_intake=False))
        return self._district_cache


class CourseFilter(FacetedFilterSet):
    discipline = django_filters.ModelChoiceFilter(
        label=_("Discipline"),
        field_name="discipline",
        to_field_name="slug",
        queryset=Discipline.objects.all(),
    )
    district = django_filters.ModelChoiceFilter(
        label=_("Wijk"), field_name="venue__district", to_field_name="slug", queryset=District.objects.all()
    )
    level = django_filters.ChoiceFilter(label=_("Niveau"), choices=Course.Level.choices)
    weekday = django_filters.TypedChoiceFilter(label=_("Dag"), choices=Course.Weekday.choices, coerce=int)
    age = django_filters.NumberFilter(label=_("Leeftijd"), method="filter_age", min_value=0, max_value=120)
    max_price = django_filters.NumberFilter(
        label=_("Hoogstens (euro)"), method="filter_max_price", min_value=0, max_value=100000
    )
    places = django_filters.BooleanFilter(label=_("Nog plaats"), method="filter_places")

    facet_fields = {
        "discipline": (lambda: Discipline.objects.all(), "discipline", "slug"),
        "district": (lambda: District.objects.filter(is_central_intake=False), "venue__district", "slug"),
        "level": (_choices(Course.Level.choices), "level", "value"),
        "weekday": (
            lambda: [(value, str(label), value) for value, label in Course.Weekday.choices],
            "weekday",
            "value",
        ),
    }

    class Meta:
        model = Course
        fields = []

    def filter_age(self, queryset, name, value: int):
        return queryset.filter(age_min__lte=value, age_max__gte=value)

    def filter_max_price(self, queryset, name, value: float):
        cents = int(value * 100)
        return queryset.filter(Q(price_cents__lte=cents) | Q(reduced_price_cents__lte=cents))

    def filter_places(self, queryset, name, value: bool):
        return queryset.filter(places_left__gt=0) if value else queryset


class VenueFilter(FacetedFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Soort"), choices=Venue.Kind.choices)
    district = django_filters.ModelChoiceFilter(
        label=_("Wijk"), field_name="district", to_field_name="slug", queryset=District.objects.all()
    )
    min_capacity = django_filters.NumberFilter(
        label=_("Minstens zoveel personen"),
        field_name="capacity",
        lookup_expr="gte",
        min_value=0,
        max_value=100000,
    )
    step_free = django_filters.BooleanFilter(label=_("Drempelvrij"), method="filter_flag")
    has_sound = django_filters.BooleanFilter(label=_("Geluid"), method="filter_flag")
    has_light = django_filters.BooleanFilter(label=_("Licht"), method="filter_flag")
    has_instruments = django_filters.BooleanFilter(label=_("Instrumenten"), method="filter_flag")
    has_tools = django_filters.BooleanFilter(label=_("Gereedschap"), method="filter_flag")

    facet_fields = {
        "kind": (_choices(Venue.Kind.choices), "kind", "value"),
        "district": (lambda: District.objects.filter(is_central_intake=False), "district", "slug"),
    }

    class Meta:
        model = Venue
        fields = []

    def filter_flag(self, queryset, name, value: bool):
        return queryset.filter(**{name: True}) if value else queryset


class CoCreationFilter(FacetedFilterSet):
    discipline = django_filters.ModelChoiceFilter(
        label=_("Discipline"),
        field_name="disciplines",
        to_field_name="slug",
        queryset=Discipline.objects.all(),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=[(s, s.label) for s in CoCreation.PUBLIC_STATUSES]
    )

    facet_fields = {
        "discipline": (lambda: Discipline.objects.all(), "disciplines", "slug"),
        "status": (_choices([(s, s.label) for s in CoCreation.PUBLIC_STATUSES]), "status", "value"),
    }

    class Meta:
        model = CoCreation
        fields = []
