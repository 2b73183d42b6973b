"""Admin page for quality marks (registered from makers/admin.py): staff verify through the service."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from makers import marks
from makers.models import QualityMark


@admin.register(QualityMark)
class QualityMarkAdmin(admin.ModelAdmin):
    list_display = [
        "maker",
        "kind",
        "title",
        "issuer",
        "issued_on",
        "expires_on",
        "verified_at",
        "reminder_stage",
    ]
    list_filter = ["kind", ("verified_at", admin.EmptyFieldListFilter), "expires_on"]
    search_fields = ["maker__name", "issuer", "title", "certificate_reference"]
    list_select_related = ["maker"]
    autocomplete_fields = ["maker"]
    readonly_fields = [
        "verified_at",
        "verified_by",
        "reminder_stage",
        "reminded_at",
        "created_at",
        "updated_at",
    ]
    actions = ["verify"]

    @admin.action(description=_("Geselecteerde keurmerken goedkeuren"))
    def verify(self, request, queryset):
        done = 0
        for mark in queryset.select_related("maker"):
            try:
                marks.mark_verify(mark=mark, by=request.user)
                done += 1
            except marks.MarkError as error:
                self.message_user(request, f"{mark}: {error}", level="warning")
        self.message_user(request, _("%(n)s keurmerken goedgekeurd.") % {"n": done})
