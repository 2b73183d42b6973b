"""PostgreSQL only: a live hold (a requested booking) occupies its slot like a confirmed one.

The exclusion constraint of 0003 covered confirmed bookings; now it covers the statuses in
VenueBooking.OCCUPYING. An expired hold leaves the constraint because the expiry sweep moves it to
"expired" (a WHERE cannot read the clock: now() is not immutable). Existing requests get the
default hold from their creation; those already past it, and those that overlap an earlier
occupying booking (allowed until now), become "expired" first so the constraint can be built.
On SQLite the services check the same (makers/slots.py).
"""

from django.db import migrations

FORWARD_SQL = [
    """UPDATE makers_venuebooking SET hold_expires_at = created_at + interval '48 hours'
       WHERE status = 'requested' AND hold_expires_at IS NULL""",
    """UPDATE makers_venuebooking SET status = 'expired'
       WHERE status = 'requested' AND hold_expires_at < now()""",
    """UPDATE makers_venuebooking AS b SET status = 'expired'
       WHERE b.status = 'requested' AND EXISTS (
           SELECT 1 FROM makers_venuebooking AS o
           WHERE o.venue_id = b.venue_id AND o.id <> b.id
             AND (o.status = 'confirmed' OR (o.status = 'requested' AND o.id < b.id))
             AND tsrange(o.date + o.start_time, o.date + o.end_time, '[)')
                 && tsrange(b.date + b.start_time, b.date + b.end_time, '[)'))""",
    # The updates queue deferred foreign-key checks; ALTER TABLE refuses to run with events pending.
    "SET CONSTRAINTS ALL IMMEDIATE",
    "ALTER TABLE makers_venuebooking DROP CONSTRAINT IF EXISTS makers_booking_no_overlap",
    """ALTER TABLE makers_venuebooking ADD CONSTRAINT makers_booking_no_overlap
       EXCLUDE USING gist (
           venue_id WITH =,
           tsrange(date + start_time, date + end_time, '[)') WITH &&
       ) WHERE (status IN ('requested', 'confirmed'))""",
]

BACKWARD_SQL = [
    "ALTER TABLE makers_venuebooking DROP CONSTRAINT IF EXISTS makers_booking_no_overlap",
    """ALTER TABLE makers_venuebooking ADD CONSTRAINT makers_booking_no_overlap
       EXCLUDE USING gist (
           venue_id WITH =,
           tsrange(date + start_time, date + end_time, '[)') WITH &&
       ) WHERE (status = 'confirmed')""",
]


def _run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("makers", "0007_venue_series_holds_waitlist")]

    operations = [migrations.RunPython(_run(FORWARD_SQL), _run(BACKWARD_SQL))]
