from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile every .po file of the project to .mo in pure Python (no GNU gettext needed)."

    def handle(self, *args, **options):
        roots = [Path(path) for path in settings.LOCALE_PATHS]
        roots += [
            Path(config.path) / "locale"
            for config in apps.get_app_configs()
            if Path(config.path).is_relative_to(settings.BASE_DIR)
        ]
        compiled = 0
        for root in roots:
            for po_path in root.glob("*/LC_MESSAGES/*.po"):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                compiled += 1
        self.stdout.write(f"Compiled {compiled} translation file(s).")
