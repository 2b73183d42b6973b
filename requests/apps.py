from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RequestsConfig(AppConfig):
    # The package shadows PyPI `requests` in this process: never import that library here.
    name = "requests"
    verbose_name = _("Cultuurvragen")
