"""Merging duplicates into one primary request: the others close as "merged", every asker keeps
their own status link (it shows the primary's progress) and is told by e-mail."""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cultuur.audit import audit_record
from requests import workflow
from requests.advisor_models import RequestMerge
from requests.models import CultureRequest, NotificationKind
from requests.notifications import notification_queue
from requests.selectors import can_work_on
from requests.services import RequestError, event_log, request_change_status
from requests.workflow import CLOSED_STATUSES, Status

MERGE_MAX = 5


def _check(*, primary, others, by) -> None:
    if not others:
        raise RequestError(_("Kies minstens één vraag om samen te voegen."))
    if len(others) > MERGE_MAX:
        raise RequestError(_("U kunt hoogstens %(max)s vragen tegelijk samenvoegen.") % {"max": MERGE_MAX})
    for other in others:
        if other.pk == primary.pk:
            raise RequestError(_("Een vraag kan niet met zichzelf worden samengevoegd."))
        if other.district_id != primary.district_id:
            raise RequestError(
                _("%(reference)s hoort bij een andere wijk. Alleen vragen uit dezelfde wijk kunnen samen.")
                % {"reference": other.reference}
            )
    for other in [primary, *others]:
        if not can_work_on(by, other):
            raise RequestError(_("U mag %(reference)s niet wijzigen.") % {"reference": other.reference})
        if other.status in CLOSED_STATUSES:
            raise RequestError(
                _("%(reference)s is al afgesloten (%(status)s) en kan niet worden samengevoegd.")
                % {"reference": other.reference, "status": Status(other.status).label}
            )


@transaction.atomic
def requests_merge(*, primary: CultureRequest, others: list[CultureRequest], by) -> list[CultureRequest]:
    """Fold `others` into `primary`. Checks scope, district and status under row locks first."""
    ids = sorted({primary.pk, *(other.pk for other in others)})
    # Lock in id order, so two merges over the same requests cannot deadlock.
    locked = {r.pk: r for r in CultureRequest.objects.select_for_update().filter(pk__in=ids).order_by("pk")}
    primary = locked[primary.pk]
    others = [locked[pk] for pk in dict.fromkeys(other.pk for other in others)]
    _check(primary=primary, others=others, by=by)
    # Up to MERGE_MAX questions end up in one primary, counting earlier merges and the ones that
    # the merged questions carry (they move along, so a status link never points at a merged one).
    carried = RequestMerge.objects.filter(primary__in=[*others, primary]).count()
    if carried + len(others) > MERGE_MAX:
        raise RequestError(
            _(
                "In één vraag kunnen hoogstens %(max)s andere vragen opgaan; %(reference)s heeft er al %(count)s."
            )
            % {"max": MERGE_MAX, "reference": primary.reference, "count": carried}
        )
    RequestMerge.objects.filter(primary__in=others).update(primary=primary)
    for other in others:
        request_change_status(
            request=other,
            to=Status.MERGED,
            note=gettext_lazy("Samengevoegd met %(reference)s."),
            note_args={"reference": primary.reference},
            by=by,
            service_only=True,
        )
        RequestMerge.objects.create(request=other, primary=primary, by=by)
        event_log(
            request=other,
            action=workflow.ACTION_MERGED_INTO,
            by=by,
            note=gettext_lazy("Verder behandeld als %(reference)s."),
            note_args={"reference": primary.reference},
        )
        if other.requester_email:
            notification_queue(request=other, kind=NotificationKind.MERGED, key=f"into-{primary.pk}")
    references = ", ".join(other.reference for other in others)
    event_log(
        request=primary,
        action=workflow.ACTION_MERGED,
        by=by,
        note=gettext_lazy("Samengevoegd met deze vraag: %(references)s."),
        note_args={"references": references},
    )
    if primary.requester_email:
        key = "primary-" + "-".join(str(other.pk) for other in others)
        notification_queue(request=primary, kind=NotificationKind.MERGED, key=key[:40])
    audit_record(
        action=workflow.ACTION_MERGED,
        by=by,
        target=primary,
        detail={"merged": [other.reference for other in others]},
    )
    return others


def merge_primary_of(culture_request) -> CultureRequest | None:
    """The request a merged one now lives on, or None."""
    if culture_request.status != Status.MERGED:
        return None
    record = (
        RequestMerge.objects.select_related("primary", "primary__district")
        .filter(request=culture_request)
        .first()
    )
    return record.primary if record else None


def merged_into(culture_request) -> list[CultureRequest]:
    """The requests merged into this one, oldest merge first."""
    return [m.request for m in RequestMerge.objects.filter(primary=culture_request).select_related("request")]
