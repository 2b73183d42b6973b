from django.contrib import admin

from requests import services
from requests.models import (
    CultureRequest,
    FundingApplication,
    InternalNote,
    Match,
    Message,
    Notification,
    RequestEvent,
)


class EventInline(admin.TabularInline):
    model = RequestEvent
    extra = 0
    can_delete = False
    readonly_fields = ["created_at", "action", "actor", "actor_label", "from_status", "to_status", "note"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(CultureRequest)
class CultureRequestAdmin(admin.ModelAdmin):
    list_display = [
        "reference",
        "requester_name",
        "requester_kind",
        "district",
        "status",
        "owner",
        "created_at",
    ]
    list_filter = ["status", "requester_kind", "district"]
    search_fields = ["reference", "requester_name", "organisation", "question"]
    list_select_related = ["district", "owner"]
    # Status changes go through the workflow service only, never through the admin.
    readonly_fields = [
        "reference",
        "status",
        "created_at",
        "last_action_at",
        "status_changed_at",
        "first_contact_at",
    ]
    inlines = [EventInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "district" in form.changed_data:
            services.request_links_follow_district(request=obj)


@admin.register(FundingApplication)
class FundingApplicationAdmin(admin.ModelAdmin):
    list_display = ["fund", "request", "status", "amount_requested_cents", "amount_granted_cents"]
    list_filter = ["status"]
    list_select_related = ["request"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["request", "kind", "key", "created_at", "sent_at", "attempts", "last_error"]
    list_filter = ["kind"]
    readonly_fields = [
        "request",
        "kind",
        "key",
        "created_at",
        "claimed_at",
        "sent_at",
        "attempts",
        "last_error",
    ]


admin.site.register([Message, InternalNote, Match])

from requests import tool_admin  # noqa: E402, F401  (registers the issue-16 tools)
