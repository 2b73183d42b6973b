from django.contrib import admin

from impact.models import (
    Activity,
    Case,
    CaseTag,
    Goal,
    ImpactTheme,
    Indicator,
    Measurement,
    MonitoringReport,
    Reach,
)


class ReachInline(admin.StackedInline):
    model = Reach
    extra = 0


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["title", "role", "status", "starts_on", "municipality"]
    list_filter = ["role", "status", "municipality"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["districts", "disciplines", "makers", "partners", "themes"]
    raw_id_fields = ["request", "match"]
    inlines = [ReachInline]


@admin.register(ImpactTheme)
class ImpactThemeAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "name_en", "is_active"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "theme", "unit", "higher_is_better", "value_per_unit_cents"]
    list_filter = ["theme"]


@admin.register(Measurement)
class MeasurementAdmin(admin.ModelAdmin):
    list_display = ["indicator", "activity", "district", "period_start", "period_end", "value"]
    list_filter = ["indicator__theme", "district"]
    raw_id_fields = ["activity"]


@admin.register(Goal)
class GoalAdmin(admin.ModelAdmin):
    list_display = ["title", "period_start", "period_end", "target", "metric", "manual_value"]


@admin.register(MonitoringReport)
class MonitoringReportAdmin(admin.ModelAdmin):
    list_display = ["period_label", "scope_key", "status", "rendered_at", "emailed_at"]
    readonly_fields = ["status", "claimed_at", "rendered_at", "emailed_at", "error"]


@admin.register(CaseTag)
class CaseTagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["title", "practice", "status", "internal", "district", "published_at"]
    list_filter = ["practice", "status", "internal", "district", "culture_type"]
    search_fields = ["title", "question"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["disciplines", "makers", "tags"]
    raw_id_fields = ["source_request", "source_activity", "source_cocreation"]
    readonly_fields = ["tag_names", "created_by", "created_at", "updated_at"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        case = form.instance
        case.tag_names = " ".join(t.name for t in case.tags.all())[:500]
        case.save(update_fields=["tag_names"])  # the search receiver refreshes the vector


from impact import admin_strategy  # noqa: E402,F401  (registers the strategy and risk admin pages)
