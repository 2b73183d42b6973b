from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler

from cultuur.audit import audit_record


def exception_handler(exc, context):
    """DRF's handler, plus an audit entry for every refused authorisation of a signed-in caller."""
    request = context.get("request")
    if isinstance(exc, exceptions.PermissionDenied) and request is not None:
        audit_record(
            action="auth.access.refused",
            by=request.user,
            detail={"path": request.path[:500], "method": request.method, "api": True},
            request=request,
        )
    return drf_exception_handler(exc, context)
