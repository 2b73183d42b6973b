"""Write to the append-only audit log. Services and views call `audit_record`; nothing else writes it."""

import logging

from cultuur.models import AuditLog

logger = logging.getLogger("cultuur.audit")


def client_ip(request) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def audit_record(*, action: str, by=None, target=None, detail: dict | None = None, request=None) -> AuditLog:
    """Record `action` (dotted, e.g. "requests.contact.viewed") by `by` on `target` (any model instance)."""
    actor = by if getattr(by, "is_authenticated", False) else None
    entry = AuditLog.objects.create(
        actor=actor,
        actor_label=getattr(actor, "email", "") or "",
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_label=str(target)[:200] if target is not None else "",
        detail=detail or {},
        ip_address=client_ip(request),
    )
    logger.info("%s by=%s target=%s:%s", action, entry.actor_label or "-", entry.target_type, entry.target_id)
    return entry
