"""Mail as clients and servers really send it: legal, common, and lost or mangled before.

Several messages come from other projects' test suites (see
tremplin/testing/mail_samples/README.md).
"""

import base64
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest

from tremplin.applications.intake.attachments import attachments_sort
from tremplin.applications.models import Application, Document
from tremplin.messaging.inbound.parsing import message_parse
from tremplin.messaging.inbound.store import inbound_receive
from tremplin.messaging.models import InboundMessage
from tremplin.testing.applying import document_bytes
from tremplin.testing.mail import PDF, SAMPLES, mail, winmail_dat
from tremplin.testing.samples import pdf_bytes


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


HEAD = (
    b"From: Zoe Martin <zoe@example.net>\r\n"
    b"To: jobs+director@example.org\r\n"
    b"Subject: Candidature\r\n"
    b"Message-ID: <head@example.net>\r\n"
    b"MIME-Version: 1.0\r\n"
)


# --- A text part with a file name is an attachment --------------------------------------


def test_text_parts_with_a_file_name_are_attachments_not_the_body():
    parsed = message_parse(sample("msg_44.txt"))  # two text/plain parts, name="msg.txt"

    assert parsed.body_text == ""
    assert [attachment.name for attachment in parsed.attachments] == ["msg.txt", "msg.txt"]
    assert parsed.attachments[0].data.startswith(b"a simple kind of mirror")


def test_a_letter_attached_as_text_is_the_letter_and_the_body_stays_the_body():
    raw = (
        HEAD + b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello, my letter is attached.\r\n"
        b"--b\r\nContent-Type: text/plain; charset=utf-8\r\n"
        b'Content-Disposition: inline; filename="lettre.txt"\r\n\r\n'
        + "Madame, Monsieur, je souhaite rejoindre votre équipe.\r\n".encode()
        + b"--b--\r\n"
    )

    parsed = message_parse(raw)

    assert parsed.body_text == "Hello, my letter is attached."
    assert [attachment.name for attachment in parsed.attachments] == ["lettre.txt"]
    sorted_ = attachments_sort(parsed.attachments)
    assert [(f.name, f.role) for f in sorted_.files] == [("lettre.txt", Document.Role.LETTER)]


# --- File names, however they are encoded -----------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        b"Content-Type: application/pdf; name==?UTF-8?B?Q1YgWm/DqS5wZGY=?=",
        b'Content-Type: application/pdf; name="=?UTF-8?Q?CV_Zo=C3=A9?= =?UTF-8?Q?.pdf?="',
        b"Content-Type: application/pdf\r\nContent-Disposition: attachment; "
        b"filename==?iso-8859-1?Q?CV_Zo=E9.pdf?=",
        b"Content-Type: application/pdf\r\nContent-Disposition: attachment; "
        b"filename*=iso-8859-1''CV%20Zo%E9.pdf",
        b"Content-Type: application/pdf\r\nContent-Disposition: attachment; "
        b'filename="CV Zo\xc3\xa9.pdf"',  # raw UTF-8, as some clients send it
    ],
    ids=["unquoted-name", "split-words-in-name", "unquoted-filename", "rfc2231-latin1", "8bit"],
)
def test_an_encoded_file_name_is_decoded(header):
    raw = (
        HEAD + b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/plain\r\n\r\nBonjour\r\n"
        b"--b\r\n" + header + b"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n--b--\r\n"
    )

    parsed = message_parse(raw)

    assert [attachment.name for attachment in parsed.attachments] == ["CV Zoé.pdf"]
    assert parsed.body_text == "Bonjour"


# --- winmail.dat ------------------------------------------------------------------------


def _winmail_of(raw: bytes) -> bytes:
    message = message_from_bytes(raw, policy=policy.default)
    for part in message.walk():
        payload = part.get_payload(decode=True)
        if part.get_content_type() == "application/ms-tnef" and isinstance(payload, bytes):
            return payload
    raise AssertionError("no winmail.dat")


