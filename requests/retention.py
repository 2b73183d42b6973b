"""Retention: personal data of closed requests is removed after the period the privacy statement names.

The job fans out one task per request; each removal is its own transaction and leaves a note on
the timeline. What stays: reference, district, 4-digit postcode area, kind, disciplines, statuses,
dates, matches and funding: the counts, without the person.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy, gettext_noop

from cultuur.audit import audit_record
from requests.models import (
    SYSTEM_LABEL,
    CultureRequest,
    Evaluation,
    InternalNote,
    Message,
    MessageAttachment,
    RequestEvent,
)
from requests.services import request_withdraw
from requests.workflow import CLOSED_STATUSES

REMOVED = "(verwijderd)"


def requests_due_for_anonymisation(*, now=None):
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.REQUESTS_RETENTION_DAYS)
    return CultureRequest.objects.filter(
        status__in=CLOSED_STATUSES, status_changed_at__lt=cutoff, anonymised_at__isnull=True
    )


def _attachments_delete(request) -> None:
    """Files the asker sent are personal data too: the files go once the transaction commits (a
    rollback keeps them with their rows), the rows now."""
    attachments = list(MessageAttachment.objects.filter(message__request=request))
    MessageAttachment.objects.filter(pk__in=[a.pk for a in attachments]).delete()
    names = [a.file.name for a in attachments]
    storage = MessageAttachment._meta.get_field("file").storage

    def delete_files():
        for name in names:
            storage.delete(name)

    transaction.on_commit(delete_files, robust=True)


@transaction.atomic
def request_anonymise(*, request_id: int, now=None) -> bool:
    """Remove the asker's personal data from one closed request; False when it was done already."""
    now = now or timezone.now()
    request = (
        CultureRequest.objects.select_for_update().filter(pk=request_id, anonymised_at__isnull=True).first()
    )
    if request is None or request.status not in CLOSED_STATUSES:
        return False
    CultureRequest.objects.filter(pk=request.pk).update(
        requester_name=REMOVED,
        requester_email="",
        requester_phone="",
        postcode=request.postcode[:4],
        question=REMOVED,
        timing="",
        anonymised_at=now,
    )
    Message.objects.filter(request=request).update(body=REMOVED, email_message_id="")
    _attachments_delete(request)
    InternalNote.objects.filter(request=request).update(body=REMOVED)
    Evaluation.objects.filter(request=request).update(comment="")
    RequestEvent.objects.filter(request=request).exclude(note="").update(
        note=REMOVED, note_key="", note_args={}
    )
    RequestEvent.objects.create(
        request=request,
        action="requests.request.anonymised",
        actor_label=SYSTEM_LABEL,
        note=gettext_noop("Persoonsgegevens verwijderd na de bewaartermijn."),
        note_key=gettext_noop("Persoonsgegevens verwijderd na de bewaartermijn."),
    )
    return True


@transaction.atomic
def request_erase_on_request(*, request: CultureRequest) -> None:
    """The asker asks us to forget them (AVG art. 17): an open question is withdrawn, and the personal
    data is removed now instead of after the retention period. The counts stay, without the person."""
    request = CultureRequest.objects.select_for_update().get(pk=request.pk)
    if request.status not in CLOSED_STATUSES:
        request_withdraw(
            request=request, note=gettext_lazy("De vraagsteller vroeg om verwijdering van de gegevens.")
        )
    request_anonymise(request_id=request.pk)
    audit_record(action="requests.request.erased_on_request", target=request)
