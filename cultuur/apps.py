from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CultuurConfig(AppConfig):
    name = "cultuur"
    verbose_name = _("Cultuur: accounts en platform")