def test_the_html_body_of_a_real_outlook_winmail_dat_is_read_when_it_is_the_only_text():
    winmail = _winmail_of(sample("mimekit_tnef_ukr.eml"))
    raw = mail(body="", attachments=[("winmail.dat", winmail, "application/ms-tnef")])

    parsed = message_parse(raw)

    assert parsed.body_text.startswith("шостий")  # KOI8-R HTML inside the TNEF
    assert "RR Test 1" in parsed.body_text
    assert parsed.notes == []


def test_a_winmail_dat_gives_its_files_and_its_compressed_rtf_body():
    rtf = (
        rb"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Calibri;}}\f0 Madame, Monsieur,\par "
        rb"je souhaite rejoindre votre \'e9quipe.\par Ada\par}"
    )
    cv = pdf_bytes()
    winmail = winmail_dat([("CV Ada.pdf", cv)], rtf_body=rtf)
    raw = mail(body="", attachments=[("winmail.dat", winmail, "application/ms-tnef")])

    parsed = message_parse(raw)

    assert parsed.body_text == "Madame, Monsieur,\nje souhaite rejoindre votre équipe.\nAda"
    assert [(a.name, a.data) for a in parsed.attachments] == [("CV Ada.pdf", cv)]


def test_the_body_of_the_message_wins_over_the_copy_in_its_winmail_dat():
    parsed = message_parse(sample("mimekit_tnef_ukr.eml"))

    assert parsed.body_text == "шостий\n\n{EMAILSIGNATURE}\n\nRR Test 1"


# --- Attached messages ------------------------------------------------------------------


def test_an_attached_message_is_named_by_its_subject_and_its_text_kept():
    parsed = message_parse(sample("msg_11.txt"))

    assert parsed.body_text == (
        "Attached message “An enclosed message”\n\nHere is the body of the message."
    )


def test_an_attached_internationalized_message_is_read_too():
    raw = (
        HEAD + b"Content-Type: multipart/mixed; boundary=b\r\n\r\n"
        b"--b\r\nContent-Type: text/plain\r\n\r\nForwarded.\r\n"
        b"--b\r\nContent-Type: message/global\r\n\r\n"
        + "From: Zoé <zoé@example.net>\r\nSubject: Candidature été\r\n\r\nBonjour\r\n".encode()
        + b"--b--\r\n"
    )

    parsed = message_parse(raw)

    assert parsed.body_text == (
        "Forwarded.\n\nAttached message “Candidature été”\nFrom: Zoé <zoé@example.net>\n\nBonjour"
    )


def test_a_message_with_too_many_parts_is_read_up_to_a_limit_and_says_so():
    def alternatives(depth: int) -> bytes:
        if depth == 0:
            return b"Content-Type: text/plain\r\n\r\n\r\n"
        boundary = f"level{depth}".encode()
        parts = b"".join(b"--" + boundary + b"\r\n" + alternatives(depth - 1) for _ in range(3))
        return (
            b'Content-Type: multipart/alternative; boundary="' + boundary + b'"\r\n\r\n'
            + parts + b"--" + boundary + b"--\r\n"
        )  # fmt: skip

    parsed = message_parse(HEAD + alternatives(6))  # 3**6 empty texts, nested

    assert any("more parts" in note for note in parsed.notes)


def forwarded(cv: bytes) -> bytes:
    inner = EmailMessage()
    inner["From"] = "Zoé Martin <zoe@example.net>"
    inner["Subject"] = "Candidature : directrice"
    inner.set_content("Madame, Monsieur, voici ma candidature.")
    inner.add_attachment(cv, maintype="application", subtype="pdf", filename="CV Zoé.pdf")
    outer = EmailMessage()
    outer["From"] = "Job board <board@example.net>"
    outer["To"] = "jobs+director@example.org"
    outer["Subject"] = "Fwd: Candidature"
    outer["Message-ID"] = "<forwarded@example.net>"
    outer.set_content("A candidate applied through our board.")
    outer.add_attachment(inner)
    return outer.as_bytes()


