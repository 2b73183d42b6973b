"""Culture requests: the request, its discipline links and the e-mails owed to the asker. The timeline,
matches and funding, attachments, norms and the advisor tools live in their own *_models.py files,
imported at the bottom so that `requests.models` names every model of the app."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from requests.choices import RequesterKind
from requests.workflow import OPEN_STATUSES, Status


def new_status_token() -> str:
    # 32 random bytes = 256 bits, URL-safe: the asker's only key to their request.
    return secrets.token_urlsafe(32)


def new_reply_token() -> str:
    # Lower-case hex: mail systems may fold the case of an address's local part.
    return secrets.token_hex(10)


class AgeGroup(models.TextChoices):
    CHILDREN = "children", _("Kinderen (tot 12 jaar)")
    YOUTH = "youth", _("Jongeren (12 tot 18 jaar)")
    ADULTS = "adults", _("Volwassenen")
    SENIORS = "seniors", _("Ouderen")
    MIXED = "mixed", _("Gemengd, alle leeftijden")


class Barrier(models.TextChoices):
    COST = "cost", _("Kosten")
    DISTANCE = "distance", _("Afstand of vervoer")
    LANGUAGE = "language", _("Taal")
    ACCESSIBILITY = "accessibility", _("Toegankelijkheid")
    UNKNOWN = "unknown", _("Niet weten wat er is")
    TIME = "time", _("Tijd")


class ContactLanguage(models.TextChoices):
    DUTCH = "nl", _("Nederlands")
    ENGLISH = "en", _("Engels")
    TURKISH = "tr", _("Turks")
    ARABIC = "ar", _("Arabisch")
    POLISH = "pl", _("Pools")
    OTHER = "other", _("Een andere taal")


class ReferenceCounter(models.Model):
    """One row per year; incremented under a row lock so references never repeat."""

    year = models.PositiveIntegerField(unique=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last_number}"


class CultureRequest(models.Model):
    reference = models.CharField(_("kenmerk"), max_length=16, unique=True, editable=False)
    status_token = models.CharField(max_length=64, unique=True, default=new_status_token, editable=False)
    # The random half of the request's reply address (requests.inbound signs it); not the status key.
    reply_token = models.CharField(max_length=20, unique=True, default=new_reply_token, editable=False)
    # The signed nonce of the form that created it: the same form posted twice finds this row.
    idempotency_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)

    requester_kind = models.CharField(_("wie vraagt"), max_length=20, choices=RequesterKind.choices)
    requester_name = models.CharField(_("naam"), max_length=150)
    requester_email = models.EmailField(_("e-mailadres"), blank=True)
    requester_phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    organisation = models.CharField(_("organisatie"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    district = models.ForeignKey(
        "districts.District",
        verbose_name=_("wijk"),
        on_delete=models.PROTECT,
        related_name="culture_requests",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("behandelaar"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_requests",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)

    question = models.TextField(_("vraag"))
    disciplines = models.ManyToManyField(
        "makers.Discipline",
        verbose_name=_("soort cultuur"),
        related_name="culture_requests",
        blank=True,
        through="RequestDiscipline",
    )
    age_group = models.CharField(_("voor wie"), max_length=20, choices=AgeGroup.choices, blank=True)
    group_size = models.PositiveIntegerField(_("groepsgrootte"), null=True, blank=True)
    timing = models.CharField(_("wanneer"), max_length=200, blank=True)
    budget_cents = models.PositiveIntegerField(_("budget (centen)"), null=True, blank=True)
    barriers = models.JSONField(_("drempels"), default=list, blank=True)
    contact_language = models.CharField(
        _("voorkeurstaal voor contact"), max_length=10, choices=ContactLanguage.choices, default="nl"
    )
    consent_at = models.DateTimeField(_("toestemming gegeven op"))

    created_at = models.DateTimeField(_("binnengekomen"), auto_now_add=True, db_index=True)
    last_action_at = models.DateTimeField(_("laatste actie"), db_index=True)
    status_changed_at = models.DateTimeField(_("status gewijzigd"))
    first_contact_at = models.DateTimeField(_("eerste contact"), null=True, blank=True)
    # Set when the retention job removed the asker's personal data; the counts stay.
    anonymised_at = models.DateTimeField(_("persoonsgegevens verwijderd op"), null=True, blank=True)

    # The service norm (requests.norms): set on every status change, empty while closed or waiting.
    norm_deadline = models.DateTimeField(_("uiterlijk"), null=True, blank=True)
    # While waiting on the asker: the working days that were left, given back on their reply.
    norm_remaining_days = models.SmallIntegerField(null=True, blank=True, editable=False)
    # Sticky: some status was left (or the request closed) after its deadline.
    norm_missed = models.BooleanField(_("norm overschreden"), default=False)
    reopened_at = models.DateTimeField(_("heropend op"), null=True, blank=True)
    # Sticky: flagged at intake as a likely duplicate (requests.duplicates.duplicates_flag); the
    # board's badge reads this column instead of the timeline.
    flagged_duplicate = models.BooleanField(default=False, editable=False)
    # Optimistic locking: every write from the board, the detail page or the API bumps it.
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("cultuurvraag")
        verbose_name_plural = _("cultuurvragen")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["district", "status"]),
            # "te laat" and "deze week" are ranges of the deadline, read with the board's "open"
            # condition: partial on the same condition (only open requests have a deadline), the
            # count of a range is an index-only scan instead of a bitmap AND with the open indexes.
            models.Index(
                fields=["norm_deadline", "district"],
                condition=Q(status__in=sorted(OPEN_STATUSES)),
                name="req_norm_deadline",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(requester_email="") | ~Q(requester_phone="") | Q(anonymised_at__isnull=False),
                name="request_has_contact_unless_anonymised",
            ),
        ]

    def __str__(self):
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class RequestDisciplineQuerySet(models.QuerySet):
    def bulk_create(self, objs, *args, **kwargs):
        # disciplines.add() and .set() create links through here: each gets its request's district.
        objs = list(objs)
        missing = {link.culturerequest_id for link in objs if link.district_id is None}
        if missing:
            districts = dict(CultureRequest.objects.filter(pk__in=missing).values_list("pk", "district_id"))
            for link in objs:
                if link.district_id is None:
                    link.district_id = districts[link.culturerequest_id]
        return super().bulk_create(objs, *args, **kwargs)


class RequestDiscipline(models.Model):
    """A request's kind of culture, with the request's district copied onto the link, so that a
    district's requests by discipline are counted from one index instead of a join over every link."""

    culturerequest = models.ForeignKey(CultureRequest, on_delete=models.CASCADE)
    discipline = models.ForeignKey("makers.Discipline", on_delete=models.CASCADE)
    # No index of its own: (district, discipline) below leads with it.
    district = models.ForeignKey(
        "districts.District", on_delete=models.CASCADE, related_name="+", db_index=False
    )

    objects = RequestDisciplineQuerySet.as_manager()

    class Meta:
        db_table = "requests_culturerequest_disciplines"
        unique_together = [("culturerequest", "discipline")]
        indexes = [models.Index(fields=["district", "discipline"], name="req_discipline_by_district")]

    def __str__(self):
        return f"{self.culturerequest_id}: {self.discipline_id}"

    def save(self, *args, **kwargs):
        if self.district_id is None:
            self.district_id = CultureRequest.objects.values_list("district_id", flat=True).get(
                pk=self.culturerequest_id
            )
        super().save(*args, **kwargs)


