from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from makers import selectors
from makers.models import (
    BookingSeries,
    CalendarFeed,
    CoCreation,
    Course,
    Discipline,
    Language,
    Maker,
    TargetGroup,
    Venue,
    VenueBooking,
    WaitingListEntry,
)
from makers.services import cocreation_problems


@admin.register(Discipline, TargetGroup)
class TaxonomyAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "slug", "order"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "code", "order"]


@admin.register(Maker)
class MakerAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "status", "user", "rate_per_hour_cents", "fair_practice"]
    list_filter = ["status", "kind", "disciplines", "works_in_education"]
    search_fields = ["name", "short_description", "user__email"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["disciplines", "districts", "target_groups", "languages"]
    autocomplete_fields = ["user"]
    readonly_fields = ["submitted_at", "published_at", "created_at", "updated_at"]

    @admin.display(description=_("Fair Practice"))
    def fair_practice(self, obj):
        return " ".join(selectors.fair_practice_flags(obj)) or "✓"


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title", "maker", "discipline", "status", "places_left"]
    list_filter = ["status", "discipline", "level"]
    search_fields = ["title", "description", "maker__name"]
    prepopulated_fields = {"slug": ["title"]}
    list_select_related = ["maker", "discipline"]
    autocomplete_fields = ["maker", "venue"]


@admin.register(Venue)
class VenueAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "district", "capacity", "is_published"]
    list_filter = ["kind", "district", "is_published"]
    search_fields = ["name", "street", "city"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["district"]
    autocomplete_fields = ["maker"]


@admin.register(VenueBooking)
class VenueBookingAdmin(admin.ModelAdmin):
    """Read here; confirm or decline on the review page, where the overlap rule is checked."""

    list_display = ["venue", "date", "start_time", "end_time", "status", "hold_expires_at", "contact_name"]
    list_filter = ["status", "venue"]
    list_select_related = ["venue"]
    readonly_fields = ["status", "decided_by", "decided_at", "token", "series", "hold_expires_at"]
    raw_id_fields = ["requested_by"]


class OccurrenceInline(admin.TabularInline):
    model = VenueBooking
    fields = ["date", "start_time", "end_time", "status", "hold_expires_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(BookingSeries)
class BookingSeriesAdmin(admin.ModelAdmin):
    """Book a series on its page (all or nothing is checked there); here staff read and confirm."""

    list_display = [
        "venue",
        "weekday",
        "start_time",
        "end_time",
        "first_date",
        "contact_name",
        "cancelled_at",
    ]
    list_filter = ["weekday", "venue"]
    list_select_related = ["venue"]
    readonly_fields = ["token", "requested_by", "cancelled_at", "created_at"]
    inlines = [OccurrenceInline]
    actions = ["confirm_held_dates"]

    @admin.action(description=_("Alle vastgehouden data bevestigen"))
    def confirm_held_dates(self, request, queryset):
        from makers.booking import series_confirm

        total = sum(series_confirm(series=series, by=request.user) for series in queryset)
        self.message_user(request, _("%(n)s data bevestigd.") % {"n": total})


@admin.register(WaitingListEntry)
class WaitingListEntryAdmin(admin.ModelAdmin):
    list_display = ["venue", "date", "start_time", "end_time", "contact_name", "status", "offer_expires_at"]
    list_filter = ["status", "venue"]
    list_select_related = ["venue"]
    readonly_fields = ["token", "status", "offered_at", "offer_expires_at", "booking", "requested_by"]


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    """The secrets themselves stay hidden; deleting a row invalidates its address (a new one is made)."""

    list_display = ["kind", "object_id", "created_at", "rotated_at"]
    list_filter = ["kind"]
    exclude = ["token"]
    readonly_fields = ["kind", "object_id", "created_at", "rotated_at"]


class CoCreationAdminForm(forms.ModelForm):
    material_url = forms.URLField(label=_("link naar het materiaal"), required=False, assume_scheme="https")

    class Meta:
        model = CoCreation
        fields = [
            "title",
            "slug",
            "description",
            "reusable_material",
            "material_url",
            "makers",
            "disciplines",
            "status",
            "started_on",
        ]

    def clean(self):
        cleaned = super().clean()
        makers = cleaned.get("makers")
        if cleaned.get("status") in CoCreation.PUBLIC_STATUSES and makers is not None:
            if makers.count() < CoCreation.MIN_MAKERS:
                self.add_error("makers", _("Een co-creatie heeft minstens twee cultuurmakers."))
            if self.instance.pk and self.instance.status == CoCreation.Status.DRAFT:
                problems = [p for p in cocreation_problems(self.instance) if "scholen" in p]
                if problems:
                    self.add_error("status", " ".join(problems))
        return cleaned


@admin.register(CoCreation)
class CoCreationAdmin(admin.ModelAdmin):
    form = CoCreationAdminForm
    list_display = ["title", "status", "started_on"]
    list_filter = ["status", "disciplines"]
    search_fields = ["title", "description"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["makers", "disciplines"]


from makers import mark_admin  # noqa: E402,F401  (the quality marks' admin page)
