from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImpactConfig(AppConfig):
    name = "impact"
    verbose_name = _("Impact en monitoring")

    def ready(self):
        from impact import receivers

        receivers.connect()

        from impact.calendars import register

        register()
