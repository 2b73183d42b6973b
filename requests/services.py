"""Every write on a culture request. Views, API, tasks and the management command call these."""

from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from cultuur.audit import audit_record
from cultuur.queue import enqueue_on_commit
from cultuur.translated import stored_message
from districts.selectors import district_for_postcode, normalise_postcode
from requests import norms, workflow
from requests.models import (
    ASKER_LABEL,
    CultureRequest,
    Direction,
    Evaluation,
    InternalNote,
    Message,
    MessageAttachment,
    NotificationKind,
    ReferenceCounter,
    RequestDiscipline,
    RequestEvent,
)
from requests.notifications import notification_queue
from requests.workflow import Status


class RequestError(Exception):
    """A domain rule said no; the message is Dutch and meant for the user."""


class RequestConflict(RequestError):
    """Someone changed the request since the form or API call read it (HTTP 409)."""


def _actor_label(by) -> str:
    return by.get_full_name() or by.email if by is not None else ASKER_LABEL


def event_log(
    *, request: CultureRequest, action: str, by=None, label="", note="", note_args=None, **fields
) -> RequestEvent:
    """Write a timeline line. A lazy `note` (with `note_args`) or label is stored in Dutch with its
    key, so the timeline reads in each viewer's language."""
    now = timezone.now()
    CultureRequest.objects.filter(pk=request.pk).update(last_action_at=now)
    request.last_action_at = now
    note, note_key = stored_message(note, note_args)
    return RequestEvent.objects.create(
        request=request,
        action=action,
        actor=by,
        actor_label=label or _actor_label(by),
        note=note,
        note_key=note_key,
        note_args=note_args or {} if note_key else {},
        **fields,
    )


def _next_reference(year: int) -> str:
    """Increment the year's counter in one statement (UPDATE ... RETURNING); its row lock lasts
    until commit, so references never repeat. The year's first submission creates the row."""
    table = connection.ops.quote_name(ReferenceCounter._meta.db_table)
    sql = f"UPDATE {table} SET last_number = last_number + 1 WHERE year = %s RETURNING last_number"  # noqa: S608 (table name from model meta)
    with connection.cursor() as cursor:
        cursor.execute(sql, [year])
        row = cursor.fetchone()
        if row is None:
            ReferenceCounter.objects.get_or_create(year=year)
            cursor.execute(sql, [year])
            row = cursor.fetchone()
    return f"CV-{year}-{row[0]:05d}"


def request_submit(*, idempotency_key: str, disciplines=(), **fields) -> tuple[CultureRequest, bool]:
    """Store a question from the public form: reference, district, timeline, confirmation on commit.

    The same form posted twice (same idempotency key) returns the first request and stores nothing.
    """
    existing = CultureRequest.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            request = _create(idempotency_key=idempotency_key, disciplines=disciplines, **fields)
    except IntegrityError:
        # A concurrent post of the same form won the race: answer with its request.
        existing = CultureRequest.objects.filter(idempotency_key=idempotency_key).first()
        if existing is None:
            raise
        return existing, False
    return request, True


def _create(*, idempotency_key, disciplines, postcode="", chosen_district=None, **fields) -> CultureRequest:
    now = timezone.now()
    postcode = normalise_postcode(postcode) or ""
    # A postcode decides; an organisation without one may name its district.
    district = district_for_postcode(postcode)
    if district.is_central_intake and chosen_district is not None:
        district = chosen_district
    request = CultureRequest.objects.create(
        reference=_next_reference(timezone.localdate(now).year),
        idempotency_key=idempotency_key,
        postcode=postcode,
        district=district,
        consent_at=now,
        last_action_at=now,
        status_changed_at=now,
        norm_deadline=norms.initial_deadline(fields.get("requester_kind", ""), now),
        **fields,
    )
    if disciplines:
        request.disciplines.set(disciplines)
    note, note_key = stored_message(
        gettext_lazy("Binnengekomen via het formulier, doorgezet naar %(district)s."),
        {"district": str(request.district)},
    )
    RequestEvent.objects.create(
        request=request,
        action=workflow.ACTION_CREATED,
        actor_label=ASKER_LABEL,
        to_status=Status.NEW,
        note=note,
        note_key=note_key,
        note_args={"district": str(request.district)},
    )
    if request.requester_email:
        notification_queue(request=request, kind=NotificationKind.CONFIRMATION)
    # Likely duplicates are noted on the timeline after commit, off the asker's request.
    enqueue_on_commit("requests.tasks.flag_duplicates", request.pk)
    return request


