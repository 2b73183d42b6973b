from django.db import migrations

# On PostgreSQL the database itself refuses to change or delete audit rows. The one change allowed
# is the actor becoming NULL when an account is deleted (ON DELETE SET NULL, done by Django).
CREATE = """
CREATE OR REPLACE FUNCTION cultuur_auditlog_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.actor_id IS NULL
       AND (NEW.at, NEW.actor_label, NEW.action, NEW.target_type, NEW.target_id, NEW.target_label,
            NEW.detail::text, NEW.ip_address)
           IS NOT DISTINCT FROM
           (OLD.at, OLD.actor_label, OLD.action, OLD.target_type, OLD.target_id, OLD.target_label,
            OLD.detail::text, OLD.ip_address) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'cultuur_auditlog is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER cultuur_auditlog_no_change BEFORE UPDATE OR DELETE ON cultuur_auditlog
    FOR EACH ROW EXECUTE FUNCTION cultuur_auditlog_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS cultuur_auditlog_no_change ON cultuur_auditlog;
DROP FUNCTION IF EXISTS cultuur_auditlog_append_only();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("cultuur", "0003_audit_log")]
    operations = [migrations.RunPython(forwards, backwards)]
