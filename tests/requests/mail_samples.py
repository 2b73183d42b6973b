"""Raw e-mails as mail clients send them, for the inbound tests (unit, stack and browser)."""

from email.message import EmailMessage
from email.utils import make_msgid

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def reply_mail(
    to: str,
    text: str | None = "Dank u wel, dinsdag past goed.",
    *,
    subject: str = "Re: Nieuw bericht over uw cultuurvraag",
    sender: str = "fatima@example.org",
    html: str | None = None,
    headers: dict | None = None,
    attachments: list[tuple[str, str, bytes]] = (),
    message_id: str | None = None,
) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Message-ID"] = message_id or make_msgid(domain="example.org")
    for name, value in (headers or {}).items():
        msg[name] = value
    if text is not None:
        msg.set_content(text)
    if html is not None:
        if text is None:
            msg.set_content(html, subtype="html")
        else:
            msg.add_alternative(html, subtype="html")
    for filename, content_type, data in attachments:
        maintype, subtype = content_type.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return msg.as_bytes()
