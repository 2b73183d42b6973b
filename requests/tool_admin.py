"""Admin for the issue-16 tools; the standard-text form checks placeholders as the manager page does."""

from django.contrib import admin

from requests.advisor_models import RequestMerge, SavedView, StandardText
from requests.tool_forms import StandardTextForm


@admin.register(StandardText)
class StandardTextAdmin(admin.ModelAdmin):
    form = StandardTextForm
    list_display = ["title", "status", "requester_kind", "language", "updated_at"]
    list_filter = ["language", "status"]
    search_fields = ["title", "body"]


@admin.register(SavedView)
class SavedViewAdmin(admin.ModelAdmin):
    list_display = ["name", "owner", "shared_with", "is_default"]
    list_select_related = ["owner", "shared_with"]
    raw_id_fields = ["owner"]


@admin.register(RequestMerge)
class RequestMergeAdmin(admin.ModelAdmin):
    list_display = ["request", "primary", "by", "created_at"]
    list_select_related = ["request", "primary", "by"]
    raw_id_fields = ["request", "primary", "by"]
