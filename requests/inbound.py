"""Replies by e-mail: the signed reply address, and reading a raw e-mail into what we keep.

Plain functions without I/O, so that tests call them directly; requests/mail_receiver.py is the
thin SMTP/LMTP handler around them and requests.services.message_receive does the write.
"""

import hashlib
import hmac
import html
import logging
import re
from dataclasses import dataclass, field
from email import policy
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesParser
from html.parser import HTMLParser

from django.conf import settings
from django.utils.text import get_valid_filename

logger = logging.getLogger(__name__)

LOCAL_PREFIX = "vraag"
_ADDRESS = re.compile(rf"^{LOCAL_PREFIX}\+([0-9a-f]{{20}})\.([0-9a-f]{{16}})$")


# --- the reply address -------------------------------------------------------------------------


def _signature(reply_token: str) -> str:
    key = f"cultuur.requests.reply-address:{settings.SECRET_KEY}".encode()
    return hmac.new(key, reply_token.encode(), hashlib.sha256).hexdigest()[:16]


def reply_address(reply_token: str) -> str:
    """vraag+<token>.<signature>@<INBOUND_EMAIL_DOMAIN>, or "" when replies by e-mail are off."""
    domain = settings.INBOUND_EMAIL_DOMAIN
    if not domain or not reply_token:
        return ""
    return f"{LOCAL_PREFIX}+{reply_token}.{_signature(reply_token)}@{domain}"


def reply_token_of(address: str) -> str | None:
    """The request's reply token when `address` is one of ours and its signature holds, else None.

    Checked before any database read: a forged or guessed address costs nothing but a hash.
    """
    domain = settings.INBOUND_EMAIL_DOMAIN
    address = (address or "").strip().strip("<>").lower()
    local, _at, host = address.rpartition("@")
    if not domain or host != domain.lower():
        return None
    match = _ADDRESS.match(local)
    if match is None:
        return None
    token, signature = match.groups()
    if not hmac.compare_digest(signature, _signature(token)):
        return None
    return token


# --- reading the mail --------------------------------------------------------------------------

ALLOWED_TYPES = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}
_MAGIC = [
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
]


def sniff_type(data: bytes) -> str | None:
    """The file's type from its first bytes (never from the sender's word); None when not allowed."""
    for magic, content_type in _MAGIC:
        if data.startswith(magic):
            return content_type
    return None


@dataclass
class Attachment:
    filename: str
    content_type: str
    data: bytes


@dataclass
class InboundMail:
    subject: str = ""
    message_id: str = ""
    text: str = ""
    auto_reply: bool = False
    attachments: list[Attachment] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # file names that were not kept, for the timeline


_AUTO_SUBJECT = re.compile(
    r"^\s*(afwezig|automatisch antwoord|automatisch bericht|out of office|automatic reply|"
    r"auto(?:matic)?[ -]?reply|autoreply|abwesend)\b",
    re.IGNORECASE,
)


def is_auto_reply(msg: Message, mail_from: str | None = None) -> bool:
    """RFC 3834 and what common clients send instead; a bounce (empty return path) counts too."""
    if mail_from is not None and mail_from.strip("<> ") == "":
        return True
    auto_submitted = str(msg.get("Auto-Submitted", "") or "").split(";")[0].strip().lower()
    if auto_submitted and auto_submitted != "no":
        return True
    if msg.get("X-Autoreply") is not None or msg.get("X-Autorespond") is not None:
        return True
    if str(msg.get("Precedence", "") or "").strip().lower() in {"bulk", "auto_reply", "list", "junk"}:
        return True
    return bool(_AUTO_SUBJECT.match(str(msg.get("Subject", "") or "")))


def _decoded_text(part: Message) -> str:
    """A text part as str whatever its charset claims; a wrong or unknown charset never raises."""
    payload = part.get_payload(decode=True)
    if payload is None:
        payload = str(part.get_payload() or "").encode("utf-8", "replace")
    charset = part.get_content_charset() or "utf-8"
    for candidate in (charset, "utf-8", "cp1252"):
        try:
            return payload.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode("latin-1")


