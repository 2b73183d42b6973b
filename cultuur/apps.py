from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CultuurConfig(AppConfig):
    name = "cultuur"
    verbose_name = _("Cultuur: accounts en platform")

    def ready(self):
        from cultuur import oidc_http

        # Before allauth.socialaccount's ready() loads its providers, which import from `requests`.
        oidc_http.install()
        from cultuur import receivers  # noqa: F401 (connects the sign-in log)