class NotificationKind(models.TextChoices):
    CONFIRMATION = "confirmation", _("Bevestiging aan de vraagsteller")
    MESSAGE = "message", _("Bericht aan de vraagsteller")
    REPLY = "reply", _("Reactie van de vraagsteller aan de adviseur")
    FIRST_CONTACT = "first_contact", _("Herinnering: nog geen contact")
    ESCALATION = "escalation", _("Escalatie naar managers")
    NUDGE = "nudge", _("Herinnering: geen actie in 30 dagen")
    EVALUATION = "evaluation", _("Evaluatie aan de vraagsteller")
    MERGED = "merged", _("Vraag samengevoegd")
    REOPENED = "reopened", _("Heropend door de vraagsteller")
    WAITING_REMINDER = "waiting_reminder", _("Herinnering aan de vraagsteller: we wachten op antwoord")
    WAITING_OWNER = "waiting_owner", _("Melding aan de behandelaar: geen antwoord van de vraagsteller")


class Notification(models.Model):
    """One e-mail that must go out exactly once: confirmations, messages, reminders.

    The unique (request, kind, key) row is the claim that makes a reminder fire once across reruns
    and concurrent workers; `sent_at` is set by a conditional update after a successful send, and
    `claimed_at` is a short lease so two workers never send the same row at the same time.
    """

    request = models.ForeignKey(CultureRequest, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    key = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["request", "kind", "key"], name="notification_once"),
        ]

    def __str__(self):
        return f"{self.kind} {self.request_id} {self.key}"


# The tools of issue 16 live in their own module; imported here so that Django registers them.


from requests.advisor_models import (  # noqa: E402, F401
    MyQuestionsLink,
    RequestMerge,
    SavedView,
    StandardText,
    TextLanguage,
)
from requests.mail_models import MessageAttachment  # noqa: E402,F401 (registers the model)
from requests.match_models import (  # noqa: E402, F401 (models of this app, in their own file)
    DECIDED_FUNDING,
    OPEN_FUNDING,
    SUCCESSFUL_FUNDING,
    Evaluation,
    FundingApplication,
    FundingStatus,
    Match,
    MatchKind,
)
from requests.norm_models import ServiceNorm  # noqa: E402,F401 (a model of this app, its own file)
from requests.timeline_models import (  # noqa: E402, F401
    ASKER_LABEL,
    SYSTEM_LABEL,
    Direction,
    InternalNote,
    Message,
    RequestEvent,
)
