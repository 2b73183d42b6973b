"""Dashboard snapshots (issue 11): the figures of one dashboard view computed by the same functions as
the live page, stored as JSON and read back by the page while younger than
IMPACT_DASHBOARD_MAX_AGE_MINUTES. A periodic task refreshes the default view and the views read lately.
"""

from __future__ import annotations

import json
from datetime import timedelta

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone, translation

from districts.models import District, Municipality
from impact.dashboard import Filters, all_figures
from impact.models import DashboardSnapshot
from impact.periods import Period
from impact.tables import display_rows

# A snapshot read within this long is refreshed by the periodic task; older ones are left to expire.
RECENTLY_VIEWED = timedelta(days=1)
# The page records a read at most this often per snapshot (one UPDATE), not on every request.
VIEW_MARK_INTERVAL = timedelta(minutes=5)


def snapshot_key(filters: Filters, language: str | None = None) -> str:
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    municipality = filters.municipality.pk if filters.municipality else ""
    district = filters.district.pk if filters.district else ""
    return f"{language}:{filters.period.key}:{municipality}:{district}"


def filters_from_key(key: str) -> tuple[str, Filters]:
    language, period, municipality, district = key.split(":")
    return language, Filters(
        period=Period.parse(period),
        municipality=Municipality.objects.get(pk=municipality) if municipality else None,
        district=District.objects.get(pk=district) if district else None,
    )


def render_figures(filters: Filters) -> list[dict]:
    """The figures as the page shows them, JSON-ready: display rows formatted for the active language,
    Decimals and dates as DjangoJSONEncoder writes them (which is what json_script writes anyway)."""
    figures = []
    for figure in all_figures(filters):
        figure.pop("progress", None)
        figure["display_rows"] = display_rows(figure)
        figures.append(json.loads(json.dumps(figure, cls=DjangoJSONEncoder)))
    return figures


def refresh_dashboard_snapshot(
    filters: Filters, language: str | None = None, *, viewed_at=None
) -> DashboardSnapshot:
    """Compute the view's figures and upsert its snapshot (idempotent: one row per key)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        figures = render_figures(filters)
    defaults = {"figures": figures, "computed_at": timezone.now()}
    if viewed_at is not None:
        defaults["viewed_at"] = viewed_at
    snapshot, _created = DashboardSnapshot.objects.update_or_create(
        key=snapshot_key(filters, language), defaults=defaults
    )
    return snapshot


def default_filters() -> Filters:
    return Filters(period=Period.current_year())


def refresh_dashboard_snapshots() -> int:
    """The default view in the default language plus every view read within RECENTLY_VIEWED."""
    keys = {snapshot_key(default_filters(), settings.LANGUAGE_CODE)}
    keys |= set(
        DashboardSnapshot.objects.filter(viewed_at__gte=timezone.now() - RECENTLY_VIEWED).values_list(
            "key", flat=True
        )
    )
    refreshed = 0
    for key in sorted(keys):
        try:
            language, filters = filters_from_key(key)
        except (ValueError, Municipality.DoesNotExist, District.DoesNotExist):
            DashboardSnapshot.objects.filter(key=key).delete()
            continue
        refresh_dashboard_snapshot(filters, language)
        refreshed += 1
    return refreshed


def fresh_snapshot(filters: Filters) -> DashboardSnapshot:
    """The view's snapshot if younger than IMPACT_DASHBOARD_MAX_AGE_MINUTES, else computed now and stored."""
    now = timezone.now()
    key = snapshot_key(filters)
    max_age = timedelta(minutes=settings.IMPACT_DASHBOARD_MAX_AGE_MINUTES)
    snapshot = DashboardSnapshot.objects.filter(key=key, computed_at__gte=now - max_age).first()
    if snapshot is None:
        snapshot = refresh_dashboard_snapshot(filters, viewed_at=now)
    elif snapshot.viewed_at is None or snapshot.viewed_at < now - VIEW_MARK_INTERVAL:
        DashboardSnapshot.objects.filter(pk=snapshot.pk).update(viewed_at=now)
        snapshot.viewed_at = now
    return snapshot
