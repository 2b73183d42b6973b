from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from districts.models import (
    STAFFED_MINIMUM,
    CultureProfile,
    District,
    DistrictBudget,
    DistrictGrant,
    DistrictTeamMember,
    Municipality,
    Partner,
    PostcodeArea,
    ProfileEdit,
)
from districts.selectors import is_staffed, with_staffing


class StaffingFilter(admin.SimpleListFilter):
    title = _("bezetting")
    parameter_name = "staffed"

    def lookups(self, request, model_admin):
        return [("yes", _("bezet (2+ adviseurs)")), ("no", _("onderbezet"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(advisor_count__gte=STAFFED_MINIMUM)
        if self.value() == "no":
            return queryset.filter(advisor_count__lt=STAFFED_MINIMUM)
        return queryset


class PostcodeAreaInline(admin.TabularInline):
    model = PostcodeArea
    extra = 1


class TeamMemberInline(admin.TabularInline):
    model = DistrictTeamMember
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "cbs_code"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "is_central_intake", "advisor_count", "staffed"]
    list_filter = ["municipality", StaffingFilter]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PostcodeAreaInline, TeamMemberInline]

    def get_queryset(self, request):
        return with_staffing(super().get_queryset(request).select_related("municipality"))

    @admin.display(description=_("adviseurs"), ordering="advisor_count")
    def advisor_count(self, obj):
        return obj.advisor_count

    @admin.display(description=_("bezet"), boolean=True)
    def staffed(self, obj):
        return is_staffed(obj)


@admin.register(CultureProfile)
class CultureProfileAdmin(admin.ModelAdmin):
    list_display = ["district", "updated_at", "updated_by"]
    readonly_fields = ["updated_at", "updated_by"]


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["name", "district", "kind", "contact_person"]
    list_filter = ["kind", "district"]
    search_fields = ["name", "contact_person"]


class GrantInline(admin.TabularInline):
    model = DistrictGrant
    extra = 0
    readonly_fields = [
        "initiative",
        "amount_cents",
        "granted_on",
        "linked_to",
        "decided_by",
        "over_budget_reason",
    ]
    can_delete = False


@admin.register(DistrictBudget)
class DistrictBudgetAdmin(admin.ModelAdmin):
    list_display = ["district", "year", "amount_cents"]
    list_filter = ["year", "district__municipality"]
    inlines = [GrantInline]


@admin.register(ProfileEdit)
class ProfileEditAdmin(admin.ModelAdmin):
    """Append-only: readable, never changed or deleted here."""

    list_display = ["at", "district", "action", "section", "by"]
    list_filter = ["action", "district"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
