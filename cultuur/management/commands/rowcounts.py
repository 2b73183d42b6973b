import json

from django.core.management.base import BaseCommand
from django.db import connection


class Command(BaseCommand):
    help = "Print the number of rows of every table as JSON (used to check a backup restore)."

    def handle(self, *args, **options):
        counts = {}
        with connection.cursor() as cursor:
            for table in sorted(connection.introspection.table_names(cursor)):
                cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
                counts[table] = cursor.fetchone()[0]
        self.stdout.write(json.dumps(counts, indent=1, sort_keys=True))
