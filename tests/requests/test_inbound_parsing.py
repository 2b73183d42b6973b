"""Reading inbound e-mail: the signed reply address, quote and signature stripping, auto-replies,
attachment checks and malformed mail. Plain functions: no database, no server."""

import pytest

from requests import inbound
from tests.requests.mail_samples import JPEG, PDF, PNG, reply_mail


@pytest.fixture(autouse=True)
def _domain(settings):
    settings.INBOUND_EMAIL_DOMAIN = "antwoord.cultuur.example.nl"


TOKEN_A = "0123456789abcdef0123"
TOKEN_B = "fedcba9876543210fedc"


def test_a_reply_address_carries_the_token_and_a_signature_on_the_configured_domain():
    address = inbound.reply_address(TOKEN_A)
    assert address.startswith(f"vraag+{TOKEN_A}.")
    assert address.endswith("@antwoord.cultuur.example.nl")
    assert inbound.reply_token_of(address) == TOKEN_A


def test_the_address_survives_a_mail_system_that_changes_its_case_or_adds_brackets():
    address = inbound.reply_address(TOKEN_A)
    assert inbound.reply_token_of(f"<{address.upper()}>") == TOKEN_A


def test_no_reply_address_when_replies_by_email_are_off(settings):
    settings.INBOUND_EMAIL_DOMAIN = ""
    assert inbound.reply_address(TOKEN_A) == ""


def test_a_forged_signature_is_refused():
    address = inbound.reply_address(TOKEN_A)
    local, domain = address.split("@")
    forged = local[:-1] + ("0" if local[-1] != "0" else "1")
    assert inbound.reply_token_of(f"{forged}@{domain}") is None


def test_another_requests_signature_does_not_open_this_request():
    signature_of_b = inbound.reply_address(TOKEN_B).split("@")[0].split(".")[1]
    assert inbound.reply_token_of(f"vraag+{TOKEN_A}.{signature_of_b}@antwoord.cultuur.example.nl") is None


def test_a_signature_made_with_another_secret_key_is_refused(settings):
    address = inbound.reply_address(TOKEN_A)
    settings.SECRET_KEY = "another-installation-secret-key-0123456789-abcdefghijkl"
    assert inbound.reply_token_of(address) is None


@pytest.mark.parametrize(
    "address",
    [
        "vraag+0123456789abcdef0123.0000000000000000@antwoord.cultuur.example.nl",
        "vraag+42@antwoord.cultuur.example.nl",
        "info@antwoord.cultuur.example.nl",
        "",
        "not an address",
        "vraag+0123456789abcdef0123.0000000000000000@elders.example.org",
    ],
)
def test_unknown_or_malformed_addresses_are_not_ours(address):
    assert inbound.reply_token_of(address) is None


def test_the_right_token_on_another_domain_is_refused():
    address = inbound.reply_address(TOKEN_A).replace("antwoord.cultuur.example.nl", "elders.example.org")
    assert inbound.reply_token_of(address) is None


@pytest.mark.parametrize(
    "quoted",
    [
        "Op di 1 dec. 2026 om 14:02 schreef Adviseur Noord <adviseur@cultuur.example.nl>:\n> Past dinsdag?",
        # Gmail wraps the attribution line over two lines.
        "Op di 1 dec. 2026 om 14:02 schreef Adviseur Noord <\nadviseur@cultuur.example.nl>:\n> Past dinsdag?",
        "On Tue, Dec 1, 2026 at 2:02 PM Advisor <adviseur@cultuur.example.nl> wrote:\n> Does Tuesday suit?",
        "-----Oorspronkelijk bericht-----\nVan: Cultuur\nPast dinsdag?",
        "________________________________\nVan: Cultuur <noreply@cultuur.localhost>\nVerzonden: dinsdag 1 december 2026 14:02\nAan: fatima@example.org\nOnderwerp: Nieuw bericht\n\nPast dinsdag?",
        "Van: Cultuur <noreply@cultuur.localhost>\nDatum: dinsdag 1 december 2026\nAan: fatima@example.org\nOnderwerp: Nieuw bericht",
        "From: Cultuur <noreply@cultuur.localhost>\nSent: Tuesday, December 1, 2026 2:02 PM\nTo: fatima@example.org",
        "-- \nFatima Benali\nBuurtvereniging De Kolk\n06 12345678",
        "Verzonden vanaf mijn iPhone",
        "Sent from my iPhone",
    ],
)
def test_quoted_text_and_signatures_are_stripped(quoted):
    text = f"Dank u wel, dinsdag past goed.\nIk neem mijn dochter mee.\n\n{quoted}\n"
    assert inbound.strip_quoted(text) == "Dank u wel, dinsdag past goed.\nIk neem mijn dochter mee."


