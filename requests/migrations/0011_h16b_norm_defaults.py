"""Service norms: the defaults, the deadline of every open request, and the board's open-request
indexes again with "waiting" in them.

The partial indexes of 0005 are defined on the open statuses; "waiting" is open too, and the
board's default filter (status IN the open statuses) only uses a partial index whose predicate it
implies, so they are rebuilt with it. PostgreSQL only, as in 0005.

The deadlines of requests that are open now are counted from when they entered their status, as
requests.norms does (the day of entry does not count; due at the start of the Nth working day
after it). The arithmetic is copied here so that later changes to the app cannot change this
migration.
"""

from datetime import datetime, time, timedelta

import holidays
from django.conf import settings
from django.db import migrations
from django.utils import timezone

OLD_OPEN = "status IN ('new', 'in_conversation', 'matching', 'matched', 'in_progress')"
OPEN = "status IN ('new', 'in_conversation', 'waiting', 'matching', 'matched', 'in_progress')"
OPEN_INDEXES = {
    "req_open_created": "(created_at, id) WHERE {open}",
    "req_open_last_action": "(last_action_at, id) WHERE {open}",
    "req_open_district_created": "(district_id, created_at, id) WHERE {open}",
    "req_open_owner_created": "(owner_id, created_at, id) WHERE {open}",
}

KINDS = ("resident", "initiative", "organisation", "school")
NORMS = {"new": 3, "in_conversation": 10, "matching": 15, "matched": 10}
SCHOOL_NORMS = {**NORMS, "in_conversation": 15, "matching": 20}


def _rebuild(schema_editor, open_statuses):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, definition in OPEN_INDEXES.items():
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
        schema_editor.execute(
            f"CREATE INDEX {name} ON requests_culturerequest {definition.format(open=open_statuses)}"
        )


def _add_working_days(day, days):
    nl = holidays.country_holidays("NL", years=range(day.year, day.year + 3))
    while days > 0:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in nl:
            days -= 1
    return day


def forwards(apps, schema_editor):
    _rebuild(schema_editor, OPEN)
    ServiceNorm = apps.get_model("requests", "ServiceNorm")
    CultureRequest = apps.get_model("requests", "CultureRequest")
    norms = {}
    for kind in KINDS:
        for status, days in (SCHOOL_NORMS if kind == "school" else NORMS).items():
            if status == "new":
                days = settings.REQUESTS_FIRST_CONTACT_WORKING_DAYS
            ServiceNorm.objects.get_or_create(requester_kind=kind, status=status, defaults={"working_days": days})
    for norm in ServiceNorm.objects.all():
        norms[(norm.requester_kind, norm.status)] = norm.working_days
    for (kind, status), days in norms.items():
        rows = CultureRequest.objects.filter(requester_kind=kind, status=status, norm_deadline__isnull=True)
        for day in rows.datetimes("status_changed_at", "day"):
            local = timezone.localtime(day).date()
            start = timezone.make_aware(datetime.combine(local, time.min))
            deadline = timezone.make_aware(datetime.combine(_add_working_days(local, days), time.min))
            rows.filter(status_changed_at__gte=start, status_changed_at__lt=start + timedelta(days=1)).update(
                norm_deadline=deadline
            )


def backwards(apps, schema_editor):
    _rebuild(schema_editor, OLD_OPEN)


class Migration(migrations.Migration):
    dependencies = [("requests", "0010_h16b_service_norms")]

    operations = [migrations.RunPython(forwards, backwards)]
