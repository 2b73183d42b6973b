"""The inbound SMTP/LMTP receiver (aiosmtpd): thin, every decision is in requests/replies.py."""

from aiosmtpd.controller import Controller
from aiosmtpd.lmtp import LMTP
from aiosmtpd.smtp import SMTP
from asgiref.sync import sync_to_async
from django.conf import settings

from requests import replies


class ReplyHandler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        # Unknown and forged addresses are refused here, before any data is sent or stored.
        verdict = await sync_to_async(replies.recipient_verdict)(address)
        if verdict.startswith("250"):
            envelope.rcpt_tos.append(address)
        return verdict

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content or b""
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        return await sync_to_async(replies.email_reply_receive)(
            raw=raw, recipients=list(envelope.rcpt_tos), mail_from=envelope.mail_from
        )


class ReplyController(Controller):
    def __init__(self, *, host: str, port: int, lmtp: bool = False):
        self.lmtp = lmtp
        super().__init__(
            ReplyHandler(),
            hostname=host,
            port=port,
            # aiosmtpd answers 552 itself to a larger SIZE or more data than this.
            data_size_limit=settings.INBOUND_EMAIL_MAX_BYTES,
            enable_SMTPUTF8=True,
            server_hostname=settings.INBOUND_EMAIL_DOMAIN or None,
        )

    def factory(self):
        server_class = LMTP if self.lmtp else SMTP
        return server_class(self.handler, **self.SMTP_kwargs)
