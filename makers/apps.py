from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MakersConfig(AppConfig):
    name = "makers"
    verbose_name = _("Cultuurmakers en aanbod")

    def ready(self):
        from makers import (
            calendars,  # noqa: F401 (registers the venue, maker and advisor feeds)
            signals,  # noqa: F401 (connects the receivers)
        )
