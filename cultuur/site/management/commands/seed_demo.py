from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cultuur.demo import DemoContext

# Each app adds its own demo data in <app>/demo.py; order follows the dependency order.
DEMO_MODULES = [
    "cultuur.demo",
    "districts.demo",
    "makers.demo",
    "makers.marks_demo",
    "schools.demo",
    "schools.pool_demo",
    "requests.demo",
    "impact.demo",
    "impact.demo_cases",
    "impact.demo_strategy",
]


class Command(BaseCommand):
    help = "Load realistic demo data from the seed documents. Safe to run again: it changes nothing twice."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load demo accounts (with a published password) even when DEBUG is off.",
        )

    def handle(self, *args, allow_production=False, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "seed_demo creates accounts with a published password; use --allow-production to do so "
                "with DEBUG off."
            )
        ctx = DemoContext(stdout=self.stdout)
        with transaction.atomic():
            for module in DEMO_MODULES:
                import_module(module).seed(ctx)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write(f"Demo accounts (password: {ctx.password}):")
        for role, email in ctx.logins:
            self.stdout.write(f"  {role:<20} {email}")
