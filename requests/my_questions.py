""" "My questions": an asker asks for a one-time link by e-mail and sees all their questions, no account.

The page answers the same whether or not the address is known: the view only enqueues a task
(on commit, in both cases), and the task looks the address up and sends the link if it has
questions. The link's token is random; only its SHA-256 is stored, with an expiry and a used mark
that a conditional update sets, so a link opens once.
"""

import hashlib
import logging
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from cultuur.queue import enqueue_on_commit
from requests.advisor_models import MyQuestionsLink
from requests.models import CultureRequest
from requests.workflow import OPEN_STATUSES

logger = logging.getLogger(__name__)

# Closed questions stay on the list this long after their last status change.
RECENT = timedelta(days=180)
SESSION_KEY = "requests_my_questions"
# How long the list stays open in the browser that used the link.
SESSION_SECONDS = 30 * 60


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def rate_limited(*, address: str, email: str) -> bool:
    """Count this attempt per client address and per e-mail address; True beyond the limit."""
    limited = False
    for kind, value in (("ip", address), ("email", _hash(normalise_email(email)))):
        key = f"requests:my-questions-rate:{kind}:{value}"
        cache.add(key, 0, timeout=settings.REQUESTS_FORM_RATE_WINDOW)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=settings.REQUESTS_FORM_RATE_WINDOW)
            count = 1
        limited = limited or count > settings.REQUESTS_MY_QUESTIONS_RATE_LIMIT
    return limited


def questions_for_email(email: str) -> QuerySet[CultureRequest]:
    """An address's open questions and the ones closed recently, newest first."""
    since = timezone.now() - RECENT
    return (
        CultureRequest.objects.filter(
            requester_email__iexact=normalise_email(email), anonymised_at__isnull=True
        )
        .filter(Q(status__in=OPEN_STATUSES) | Q(status_changed_at__gte=since))
        .select_related("district")
        .order_by("-created_at", "-pk")
    )


def my_questions_ask(*, email: str) -> None:
    """Send the link after commit, whatever the address: the task decides whether there is anything."""
    email = normalise_email(email)
    enqueue_on_commit("requests.tasks.send_my_questions_link", email)


def my_questions_link_send(*, email: str, now=None) -> bool:
    """Create a link and e-mail it when the address has questions; True when a mail went out."""
    email = normalise_email(email)
    if not questions_for_email(email).exists():
        return False
    now = now or timezone.now()
    token = secrets.token_urlsafe(32)
    MyQuestionsLink.objects.create(
        email=email,
        token_hash=_hash(token),
        expires_at=now + timedelta(minutes=settings.REQUESTS_MY_QUESTIONS_LINK_MINUTES),
    )
    context = {
        "url": settings.SITE_URL + reverse("requests:my_questions_open", args=[token]),
        "minutes": settings.REQUESTS_MY_QUESTIONS_LINK_MINUTES,
    }
    with translation.override("nl"):
        text = render_to_string("requests/email/my_questions.txt", context)
    subject, _sep, body = text.strip().partition("\n")
    send_mail(subject.strip(), body.strip() + "\n", settings.DEFAULT_FROM_EMAIL, [email])
    return True


def link_usable(token: str, *, now=None) -> bool:
    now = now or timezone.now()
    return MyQuestionsLink.objects.filter(
        token_hash=_hash(token), used_at__isnull=True, expires_at__gt=now
    ).exists()


def my_questions_open(*, token: str, now=None) -> str | None:
    """Use the link once: the e-mail address behind it, or None when it is unknown, used or expired."""
    now = now or timezone.now()
    link = MyQuestionsLink.objects.filter(token_hash=_hash(token)).first()
    if link is None:
        return None
    claimed = MyQuestionsLink.objects.filter(pk=link.pk, used_at__isnull=True, expires_at__gt=now).update(
        used_at=now
    )
    return link.email if claimed else None


def links_expired_delete(*, now=None) -> int:
    """Housekeeping: links a day past their expiry are of no use to anyone."""
    now = now or timezone.now()
    deleted, _rows = MyQuestionsLink.objects.filter(expires_at__lt=now - timedelta(days=1)).delete()
    return deleted
