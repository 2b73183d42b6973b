"""PostgreSQL only: bookings cannot overlap (exclusion constraint) and full-text search is
GIN-indexed. On SQLite these operations do nothing; the confirm service checks overlaps there.

They live outside the model state on purpose: SQLite rebuilds tables from the state and cannot
express an exclusion constraint or a GIN index.
"""

from django.db import migrations

FORWARD_SQL = [
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    """ALTER TABLE makers_venuebooking ADD CONSTRAINT makers_booking_no_overlap
       EXCLUDE USING gist (
           venue_id WITH =,
           tsrange(date + start_time, date + end_time, '[)') WITH &&
       ) WHERE (status = 'confirmed')""",
    "CREATE INDEX makers_maker_search_gin ON makers_maker USING gin (search_vector)",
    "CREATE INDEX makers_course_search_gin ON makers_course USING gin (search_vector)",
    "CREATE INDEX makers_venue_search_gin ON makers_venue USING gin (search_vector)",
    "CREATE INDEX makers_cocreation_search_gin ON makers_cocreation USING gin (search_vector)",
]

BACKWARD_SQL = [
    "DROP INDEX IF EXISTS makers_cocreation_search_gin",
    "DROP INDEX IF EXISTS makers_venue_search_gin",
    "DROP INDEX IF EXISTS makers_course_search_gin",
    "DROP INDEX IF EXISTS makers_maker_search_gin",
    "ALTER TABLE makers_venuebooking DROP CONSTRAINT IF EXISTS makers_booking_no_overlap",
]


def _run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("makers", "0002_taxonomy")]

    operations = [migrations.RunPython(_run(FORWARD_SQL), _run(BACKWARD_SQL))]
