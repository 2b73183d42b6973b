from django.core.management.base import BaseCommand

from impact.snapshots import refresh_dashboard_snapshots


class Command(BaseCommand):
    help = "Recompute the dashboard snapshots: the default view and the views read lately."

    def handle(self, *args, **options):
        refreshed = refresh_dashboard_snapshots()
        self.stdout.write(f"{refreshed} dashboard snapshot(s) refreshed")
