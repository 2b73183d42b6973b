"""Every sign-in attempt is logged (ASVS V7): successful, failed and sign-outs."""

from django.contrib.auth import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from cultuur.audit import audit_record


@receiver(user_logged_in)
def log_sign_in(sender, request, user, **kwargs):
    audit_record(action="auth.login.succeeded", by=user, target=user, request=request)


@receiver(user_login_failed)
def log_failed_sign_in(sender, credentials, request=None, **kwargs):
    attempted = credentials.get("email") or credentials.get("username") or credentials.get("login") or ""
    audit_record(action="auth.login.failed", detail={"login": str(attempted)[:254]}, request=request)


@receiver(user_logged_out)
def log_sign_out(sender, request, user, **kwargs):
    if user is not None:
        audit_record(action="auth.logout", by=user, target=user, request=request)