def test_interleaved_quote_lines_are_dropped_and_the_answers_between_them_kept():
    text = "> Past dinsdag?\nJa, dinsdag past.\n> Hoeveel kinderen?\nVier kinderen.\n"
    assert inbound.strip_quoted(text) == "Ja, dinsdag past.\nVier kinderen."


def test_a_sentence_that_merely_starts_with_op_is_kept():
    text = "Op dinsdag kan ik niet, woensdag wel.\nGroet, Fatima"
    assert inbound.strip_quoted(text) == text


@pytest.mark.parametrize(
    "headers",
    [
        {"Auto-Submitted": "auto-replied"},
        {"Auto-Submitted": "auto-generated; owner-email=x@example.org"},
        {"X-Autoreply": "yes"},
        {"Precedence": "bulk"},
        {"Precedence": "auto_reply"},
        {"Precedence": "list"},
    ],
)
def test_auto_replies_are_recognised_by_their_headers(headers):
    assert inbound.parse_mail(reply_mail("x@example.org", headers=headers)).auto_reply


@pytest.mark.parametrize(
    "subject",
    [
        "Afwezig: Nieuw bericht",
        "Automatisch antwoord: Uw vraag",
        "Out of Office: Re: your question",
        "Automatic reply: Nieuw bericht",
    ],
)
def test_out_of_office_subjects_count_as_auto_replies(subject):
    assert inbound.parse_mail(reply_mail("x@example.org", subject=subject)).auto_reply


def test_auto_submitted_no_is_a_person_writing():
    mail = inbound.parse_mail(reply_mail("x@example.org", headers={"Auto-Submitted": "no"}))
    assert not mail.auto_reply
    assert mail.text == "Dank u wel, dinsdag past goed."


def test_a_bounce_with_an_empty_return_path_counts_as_automatic():
    assert inbound.parse_mail(reply_mail("x@example.org"), mail_from="").auto_reply


def test_an_html_only_mail_becomes_text_without_its_quoted_original():
    html = (
        "<html><head><style>p{color:red}</style></head><body><p>Dank u wel,&nbsp;dinsdag past.</p>"
        "<p>Groet,<br>Fatima</p><div class='gmail_quote'>Op di 1 dec schreef Adviseur:"
        "<blockquote>Past dinsdag?</blockquote></div></body></html>"
    )
    mail = inbound.parse_mail(reply_mail("x@example.org", None, html=html))
    assert mail.text == "Dank u wel, dinsdag past.\n\nGroet,\nFatima"


def test_the_plain_part_is_preferred_over_the_html_one():
    mail = inbound.parse_mail(reply_mail("x@example.org", "Platte tekst.", html="<p>HTML-tekst.</p>"))
    assert mail.text == "Platte tekst."


def test_a_wrong_charset_is_read_without_a_crash():
    raw = (
        b"From: a@example.org\r\nTo: x@example.org\r\nSubject: Re\r\n"
        b'Content-Type: text/plain; charset="utf-8"\r\n\r\nGeen probleem, ik kom \xe9\xe9n keer.\r\n'
    )
    assert inbound.parse_mail(raw).text == "Geen probleem, ik kom één keer."


