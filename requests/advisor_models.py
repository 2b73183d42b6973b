"""The advisors' and askers' tools (issue 16): standard texts, saved board views, merges, "my questions".

Kept out of models.py so that file stays about one request; `requests.models` imports these, so
Django registers them with the app as usual.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from requests.workflow import Status


class TextLanguage(models.TextChoices):
    DUTCH = "nl", _("Nederlands")
    ENGLISH = "en", _("Engels")


class StandardText(models.Model):
    """A message template a manager keeps; an advisor fills it in and edits it before sending."""

    title = models.CharField(_("titel"), max_length=120)
    # Blank: fits every status (or every kind of asker).
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, blank=True)
    requester_kind = models.CharField(_("wie vraagt"), max_length=20, blank=True)
    language = models.CharField(_("taal"), max_length=2, choices=TextLanguage.choices, default="nl")
    body = models.TextField(_("tekst"), max_length=5000)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("standaardtekst")
        verbose_name_plural = _("standaardteksten")
        ordering = ["title", "pk"]
        indexes = [models.Index(fields=["status", "language"], name="standard_text_pick")]

    def __str__(self):
        return self.title


class SavedView(models.Model):
    """A named filter state of the triage board (its querystring), optionally shared with a team."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_views")
    name = models.CharField(_("naam"), max_length=80)
    query = models.CharField(_("filters"), max_length=1000, blank=True)
    # The team it is shared with; None: only the owner sees it.
    shared_with = models.ForeignKey(
        "districts.District",
        verbose_name=_("gedeeld met het wijkteam van"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    is_default = models.BooleanField(_("standaard bij openen van het overzicht"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("opgeslagen weergave")
        verbose_name_plural = _("opgeslagen weergaven")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "name"], name="saved_view_name_once"),
            models.UniqueConstraint(
                fields=["owner"], condition=Q(is_default=True), name="saved_view_one_default"
            ),
        ]

    def __str__(self):
        return self.name


class RequestMerge(models.Model):
    """A request folded into its primary: its asker's status link now shows the primary's progress."""

    request = models.OneToOneField(
        "requests.CultureRequest", on_delete=models.CASCADE, related_name="merge_record"
    )
    primary = models.ForeignKey("requests.CultureRequest", on_delete=models.CASCADE, related_name="merged_in")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.request_id} -> {self.primary_id}"


class MyQuestionsLink(models.Model):
    """A one-time link to an asker's list of questions. Only the token's hash is stored."""

    email = models.EmailField()
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["expires_at"], name="my_questions_link_expiry")]

    def __str__(self):
        return f"{self.email} ({self.expires_at:%Y-%m-%d %H:%M})"
