from django.contrib import admin

from impact.models import Activity, Goal, ImpactTheme, Indicator, Measurement, MonitoringReport, Reach


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


from impact import admin_strategy  # noqa: E402,F401  (registers the strategy and risk admin pages)
