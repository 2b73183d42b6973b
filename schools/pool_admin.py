"""Admin pages for the art-teacher pool (registered from schools/admin.py)."""

from django.contrib import admin

from schools.models import PoolProposal, PoolTeacher, TeacherAvailability


class AvailabilityInline(admin.StackedInline):
    model = TeacherAvailability
    extra = 0
    filter_horizontal = ["disciplines"]


@admin.register(PoolTeacher)
class PoolTeacherAdmin(admin.ModelAdmin):
    list_display = ["maker", "single_lessons", "lesson_series", "co_teaching", "team_training", "is_active"]
    list_filter = ["is_active", "single_lessons", "lesson_series", "co_teaching", "team_training"]
    search_fields = ["maker__name"]
    list_select_related = ["maker"]
    autocomplete_fields = ["maker"]
    readonly_fields = ["added_by", "created_at"]
    inlines = [AvailabilityInline]


@admin.register(PoolProposal)
class PoolProposalAdmin(admin.ModelAdmin):
    list_display = ["teacher", "school", "school_year", "status", "score", "proposed_at", "responded_at"]
    list_filter = ["status", "school_year"]
    search_fields = ["teacher__maker__name", "school__name"]
    list_select_related = ["teacher__maker", "school"]
    raw_id_fields = ["teacher", "school"]
    readonly_fields = ["score", "reasons", "proposed_by", "proposed_at", "responded_by", "responded_at"]
