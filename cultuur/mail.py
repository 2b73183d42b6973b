"""Every e-mail leaves as multipart: the plain text, and the same text as accessible HTML.

The HTML part is made from the text, so both always say the same: paragraphs stay paragraphs,
addresses become links that read as themselves, and the document carries its language and title.
"""

from email.mime.base import MIMEBase

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def html_from_text(text: str, *, subject: str, language: str | None = None) -> str:
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]
    return render_to_string(
        "email/message.html",
        {
            "subject": subject,
            "paragraphs": paragraphs,
            "language": language or translation.get_language() or "nl",
        },
    )


def with_html(message: EmailMessage, *, language: str | None = None) -> EmailMultiAlternatives:
    """`message` with an HTML alternative of its body (an already multipart message is left as it is)."""
    if isinstance(message, EmailMultiAlternatives) and message.alternatives:
        return message
    multipart = EmailMultiAlternatives(
        message.subject,
        message.body,
        message.from_email,
        message.to,
        bcc=message.bcc,
        connection=message.connection,
        headers=message.extra_headers,
        cc=message.cc,
        reply_to=message.reply_to,
    )
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):
            multipart.attach(attachment)
        else:
            multipart.attach(*attachment)
    multipart.attach_alternative(
        html_from_text(message.body, subject=message.subject, language=language), "text/html"
    )
    return multipart


def send(
    *,
    subject: str,
    body: str,
    to: list[str],
    from_email: str | None = None,
    reply_to: list[str] | None = None,
    headers: dict | None = None,
    language: str | None = None,
) -> int:
    message = EmailMessage(
        subject, body, from_email or settings.DEFAULT_FROM_EMAIL, to, reply_to=reply_to, headers=headers
    )
    return with_html(message, language=language).send()