@pytest.mark.django_db
def test_an_application_forwarded_as_an_attached_message_keeps_its_letter_and_cv(vacancy):
    cv = pdf_bytes("CV Zoé")

    message = inbound_receive(raw=forwarded(cv), channel=InboundMessage.Channel.PIPE).message

    assert message.status == "processed"
    application = Application.objects.get()
    documents = {document.role: document for document in application.documents.all()}
    assert documents[Document.Role.CV].original_name == "CV Zoé.pdf"
    assert document_bytes(documents[Document.Role.CV]) == cv
    letter = document_bytes(documents[Document.Role.LETTER]).decode()
    assert letter.startswith("A candidate applied through our board.")
    assert "Attached message “Candidature : directrice”" in letter
    assert "Madame, Monsieur, voici ma candidature." in letter


# --- Malformed MIME still yields the text -----------------------------------------------


def test_a_multipart_whose_boundary_is_not_the_one_declared_still_gives_its_text():
    parsed = message_parse(sample("msg_31.txt"))
    assert parsed.body_text == "message 1\n\nmessage 2"


def test_parts_after_a_closing_boundary_are_found():
    parsed = message_parse(sample("msg_15.txt"))  # the same boundary nested twice

    assert "Some removed test." in parsed.body_text
    assert [attachment.name for attachment in parsed.attachments] == ["xx.gif"]


def test_a_multipart_without_a_boundary_still_gives_its_text_and_files():
    raw = (
        HEAD + b"Content-Type: multipart/mixed\r\n\r\n"
        b"--zz\r\nContent-Type: text/plain\r\n\r\nI would love to join.\r\n"
        b'--zz\r\nContent-Type: application/pdf; name="cv.pdf"\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n--zz--\r\n"
    )

    parsed = message_parse(raw)

    assert parsed.body_text == "I would love to join."
    assert [(a.name, a.data) for a in parsed.attachments] == [("cv.pdf", b"%PDF-")]


@pytest.mark.parametrize(
    ("headers", "body", "text"),
    [
        (
            b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n",
            base64.b64encode("Je serais très heureuse.".encode()) + b"!!*%\r\n",
            "Je serais très heureuse.",
        ),
        (
            b"Content-Type: text/plain; charset=utf-8\r\n",  # says UTF-8, is Latin-1
            "Je serais très heureuse.".encode("latin-1"),
            "Je serais très heureuse.",
        ),
        (
            b"Content-Type: text/plain; charset=x-unknown-8bit\r\n",
            "Je serais très heureuse.".encode(),
            "Je serais très heureuse.",
        ),
    ],
    ids=["bad-base64", "wrong-charset", "unknown-charset"],
)
def test_bad_encodings_still_give_the_text_the_person_wrote(headers, body, text):
    parsed = message_parse(HEAD + headers + b"\r\n" + body + b"\r\n")
    assert parsed.body_text == text


# --- Whatever is left out is named ------------------------------------------------------


def test_every_attachment_left_out_is_named_in_a_note_that_says_why():
    raw = (
        HEAD + b'Content-Type: multipart/related; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/html\r\n\r\n<p>Hello</p><img src=cid:logo>\r\n"
        b'--b\r\nContent-Type: image/png; name="logo.png"\r\nContent-ID: <logo>\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n"
        b'--b\r\nContent-Type: application/x-msdownload; name="setup.exe"\r\n'
        b"Content-Disposition: attachment\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        b"TVqQAAMAAAAEAAAA\r\n--b--\r\n"
    )
    parsed = message_parse(raw)

    notes = [*parsed.notes, *attachments_sort(parsed.attachments).notes]

    assert parsed.body_text == "Hello"
    assert any("logo.png" in note and "left out" in note for note in notes)
    assert any("setup.exe" in note and "left out" in note for note in notes)


def test_an_attachment_without_a_name_is_kept_under_a_name_of_its_own():
    raw = (
        HEAD + b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/plain\r\n\r\nMy CV.\r\n"
        b"--b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + base64.b64encode(pdf_bytes())
        + b"\r\n--b--\r\n"
    )

    parsed = message_parse(raw)

    assert [(a.name, a.content_type) for a in parsed.attachments] == [("attachment-1.pdf", PDF)]
