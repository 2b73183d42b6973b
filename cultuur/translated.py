"""Reference data in two languages: rows keep their Dutch name and may carry an English one; stored
system messages keep the key that translates them."""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.functional import Promise
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


def stored_message(text, args: dict | None = None) -> tuple[str, str]:
    """A lazy message as (its text in the site language with `args`, its untranslated key), so a
    page can translate it again for its reader; plain text is stored as it is, without a key."""
    if not isinstance(text, Promise):
        return (str(text) % args if args else str(text)), ""
    with translation.override(None):
        key = str(text)
    with translation.override(settings.LANGUAGE_CODE):
        shown = str(text)
    return (shown % args if args else shown), key
