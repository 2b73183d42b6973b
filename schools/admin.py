from django.contrib import admin

from schools.models import (
    Ambition,
    AmountPerGroup,
    BudgetLine,
    CmkPlan,
    CoCreationSchool,
    CultureTypeRecord,
    IccMembership,
    Milestone,
    MonitoringEntry,
    PlanEvent,
    School,
    SchoolBoard,
    SchoolVenueBooking,
)


@admin.register(SchoolBoard)
class SchoolBoardAdmin(admin.ModelAdmin):
    list_display = ["name", "is_single_school"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


class CultureTypeInline(admin.TabularInline):
    model = CultureTypeRecord
    extra = 1
    exclude = ["recorded_by"]


class IccInline(admin.TabularInline):
    model = IccMembership
    extra = 1
    autocomplete_fields = ["user"]


class CoCreationSchoolInline(admin.TabularInline):
    model = CoCreationSchool
    extra = 0
    exclude = ["added_by"]


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "brin_code",
        "board",
        "municipality",
        "district",
        "class_groups",
        "cmk_track",
        "account_holder",
    ]
    list_filter = ["board", "municipality", "cmk_track", "certified_icc", "has_culture_policy"]
    search_fields = ["name", "brin_code"]
    list_select_related = ["board", "municipality", "district", "account_holder"]
    inlines = [CultureTypeInline, IccInline, CoCreationSchoolInline]


@admin.register(AmountPerGroup)
class AmountPerGroupAdmin(admin.ModelAdmin):
    list_display = ["school_year", "amount_cents"]


class AmbitionInline(admin.StackedInline):
    model = Ambition
    extra = 0


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


class PlanEventInline(admin.TabularInline):
    model = PlanEvent
    extra = 0
    can_delete = False
    readonly_fields = ["action", "from_status", "to_status", "comment", "by", "at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(CmkPlan)
class CmkPlanAdmin(admin.ModelAdmin):
    # Status changes go through the pages (services keep the history); the admin shows them.
    list_display = ["school", "school_year", "status", "submitted_at", "agreed_at"]
    list_filter = ["status", "school_year"]
    search_fields = ["school__name"]
    list_select_related = ["school"]
    readonly_fields = ["status", "submitted_at", "agreed_at", "agreed_by"]
    inlines = [AmbitionInline, MilestoneInline, PlanEventInline]


@admin.register(BudgetLine)
class BudgetLineAdmin(admin.ModelAdmin):
    list_display = [
        "description",
        "school",
        "school_year",
        "planned_date",
        "planned_amount_cents",
        "invoiced_amount_cents",
    ]
    list_filter = ["school_year"]
    search_fields = ["description", "school__name"]
    list_select_related = ["school"]
    raw_id_fields = ["school", "maker", "co_creation"]


@admin.register(MonitoringEntry)
class MonitoringEntryAdmin(admin.ModelAdmin):
    list_display = ["school", "date", "contact_kind", "phase", "shared_with_school"]
    list_filter = ["phase", "contact_kind", "school_year"]
    search_fields = ["school__name", "notes"]
    list_select_related = ["school"]


@admin.register(SchoolVenueBooking)
class SchoolVenueBookingAdmin(admin.ModelAdmin):
    list_display = ["school", "booking"]
    list_select_related = ["school", "booking__venue"]
    raw_id_fields = ["booking"]


from schools import pool_admin  # noqa: E402,F401  (the pool's admin pages)
