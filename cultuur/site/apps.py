from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "cultuur.site"
    label = "site"
    verbose_name = "Cultuur: site"