@transaction.atomic
def request_links_follow_district(*, request: CultureRequest) -> None:
    """After a request moved to another district (the admin): its discipline links move with it."""
    RequestDiscipline.objects.filter(culturerequest=request).update(district_id=request.district_id)


def conflict_error(request_pk: int) -> RequestConflict:
    """The error for a write based on an older version, naming who changed it last."""
    label = (
        RequestEvent.objects.filter(request_id=request_pk)
        .order_by("-created_at", "-pk")
        .values_list("actor_label", flat=True)
        .first()
    )
    return RequestConflict(
        _("Deze vraag is intussen gewijzigd door %(name)s; bekijk de nieuwe versie.")
        % {"name": label or _("een collega")}
    )


def _write(locked: CultureRequest, version: int | None, **updates) -> None:
    """The conditional UPDATE ... WHERE version = n that every change of a request goes through.

    `version` is what the advisor's form or API call saw; None means "whatever is current" (the
    asker, tasks). Under the row lock the check is exact on PostgreSQL; the WHERE makes it exact
    on SQLite too, where select_for_update locks nothing.
    """
    if version is not None and version != locked.version:
        raise conflict_error(locked.pk)
    written = CultureRequest.objects.filter(pk=locked.pk, version=locked.version).update(
        version=F("version") + 1, **updates
    )
    if not written:
        raise conflict_error(locked.pk)
    locked.version += 1


def _paused_from(request_pk: int) -> str | None:
    return (
        RequestEvent.objects.filter(request_id=request_pk, to_status=Status.WAITING)
        .order_by("-created_at", "-pk")
        .values_list("from_status", flat=True)
        .first()
    )


@transaction.atomic
def request_change_status(
    *,
    request: CultureRequest,
    to: str,
    note="",
    note_args: dict | None = None,
    by=None,
    version: int | None = None,
    reopen: bool = False,
    service_only: bool = False,
) -> CultureRequest:
    """The one place a status changes: checks the workflow, sets the norm's deadline (pausing it
    while waiting on the asker, resuming it on leaving), writes the timeline event.

    `service_only` is for the services that set a target no form may set (a merge)."""
    locked = CultureRequest.objects.select_for_update().get(pk=request.pk)
    if not isinstance(note, Promise):
        note = (note or "").strip()
    if to not in Status.values:
        raise RequestError(_("Onbekende status."))
    if to in workflow.SERVICE_ONLY and not service_only:
        raise RequestError(_("Deze status zet u met Samenvoegen, niet hier."))
    if version is not None and version != locked.version:
        raise conflict_error(locked.pk)
    if not workflow.is_allowed(locked.status, to, reopen=reopen):
        raise RequestError(
            _("Een vraag met status ‘%(current)s’ kan niet naar ‘%(target)s’.")
            % {"current": Status(locked.status).label, "target": Status(to).label}
        )
    if to in workflow.NOTE_REQUIRED and not note:
        raise RequestError(_("Geef een reden op."))
    now = timezone.now()
    from_status = locked.status
    resume_from = _paused_from(locked.pk) if from_status == Status.WAITING else None
    updates = {"status": to, "status_changed_at": now}
    updates.update(norms.fields_for_status_change(request=locked, to=to, now=now, resume_from=resume_from))
    if by is not None and locked.first_contact_at is None and from_status == Status.NEW:
        updates["first_contact_at"] = now
    _write(locked, version, **updates)
    for name, value in updates.items():
        setattr(request, name, value)
    request.version = locked.version
    event_log(
        request=request,
        action=workflow.ACTION_STATUS,
        by=by,
        from_status=from_status,
        to_status=to,
        note=note,
        note_args=note_args,
    )
    audit_record(action=workflow.ACTION_STATUS, by=by, target=request, detail={"from": from_status, "to": to})
    return request


