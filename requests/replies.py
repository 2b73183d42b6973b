"""Filing an e-mail reply on its request: the decisions of the inbound receiver, as SMTP replies.

The receiver (requests/mail_receiver.py) asks `recipient_verdict` at RCPT time and hands the
whole mail to `email_reply_receive` at DATA time; both return the SMTP reply line to send.
"""

import logging

from django.conf import settings
from django.db import close_old_connections, connection

from requests import inbound, services
from requests.models import CultureRequest

logger = logging.getLogger(__name__)

OK = "250 2.0.0 OK"
OK_IGNORED = "250 2.0.0 OK (automatic reply, not filed)"
UNKNOWN = "550 5.1.1 No such reply address"
CLOSED = "550 5.7.1 This question is closed; please use the link in our e-mail"
TOO_BIG = "552 5.3.4 Message too big"
EMPTY = "554 5.6.0 The reply has no text"
TRY_LATER = "451 4.3.0 Temporary failure, please try again later"


def _fresh_connection() -> None:
    """The receiver is a long-running process: drop a connection that broke or outlived its age, as
    Django does around each web request. Never inside a transaction (a caller's, or a test's), where
    closing would break the caller's connection instead."""
    if not connection.in_atomic_block:
        close_old_connections()


def request_for_address(address: str) -> CultureRequest | None:
    """The open request behind a reply address; None for a forged, unknown or closed one."""
    token = inbound.reply_token_of(address)
    if token is None:
        return None
    return CultureRequest.objects.filter(reply_token=token).select_related("district", "owner").first()


def recipient_verdict(address: str) -> str:
    _fresh_connection()
    try:
        request = request_for_address(address)
    except Exception:
        logger.exception("inbound mail: recipient lookup failed")
        return TRY_LATER
    if request is None:
        return UNKNOWN
    if not request.is_open:
        return CLOSED
    return OK


def email_reply_receive(*, raw: bytes, recipients: list[str], mail_from: str | None = None) -> str:
    """File one inbound e-mail on the request(s) it was sent to; never raises."""
    _fresh_connection()
    try:
        return _receive(raw=raw, recipients=recipients, mail_from=mail_from)
    except Exception:
        # The sending server keeps the mail and tries again; nothing half-stored (one transaction).
        logger.exception("inbound mail: filing a reply failed")
        return TRY_LATER
    finally:
        _fresh_connection()


def _receive(*, raw: bytes, recipients: list[str], mail_from: str | None) -> str:
    if len(raw) > settings.INBOUND_EMAIL_MAX_BYTES:
        return TOO_BIG
    requests = []
    for address in recipients:
        request = request_for_address(address)
        if request is None:
            return UNKNOWN
        if not request.is_open:
            return CLOSED
        if request not in requests:
            requests.append(request)
    if not requests:
        return UNKNOWN
    mail = inbound.parse_mail(raw, mail_from=mail_from)
    if mail.auto_reply:
        # Accepted, so the sender's system does not retry or bounce; not stored, nobody told.
        logger.info("inbound mail: automatic reply for %s ignored", [r.reference for r in requests])
        return OK_IGNORED
    if not mail.text and not mail.attachments:
        return EMPTY
    for request in requests:
        services.message_receive(
            request=request,
            body=mail.text,
            attachments=mail.attachments,
            refused=mail.refused,
            by_email=True,
            email_message_id=mail.message_id,
        )
    return OK
