"""The asker reopens a question after an unhappy evaluation (score 1-2 or "not answered")."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from requests import workflow
from requests.models import CultureRequest, Evaluation, NotificationKind
from requests.notifications import notification_queue
from requests.services import RequestError, event_log, request_change_status


def may_reopen(request: CultureRequest) -> bool:
    """What the status page asks before it offers the button (the service checks again)."""
    evaluation = getattr(request, "evaluation", None) if request.pk else None
    return (
        request.status in workflow.REOPEN_FROM
        and evaluation is not None
        and evaluation.is_unhappy
        and evaluation.reopened_at is None
    )


@transaction.atomic
def request_reopen(*, request: CultureRequest, reason: str = "") -> CultureRequest:
    """Back to the district board, flagged, in conversation with a fresh norm; the owner is told.

    Once per evaluation: the claim is a conditional update of the evaluation, so a second post
    (or two at the same time) finds it taken and changes nothing.
    """
    current = CultureRequest.objects.select_for_update().values_list("status", flat=True).get(pk=request.pk)
    evaluation = Evaluation.objects.filter(request=request).first()
    if current not in workflow.REOPEN_FROM or evaluation is None or not evaluation.is_unhappy:
        raise RequestError(_("Deze vraag kan niet worden heropend."))
    now = timezone.now()
    claimed = Evaluation.objects.filter(pk=evaluation.pk, reopened_at__isnull=True).update(reopened_at=now)
    if not claimed:
        raise RequestError(_("U heeft deze vraag al eens heropend."))
    reason = (reason or "").strip()
    request_change_status(
        request=request,
        to=workflow.REOPEN_TO,
        note=reason or gettext_lazy("Heropend door de vraagsteller na de evaluatie."),
        by=None,
        reopen=True,
    )
    CultureRequest.objects.filter(pk=request.pk).update(reopened_at=now)
    request.reopened_at = now
    event_log(request=request, action=workflow.ACTION_REOPENED, note=reason)
    notification_queue(request=request, kind=NotificationKind.REOPENED)
    return request