@transaction.atomic
def request_assign(*, request: CultureRequest, owner, by, version: int | None = None) -> CultureRequest:
    locked = CultureRequest.objects.select_for_update().get(pk=request.pk)
    _write(locked, version, owner=owner)
    request.owner = owner
    request.version = locked.version
    event_log(
        request=request,
        action=workflow.ACTION_ASSIGNED,
        by=by,
        note=gettext_lazy("Toegewezen aan %(name)s."),
        note_args={"name": owner.get_full_name() or owner.email},
    )
    return request


# What an advisor may correct after intake (the asker's own words and contact details stay theirs).
DETAIL_FIELDS = ("age_group", "group_size", "timing", "budget_cents")


@transaction.atomic
def request_update_details(
    *, request: CultureRequest, by, version: int | None = None, **fields
) -> CultureRequest:
    """Correct the intake details; refused when someone else changed the request since `version`."""
    unknown = set(fields) - set(DETAIL_FIELDS)
    if unknown:
        raise RequestError(_("Deze gegevens kunnen hier niet worden gewijzigd."))
    locked = CultureRequest.objects.select_for_update().get(pk=request.pk)
    changed = {name: value for name, value in fields.items() if getattr(locked, name) != value}
    _write(locked, version, **changed)
    for name, value in changed.items():
        setattr(request, name, value)
    request.version = locked.version
    if changed:
        event_log(
            request=request,
            action=workflow.ACTION_DETAILS,
            by=by,
            note=", ".join(str(CultureRequest._meta.get_field(name).verbose_name) for name in changed),
        )
    return request


def _start_waiting(*, request: CultureRequest, by) -> None:
    """A message that asks the asker something: the request waits on their answer."""
    locked = CultureRequest.objects.select_for_update().get(pk=request.pk)
    if locked.status == Status.WAITING:
        return
    if locked.status == Status.NEW:
        request_change_status(request=request, to=Status.IN_CONVERSATION, by=by)
    elif not workflow.is_allowed(locked.status, Status.WAITING):
        raise RequestError(
            _("Een vraag met status ‘%(current)s’ kan niet op antwoord van de vraagsteller wachten.")
            % {"current": Status(locked.status).label}
        )
    request_change_status(request=request, to=Status.WAITING, by=by)


@transaction.atomic
def message_send(*, request: CultureRequest, body: str, by, waiting: bool = False) -> Message:
    """A message from the advisor to the asker: on the status page, and e-mailed when there is an address.

    With `waiting` the message asks something and the request waits on the asker's answer.
    """
    body = body.strip()
    if not body:
        raise RequestError(_("Schrijf een bericht."))
    if waiting:
        _start_waiting(request=request, by=by)
    message = Message.objects.create(request=request, direction=Direction.TO_ASKER, author=by, body=body)
    if request.first_contact_at is None:
        now = timezone.now()
        CultureRequest.objects.filter(pk=request.pk, first_contact_at__isnull=True).update(
            first_contact_at=now
        )
        request.first_contact_at = now
    event_log(request=request, action=workflow.ACTION_MESSAGE_SENT, by=by, note=body)
    if request.requester_email:
        notification_queue(request=request, kind=NotificationKind.MESSAGE, key=str(message.pk))
    return message


