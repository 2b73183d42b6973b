from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchoolsConfig(AppConfig):
    name = "schools"
    verbose_name = _("Scholen en CMK")

    def ready(self):
        # makers may not import schools; it asks registered counters how many schools a co-creation has.
        from makers.services import register_cocreation_school_counter
        from schools.selectors import co_creation_school_count

        register_cocreation_school_counter(co_creation_school_count)

        from schools.calendars import register

        register()
