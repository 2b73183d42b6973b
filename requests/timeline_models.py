"""The request's timeline, its messages with the asker and the advisors' internal notes.

Kept out of models.py so that file stays about the request itself; `requests.models` imports these."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from requests.workflow import Status

# Timeline labels of events without a person, stored in Dutch and translated when shown.
ASKER_LABEL = gettext_noop("Vraagsteller")
SYSTEM_LABEL = gettext_noop("Systeem")


class RequestEvent(models.Model):
    """The timeline: every change, with a dotted action and who did it (None: the asker or the system)."""

    request = models.ForeignKey("requests.CultureRequest", on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=60)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(max_length=60, blank=True)
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    note = models.TextField(blank=True)
    # A system note's untranslated message and its values, so the timeline reads in the viewer's
    # language; `note` keeps the Dutch text for exports and retention.
    note_key = models.CharField(max_length=300, blank=True)
    note_args = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.action} {self.request_id}"

    @property
    def shown_note(self) -> str:
        if not self.note_key:
            return self.note
        try:
            return gettext(self.note_key) % self.note_args if self.note_args else gettext(self.note_key)
        except (KeyError, TypeError, ValueError):
            return self.note

    @property
    def shown_actor(self) -> str:
        """A person's name as written; the asker's or the system's label in the viewer's language."""
        return gettext(self.actor_label) if self.actor_id is None and self.actor_label else self.actor_label


class Direction(models.TextChoices):
    TO_ASKER = "to_asker", _("Aan de vraagsteller")
    FROM_ASKER = "from_asker", _("Van de vraagsteller")


class Message(models.Model):
    request = models.ForeignKey("requests.CultureRequest", on_delete=models.CASCADE, related_name="messages")
    direction = models.CharField(max_length=12, choices=Direction.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    body = models.TextField(_("bericht"))
    # The Message-ID of a reply that came by e-mail: a mail server that delivers it twice files it once.
    email_message_id = models.CharField(max_length=250, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "email_message_id"],
                condition=~Q(email_message_id=""),
                name="message_email_once",
            )
        ]

    def __str__(self):
        return f"{self.get_direction_display()} ({self.request_id})"


class InternalNote(models.Model):
    request = models.ForeignKey("requests.CultureRequest", on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("notitie"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.request_id}: {self.body[:40]}"