@transaction.atomic
def message_receive(
    *,
    request: CultureRequest,
    body: str,
    attachments=(),
    refused=(),
    by_email: bool = False,
    email_message_id: str = "",
) -> Message | None:
    """A reply from the asker (status page or e-mail): on the timeline, the owner told, the wait over.

    `attachments` are requests.inbound.Attachment (already type checked); `refused` the names of
    files that were not kept, noted on the timeline so the advisor can ask for them another way.
    A reply by e-mail passes its Message-ID; one that is already filed returns None.
    """
    body = body.strip()
    if not body and not attachments:
        raise RequestError(_("Schrijf een bericht."))
    locked = CultureRequest.objects.select_for_update().get(pk=request.pk)
    # Under the request's row lock: the same e-mail delivered twice is filed once (None the second time).
    if (
        email_message_id
        and Message.objects.filter(request=request, email_message_id=email_message_id).exists()
    ):
        return None
    message = Message.objects.create(
        request=request,
        direction=Direction.FROM_ASKER,
        body=body or _("(alleen bijlagen)"),
        email_message_id=email_message_id,
    )
    for attachment in attachments:
        MessageAttachment.objects.create(
            message=message,
            file=ContentFile(attachment.data, name=attachment.filename),
            filename=attachment.filename,
            content_type=attachment.content_type,
            size=len(attachment.data),
        )
    note = message.body
    if attachments:
        note += "\n" + _("Bijlagen: %(names)s") % {"names": ", ".join(a.filename for a in attachments)}
    if refused:
        note += "\n" + _("Niet bewaard (geen pdf, jpeg of png, of te groot): %(names)s") % {
            "names": ", ".join(refused)
        }
    label = gettext_noop("Vraagsteller, per e-mail") if by_email else ""
    event_log(request=request, action=workflow.ACTION_MESSAGE_RECEIVED, note=note, label=label)
    if locked.status == Status.WAITING:
        request_change_status(
            request=request,
            to=Status.IN_CONVERSATION,
            note=gettext_lazy("De vraagsteller heeft geantwoord."),
            by=None,
        )
    notification_queue(request=request, kind=NotificationKind.REPLY, key=str(message.pk))
    return message


@transaction.atomic
def note_add(*, request: CultureRequest, body: str, by) -> InternalNote:
    body = body.strip()
    if not body:
        raise RequestError(_("Schrijf een notitie."))
    note = InternalNote.objects.create(request=request, author=by, body=body)
    event_log(request=request, action=workflow.ACTION_NOTE, by=by)
    return note


def request_withdraw(*, request: CultureRequest, note="") -> CultureRequest:
    """The asker withdraws their own question from the status page."""
    if request.status not in workflow.ASKER_MAY_WITHDRAW:
        raise RequestError(_("Deze vraag is al afgesloten."))
    return request_change_status(request=request, to=Status.WITHDRAWN, note=note, by=None)


@transaction.atomic
def evaluation_submit(
    *, request: CultureRequest, satisfaction, answered, would_ask_again, comment=""
) -> Evaluation:
    if request.status != Status.COMPLETED or Evaluation.objects.filter(request=request).exists():
        raise RequestError(_("Voor deze vraag kunt u (nu) geen evaluatie invullen."))
    evaluation = Evaluation.objects.create(
        request=request,
        satisfaction=satisfaction,
        answered=answered,
        would_ask_again=would_ask_again,
        comment=comment.strip(),
    )
    request_change_status(
        request=request, to=Status.EVALUATED, note=gettext_lazy("Evaluatie ingevuld."), by=None
    )
    return evaluation


@transaction.atomic
def request_move(
    *,
    request: CultureRequest,
    to: str,
    note: str = "",
    tell_asker: bool = False,
    by,
    version: int | None = None,
) -> CultureRequest:
    """A status change from the board, optionally with its note sent to the asker as a message."""
    request_change_status(request=request, to=to, note=note, by=by, version=version)
    if tell_asker and note.strip():
        message_send(request=request, body=note, by=by)
    return request