class _HtmlToText(HTMLParser):
    """Visible text of an HTML mail, without the quoted original (blockquote, Gmail and Outlook blocks)."""

    BREAKS = {"br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "table"}
    SKIP = {"script", "style", "head", "title", "blockquote"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skipping = 0  # depth inside a skipped element
        self.stack: list[bool] = []
        self.stopped = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        quoted = "gmail_quote" in (attrs.get("class") or "") or attrs.get("id") in {
            "divRplyFwdMsg",
            "appendonsend",
        }
        if quoted:
            self.stopped = True  # everything after the quote marker is the original message
        if tag in {"br", "img", "hr", "meta", "link", "input"}:
            if tag == "br":
                self.out.append("\n")
            return
        skip = tag in self.SKIP or quoted
        self.stack.append(skip)
        if skip:
            self.skipping += 1
        if tag in self.BREAKS:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in {"br", "img", "hr", "meta", "link", "input"} or not self.stack:
            return
        if self.stack.pop():
            self.skipping -= 1
        if tag in self.BREAKS:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skipping and not self.stopped:
            self.out.append(data)


def html_to_text(markup: str) -> str:
    parser = _HtmlToText()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # malformed markup: keep what was read so far
        logger.info("inbound mail: HTML part only partly readable", exc_info=True)
    text = html.unescape("".join(parser.out)).replace("\xa0", " ")
    lines = [line.strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# Where the quoted original or a signature starts: everything from that line on is dropped.
_CUT_LINES = [
    re.compile(r"^-- ?$"),  # the signature delimiter (RFC 3676 "-- "; some clients trim the space)
    re.compile(r"^_{10,}\s*$"),  # Outlook's rule above the original
    re.compile(r"^-{3,}\s*(original message|oorspronkelijk bericht|origineel bericht)\s*-{3,}$", re.I),
    re.compile(r"^(verzonden|sent) (vanaf|van|met|from|with) (mijn|my) ", re.I),
    re.compile(r"^(begin doorgestuurd bericht|begin forwarded message|forwarded message)", re.I),
]
_WROTE = re.compile(r"^(op|on|am|le)\b.{4,300}\b(schreef|wrote|schrieb|a écrit)\b.*:$", re.I | re.S)
_OUTLOOK_FROM = re.compile(r"^\*?(van|from)\s*:\*?\s", re.I)
_OUTLOOK_FIELD = re.compile(r"^\*?(verzonden|sent|datum|date|aan|to|onderwerp|subject)\s*:", re.I)


def strip_quoted(text: str) -> str:
    """The reply without the message it answers, quoted lines and the signature.

    Handles Dutch and English clients: "Op ... schreef ...:" and "On ... wrote:" (also wrapped over
    two lines, as Gmail does), "> " lines, "-- " signatures and Outlook's "Van:/Verzonden:" header.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept: list[str] = []
    for index, raw in enumerate(lines):
        line = raw.strip()
        if any(pattern.match(line) for pattern in _CUT_LINES):
            break
        two = f"{line} {lines[index + 1].strip()}" if index + 1 < len(lines) else line
        if _WROTE.match(line) or (line[:3].lower() in {"op ", "on "} and _WROTE.match(two)):
            break
        if _OUTLOOK_FROM.match(line) and any(
            _OUTLOOK_FIELD.match(following.strip()) for following in lines[index + 1 : index + 5]
        ):
            break
        if line.startswith(">"):
            continue
        kept.append(raw.rstrip())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


def _body_part(msg: Message) -> tuple[str, Message] | None:
    """The first text/plain part, else the first text/html part, outside any attachment."""
    found: dict[str, Message] = {}
    for part in msg.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        kind = part.get_content_type()
        if kind in ("text/plain", "text/html") and kind not in found:
            found[kind] = part
    for kind in ("text/plain", "text/html"):
        if kind in found:
            return kind, found[kind]
    return None


def _attachments(msg: Message, mail: InboundMail) -> None:
    for part in msg.walk():
        if part.is_multipart():
            continue
        filename = part.get_filename()
        if part.get_content_disposition() != "attachment" and not filename:
            continue
        if part.get_content_maintype() == "text" and not filename:
            continue
        name = get_valid_filename(str(filename or "bijlage"))[-100:] or "bijlage"
        try:
            data = part.get_payload(decode=True) or b""
        except Exception:
            data = b""
        content_type = sniff_type(data)
        if (
            content_type is None
            or len(data) > settings.INBOUND_ATTACHMENT_MAX_BYTES
            or len(mail.attachments) >= settings.INBOUND_ATTACHMENTS_MAX
        ):
            mail.refused.append(name)
            continue
        extension = ALLOWED_TYPES[content_type]
        if not name.lower().endswith(extension) and not (
            content_type == "image/jpeg" and name.lower().endswith(".jpeg")
        ):
            name = f"{name}{extension}"
        mail.attachments.append(Attachment(filename=name, content_type=content_type, data=data))


def parse_mail(raw: bytes, mail_from: str | None = None) -> InboundMail:
    """Read a raw e-mail into its reply text and kept attachments. Never raises on bad input."""
    try:
        msg = BytesParser(policy=policy.compat32).parsebytes(raw)
    except Exception:
        return InboundMail()
    mail = InboundMail()
    try:
        mail.subject = _header_text(msg.get("Subject", ""))
        mail.message_id = str(msg.get("Message-ID", "") or "").strip()[:250]
        mail.auto_reply = is_auto_reply(msg, mail_from)
        body = _body_part(msg)
        if body is not None:
            kind, part = body
            text = _decoded_text(part)
            mail.text = strip_quoted(html_to_text(text) if kind == "text/html" else text)
        _attachments(msg, mail)
    except Exception:  # a part nobody can read: keep what was read, never crash the receiver
        logger.warning("inbound mail: a part could not be read", exc_info=True)
    return mail


def _header_text(value) -> str:
    """A header decoded (RFC 2047) to str; an undecodable one stays as it came."""
    try:
        return str(make_header(decode_header(str(value))))
    except Exception:
        return str(value)
