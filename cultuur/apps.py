from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CultuurConfig(AppConfig):
    name = "cultuur"
    verbose_name = _("Cultuur: accounts en platform")

    def ready(self):
        from cultuur import receivers  # noqa: F401 (connects the sign-in log)
