from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from schools.models.choices import SCHOOL_YEAR_VALIDATORS, ContactKind, Development, PdcaPhase, Realised
from schools.models.schools import School
from schools.school_year import SchoolYear


class MonitoringEntry(models.Model):
    """One contact in the PDCA monitoring instrument, with the seed's four evaluation questions."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="monitoring_entries")
    school_year = models.PositiveSmallIntegerField(_("schooljaar"), validators=SCHOOL_YEAR_VALIDATORS)
    date = models.DateField(_("datum"))
    contact_kind = models.CharField(_("soort contact"), max_length=20, choices=ContactKind.choices)
    phase = models.CharField(_("fase"), max_length=10, choices=PdcaPhase.choices)
    notes = models.TextField(_("aantekeningen"))
    solution_realised = models.CharField(
        _("Is de beoogde oplossing gerealiseerd?"), max_length=10, choices=Realised.choices, blank=True
    )
    development = models.CharField(
        _("Is er verbreed, verdiept of verduurzaamd?"), max_length=12, choices=Development.choices, blank=True
    )
    could_be_better = models.TextField(_("Had het beter of efficiënter gekund?"), blank=True)
    next_step = models.TextField(_("Wat is de volgende stap?"), blank=True)
    shared_with_school = models.BooleanField(
        _("zichtbaar voor de school"), default=False, help_text=_("De ICC ziet deze aantekening.")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("monitoringsnotitie")
        verbose_name_plural = _("monitoringsnotities")
        ordering = ["school", "-date", "-pk"]

    def __str__(self):
        return f"{self.school} {self.date} ({self.get_phase_display()})"

    @property
    def year(self) -> SchoolYear:
        return SchoolYear(self.school_year)
