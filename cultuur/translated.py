"""Reference data in two languages: rows keep their Dutch name and may carry an English one."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class EnglishNamed(models.Model):
    """Adds `name_en`; `label` (and `str()`) is the English name in English, else the Dutch `name`."""

    name_en = models.CharField(_("naam in het Engels"), max_length=120, blank=True)

    class Meta:
        abstract = True

    @property
    def label(self) -> str:
        if self.name_en and (translation.get_language() or "").startswith("en"):
            return self.name_en
        return self.name
