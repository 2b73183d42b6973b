"""Write to the append-only audit log. Services and views call `audit_record`; nothing else writes it."""

import functools
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


def audited(action: str):
    """Decorate a view whose successful answer is an export or a disclosure: each one is logged."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            if response.status_code == 200:
                detail = {"path": request.path[:500], "query": request.GET.urlencode()[:500], **kwargs}
                audit_record(
                    action=action,
                    by=request.user,
                    detail={k: str(v) for k, v in detail.items()},
                    request=request,
                )
            return response

        return wrapper

    return decorate
