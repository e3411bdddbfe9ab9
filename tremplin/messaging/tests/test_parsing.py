"""Reading e-mails: encoded file names, HTML bodies, winmail.dat, what is not an attachment."""

import pytest

from tremplin.messaging.inbound.parsing import html_to_text, message_parse
from tremplin.testing.mail import PDF, mail, winmail_dat
from tremplin.testing.samples import pdf_bytes

MULTIPART = b"""\
From: =?utf-8?q?Zo=C3=A9_Martin?= <zoe@example.net>
To: jobs+director@example.org
Subject: =?utf-8?b?Q2FuZGlkYXR1cmUgZGlyZWN0cmljZQ==?=
Message-ID: <1@example.net>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b"

--b
Content-Type: text/plain; charset=utf-8

Bonjour
--b
Content-Type: application/pdf; name="=?UTF-8?B?Q1YgWm/DqS5wZGY=?="
Content-Disposition: attachment; filename="=?UTF-8?B?Q1YgWm/DqS5wZGY=?="
Content-Transfer-Encoding: base64

JVBERi0=
--b
Content-Type: application/pdf
Content-Disposition: attachment; filename*=UTF-8''lettre%20de%20motivation%20%C3%A9t%C3%A9.pdf
Content-Transfer-Encoding: base64

JVBERi0=
--b
Content-Type: application/pdf
Content-Disposition: attachment;
 filename*0*=UTF-8''Curriculum%20vit%C3%A6;
 filename*1=".pdf"
Content-Transfer-Encoding: base64

JVBERi0=
--b
Content-Type: image/png; name="logo.png"
Content-Disposition: inline; filename="logo.png"
Content-ID: <logo@example.net>
Content-Transfer-Encoding: base64

iVBORw0KGgo=
--b--
"""


def test_it_decodes_rfc_2047_and_rfc_2231_file_names_and_headers():
    parsed = message_parse(MULTIPART)

    assert [attachment.name for attachment in parsed.attachments] == [
        "CV Zoé.pdf",  # RFC 2047 word inside the quoted parameter
        "lettre de motivation été.pdf",  # RFC 2231 with a charset
        "Curriculum vitæ.pdf",  # RFC 2231 continuations
    ]
    assert parsed.from_name == "Zoé Martin"
    assert parsed.from_address == "zoe@example.net"
    assert parsed.subject == "Candidature directrice"
    assert parsed.message_id == "<1@example.net>"
    assert parsed.body_text == "Bonjour"


def test_a_signature_logo_shown_inline_is_not_an_attachment():
    parsed = message_parse(MULTIPART)
    assert "logo.png" not in [attachment.name for attachment in parsed.attachments]


def test_an_html_body_becomes_plain_text_with_every_tag_stripped():
    raw = mail(
        html=(
            "<html><head><style>p {color: red}</style><script>alert(1)</script></head>"
            "<body><p>Dear team,</p><p>I would <b>love</b> to join &amp; help.<br>Ada</p>"
            "<img src=x onerror=alert(1)></body></html>"
        )
    )

    text = message_parse(raw).body_text

    assert text == "Dear team,\nI would love to join & help.\nAda"
    assert html_to_text("<p>a</p><div>b</div>") == "a\nb"


def test_it_takes_the_files_out_of_a_winmail_dat():
    cv = pdf_bytes()
    raw = mail(
        attachments=[
            (
                "winmail.dat",
                winmail_dat([("CV Zoé.pdf", cv), ("Lettre.pdf", cv)]),
                "application/ms-tnef",
            )
        ]
    )

    parsed = message_parse(raw)

    assert [(a.name, a.data) for a in parsed.attachments] == [
        ("CV Zoé.pdf", cv),
        ("Lettre.pdf", cv),
    ]
    assert parsed.notes == []


@pytest.mark.parametrize(
    "data",
    [b"not TNEF at all", b"\x78\x9f\x3e\x22\x01\x00", winmail_dat([("cv.pdf", b"x" * 40)])[:40]],
    ids=["wrong-signature", "signature-only", "truncated"],
)
def test_an_unreadable_winmail_dat_is_reported_for_the_recruiter(data):
    raw = mail(attachments=[("winmail.dat", data, "application/ms-tnef")])

    parsed = message_parse(raw)

    assert parsed.attachments == []
    assert len(parsed.notes) == 1
    assert "winmail.dat" in parsed.notes[0]
    assert "could not be read" in parsed.notes[0]


def test_a_pdf_attachment_keeps_its_bytes():
    cv = pdf_bytes()
    parsed = message_parse(mail(attachments=[("cv.pdf", cv, PDF)]))
    assert parsed.attachments[0].data == cv
    assert parsed.attachments[0].content_type == PDF


def test_recipients_come_from_delivery_headers_first_without_duplicates():
    raw = mail(
        to="Jobs <JOBS@example.org>",
        headers={
            "Cc": "friend@example.net",
            "Delivered-To": "jobs+director@example.org",
            "X-Original-To": "jobs@example.org",
        },
    )

    assert message_parse(raw).recipients == [
        "jobs+director@example.org",
        "jobs@example.org",
        "friend@example.net",
    ]


@pytest.mark.parametrize(
    "raw",
    [b"", b"  \r\n", b"this is not an e-mail at all\n\njust words\n"],
    ids=["empty", "blank", "no-headers"],
)
def test_what_is_not_an_email_is_unreadable(raw):
    assert message_parse(raw).unreadable


def test_a_from_header_without_an_address_leaves_the_sender_empty():
    parsed = message_parse(b"From: nobody at all\r\nSubject: hi\r\n\r\nbody\r\n")
    assert parsed.from_address == ""
