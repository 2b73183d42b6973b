"""Admin pages of the strategy cards, agreements, budgets and the risk register."""

from django.contrib import admin

from impact.models import (
    Agreement,
    AgreementProgress,
    AgreementSpending,
    ProgressInvitation,
    Risk,
    RiskReview,
    StrategyCard,
    ThemeBudget,
)


class AgreementInline(admin.TabularInline):
    model = Agreement
    fields = ["title", "partner", "who", "when", "status"]
    extra = 0
    raw_id_fields = ["partner"]


class ThemeBudgetInline(admin.TabularInline):
    model = ThemeBudget
    extra = 0


@admin.register(StrategyCard)
class StrategyCardAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "theme"]
    search_fields = ["title", "ambition"]
    inlines = [AgreementInline, ThemeBudgetInline]


class SpendingInline(admin.TabularInline):
    model = AgreementSpending
    extra = 0


class ProgressInline(admin.TabularInline):
    model = AgreementProgress
    extra = 0
    readonly_fields = ["reported_at"]


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["title", "card", "partner", "when", "status"]
    list_filter = ["status", "card"]
    search_fields = ["title", "who", "what"]
    raw_id_fields = ["partner"]
    list_select_related = ["card", "partner"]
    inlines = [SpendingInline, ProgressInline]


@admin.register(ProgressInvitation)
class ProgressInvitationAdmin(admin.ModelAdmin):
    list_display = ["partner", "period_key", "sent_at"]
    list_filter = ["period_key"]
    readonly_fields = ["nonce", "sent_at", "created_at"]
    list_select_related = ["partner"]


class RiskReviewInline(admin.TabularInline):
    model = RiskReview
    extra = 0
    readonly_fields = ["at", "by", "previous_likelihood", "previous_impact"]


@admin.register(Risk)
class RiskAdmin(admin.ModelAdmin):
    list_display = ["title", "likelihood", "impact", "score", "status", "review_on", "owner"]
    list_filter = ["status"]
    search_fields = ["title", "description"]
    raw_id_fields = ["goal", "plan", "owner", "created_by"]
    list_select_related = ["owner"]
    inlines = [RiskReviewInline]
