"""Every sign-in attempt is logged (ASVS V7), and every task that failed for good is kept."""

from celery.signals import task_failure
from django.contrib.auth import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from cultuur.audit import audit_record
from cultuur.models import FailedTask


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


@receiver(task_failure)
def keep_failed_task(sender=None, task_id=None, exception=None, args=None, kwargs=None, einfo=None, **extra):
    """A task that failed after its retries is stored for admins (Beheer > Mislukte taken)."""
    FailedTask.objects.update_or_create(
        task_id=str(task_id),
        defaults={
            "task_name": getattr(sender, "name", str(sender))[:200],
            "args": repr({"args": args, "kwargs": kwargs})[:2000],
            "exception": repr(exception)[:2000],
            "traceback": str(einfo or "")[:10000],
        },
    )