def test_an_unknown_charset_is_read_without_a_crash():
    raw = (
        b"From: a@example.org\r\nSubject: Re\r\nContent-Type: text/plain; charset=x-klingon\r\n\r\n"
        b"Tot dinsdag.\r\n"
    )
    assert inbound.parse_mail(raw).text == "Tot dinsdag."


def test_quoted_printable_latin1_and_encoded_subject_are_decoded():
    raw = (
        b"From: a@example.org\r\nSubject: =?iso-8859-1?q?Re:_Caf=E9?=\r\n"
        b"Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        b"Het caf=E9 is prima.\r\n"
    )
    mail = inbound.parse_mail(raw)
    assert mail.text == "Het café is prima."
    assert mail.subject == "Re: Café"


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\x00\xff\xfe garbage",
        b"Content-Type: multipart/mixed; boundary=XYZ\r\n\r\n--XYZ\r\nContent-Type: text/plain\r\n\r\nhalf",
        b"Content-Type: multipart/mixed\r\n\r\nno boundary at all",
        b"Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!",
        b"Subject: =?utf-8?b?broken\r\n\r\ntext",
        b"Content-Type: image/png\r\n\r\nnot really a png",
    ],
)
def test_malformed_mail_never_raises(raw):
    mail = inbound.parse_mail(raw)
    assert isinstance(mail.text, str)


def test_a_mail_without_any_text_part_has_empty_text():
    mail = inbound.parse_mail(
        reply_mail("x@example.org", None, attachments=[("scan.pdf", "application/pdf", PDF)])
    )
    assert mail.text == ""
    assert [a.filename for a in mail.attachments] == ["scan.pdf"]


def test_pdf_jpeg_and_png_attachments_are_kept_and_typed_by_their_content():
    mail = inbound.parse_mail(
        reply_mail(
            "x@example.org",
            attachments=[
                ("offerte.pdf", "application/pdf", PDF),
                ("foto.jpg", "image/jpeg", JPEG),
                # The sender calls it a PDF; its bytes say PNG, and the name gets the right extension.
                ("tekening", "application/pdf", PNG),
            ],
        )
    )
    assert [(a.filename, a.content_type) for a in mail.attachments] == [
        ("offerte.pdf", "application/pdf"),
        ("foto.jpg", "image/jpeg"),
        ("tekening.png", "image/png"),
    ]
    assert mail.refused == []


def test_other_types_are_refused_even_when_named_like_a_pdf():
    mail = inbound.parse_mail(
        reply_mail(
            "x@example.org",
            attachments=[
                ("virus.pdf", "application/pdf", b"MZ\x90\x00 executable"),
                ("brief.docx", "application/vnd.openxmlformats", b"PK\x03\x04"),
            ],
        )
    )
    assert mail.attachments == []
    assert mail.refused == ["virus.pdf", "brief.docx"]


def test_attachments_over_the_size_or_count_limit_are_refused(settings):
    settings.INBOUND_ATTACHMENT_MAX_BYTES = 1000
    settings.INBOUND_ATTACHMENTS_MAX = 2
    big = PDF + b"0" * 2000
    files = [("groot.pdf", "application/pdf", big)] + [(f"{n}.png", "image/png", PNG) for n in range(3)]
    mail = inbound.parse_mail(reply_mail("x@example.org", attachments=files))
    assert [a.filename for a in mail.attachments] == ["0.png", "1.png"]
    assert mail.refused == ["groot.pdf", "2.png"]


def test_a_dangerous_file_name_is_made_safe():
    mail = inbound.parse_mail(
        reply_mail("x@example.org", attachments=[("../../etc/passwd.pdf", "application/pdf", PDF)])
    )
    assert "/" not in mail.attachments[0].filename
    assert mail.attachments[0].filename.endswith(".pdf")
