"""PostgreSQL only: indexes for every filter and sort of the triage board, and its text search.

The board shows open requests by default; open requests are a fifth of the table and the newest,
so "oldest first" over a plain created_at index reads past every closed request first. Partial
indexes on the open rows serve the default view, each sort and the district and owner filters
in index order; the GIN index serves the search (Dutch full-text over name, organisation and
question) instead of ILIKE over every row. Measured with `make bench` (docs/PERFORMANCE.md).

They live outside the model state, as in makers 0003: SQLite cannot express them and the
expression must match requests.filters word for word.
"""

from django.db import migrations

OPEN = "status IN ('new', 'in_conversation', 'matching', 'matched', 'in_progress')"
SEARCH = "to_tsvector('dutch'::regconfig, requester_name || ' ' || organisation || ' ' || question)"

INDEXES = {
    "req_open_created": f"(created_at, id) WHERE {OPEN}",
    "req_open_last_action": f"(last_action_at, id) WHERE {OPEN}",
    "req_open_district_created": f"(district_id, created_at, id) WHERE {OPEN}",
    "req_open_owner_created": f"(owner_id, created_at, id) WHERE {OPEN}",
    "req_status_created": "(status, created_at, id)",
    "req_district_created": "(district_id, created_at, id)",
    "req_search_gin": f"USING gin ({SEARCH})",
}


def _create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, definition in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON requests_culturerequest {definition}")


def _drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("requests", "0004_retention")]

    operations = [migrations.RunPython(_create, _drop)]
