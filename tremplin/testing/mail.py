"""E-mails as mail clients send them, winmail.dat files, and the organization that takes
mail at Jobs@Example.org with its director vacancy (jobs+director@example.org).

``organization`` and ``vacancy`` here are the mail tests' own: a conftest.py imports them
to use them instead of applying.py's."""

import struct
from collections.abc import Mapping, Sequence
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

import pytest
from compressed_rtf import compress as rtf_compress
from django.utils import timezone

from tremplin.accounts.models import Organization
from tremplin.testing.builders import organization_make, vacancy_make
from tremplin.vacancies.models import Vacancy

PDF = "application/pdf"
# Messages written by other mail software (mail_samples/README.md says whence).
SAMPLES = Path(__file__).parent / "mail_samples"


@pytest.fixture
def organization(db: None) -> Organization:
    return organization_make("example", email="Jobs@Example.org")


@pytest.fixture
def vacancy(organization: Organization) -> Vacancy:
    return vacancy_make(
        organization, "director", texts={"en": "Director", "fr": "Directrice ou directeur"}
    )


def mail(
    *,
    to: str = "jobs+director@example.org",
    sender: str = "Ada Lovelace <ada@example.net>",
    subject: str = "Application",
    body: str = "Please find my CV attached.",
    html: str = "",
    attachments: Sequence[tuple[str, bytes, str]] = (),
    headers: Mapping[str, str] | None = None,
    message_id: str | None = None,
) -> bytes:
    """An e-mail as a mail client sends it: text (or HTML) body and attachments."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(timezone.now())
    message["Message-ID"] = message_id or make_msgid(domain="example.net")
    for name, value in (headers or {}).items():
        message[name] = value
    if html:
        message.set_content(html, subtype="html")
    else:
        message.set_content(body)
    for name, data, content_type in attachments:
        maintype, subtype = content_type.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message.as_bytes()


def _tnef_attribute(level: int, name: int, kind: int, data: bytes) -> bytes:
    checksum = sum(data) & 0xFFFF
    return struct.pack("<BHHI", level, name, kind, len(data)) + data + struct.pack("<H", checksum)


def _mapi_binary_property(property_id: int, data: bytes) -> bytes:
    """One PT_BINARY MAPI property (MS-OXTNEF 2.1.3.4): type, id, one value, padded."""
    padding = b"\x00" * (-len(data) % 4)
    return struct.pack("<HHII", 0x0102, property_id, 1, len(data)) + data + padding


def winmail_dat(files: Sequence[tuple[str, bytes]], *, rtf_body: bytes = b"") -> bytes:
    """A minimal TNEF stream (MS-OXTNEF) as Outlook attaches it, holding ``files``.

    tnefparse only reads TNEF, and no library writes it, so the test writes the few
    attributes it needs: the signature and key, the version, the message's RTF body
    compressed by compressed-rtf (attMsgProps holding PR_RTF_COMPRESSED) when given,
    then per file attRenddata (which starts an attachment), attAttachTitle (its name)
    and attAttachData (its bytes).
    """
    stream = struct.pack("<IH", 0x223E9F78, 0x0001)
    stream += _tnef_attribute(1, 0x9006, 0x0008, struct.pack("<I", 0x00010000))  # attTnefVersion
    if rtf_body:
        properties = struct.pack("<I", 1) + _mapi_binary_property(0x1009, rtf_compress(rtf_body))
        stream += _tnef_attribute(1, 0x9003, 0x0006, properties)  # attMsgProps
    for name, data in files:
        stream += _tnef_attribute(2, 0x9002, 0x0006, b"\x01\x00" + b"\xff" * 12)  # attRenddata
        stream += _tnef_attribute(2, 0x8010, 0x0001, name.encode() + b"\x00")  # attAttachTitle
        stream += _tnef_attribute(2, 0x800F, 0x0006, data)  # attAttachData
    return stream
