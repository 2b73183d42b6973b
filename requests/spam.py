"""Spam protection for the public form without third parties.

- a honeypot field people never see;
- a signed form token carrying when the form was shown (minimum fill time) and a nonce
  (the idempotency key: the same form posted twice yields one request);
- a per-address rate limit counted in Django's cache. The default LocMemCache counts per
  process; a deployment with several web processes configures a shared cache (Redis).
"""

import logging
import secrets
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache

logger = logging.getLogger(__name__)
SALT = "requests.form-token"
MAX_AGE = 24 * 60 * 60


def issue_form_token(*, issued_at: float | None = None) -> str:
    issued_at = time.time() if issued_at is None else issued_at
    return signing.dumps({"t": int(issued_at), "n": secrets.token_urlsafe(24)}, salt=SALT)


def read_form_token(token: str) -> dict | None:
    """The token's payload, or None when it is forged, garbled or older than a day."""
    try:
        payload = signing.loads(token or "", salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("t"), int) or not payload.get("n"):
        return None
    return payload


def filled_too_fast(payload: dict, *, now: float | None = None) -> bool:
    now = time.time() if now is None else now
    return now - payload["t"] < settings.REQUESTS_FORM_MIN_SECONDS


def client_address(request) -> str:
    # Behind a proxy, the proxy sets REMOTE_ADDR from X-Forwarded-For (configured in the web server).
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def rate_limited(address: str) -> bool:
    """Count this attempt; True when the address went beyond the limit in the current window."""
    key = f"requests:form-rate:{address}"
    try:
        cache.add(key, 0, timeout=settings.REQUESTS_FORM_RATE_WINDOW)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=settings.REQUESTS_FORM_RATE_WINDOW)
            count = 1
    except Exception:  # noqa: BLE001
        # The shared cache (Redis) is down: a resident's question matters more than the limit.
        # The honeypot and the signed form token still hold.
        logger.warning("form rate limit skipped: the cache is unavailable", exc_info=True)
        return False
    return count > settings.REQUESTS_FORM_RATE_LIMIT
