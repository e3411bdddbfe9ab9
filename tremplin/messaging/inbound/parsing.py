"""Reading an RFC 5322 message: sender, recipients, body text and attachments.

Python's ``email`` package with ``policy.default`` decodes RFC 2047 header words and
RFC 2231 parameters (file names). ``winmail.dat`` (TNEF, sent by Outlook) is opened
with tnefparse; what it holds becomes ordinary attachments.
"""

import contextlib
import html
import re
from dataclasses import dataclass, field
from datetime import datetime
from email import message_from_bytes, policy
from email.header import decode_header, make_header
from email.message import EmailMessage, Message
from email.utils import getaddresses, parseaddr

import nh3
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from tnefparse.tnef import TNEF

TNEF_TYPES = {"application/ms-tnef", "application/vnd.ms-tnef"}
# Where a message says whom it was for, most precise first.
RECIPIENT_HEADERS = ("Delivered-To", "X-Original-To", "To", "Cc")
# Turned into line breaks before tags are stripped, so paragraphs stay apart.
_HTML_BREAKS = re.compile(
    r"<br\s*/?>|</(?:p|div|li|tr|h[1-6]|table|ul|ol|blockquote|pre)\s*>", re.IGNORECASE
)


class UnreadableMessage(Exception):
    """Not a message we can read; ``reason`` is an InboundMessage.Reason value."""

    def __init__(self, message: str, *, reason: str = "unreadable") -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Attachment:
    name: str
    data: bytes
    content_type: str


@dataclass(frozen=True)
class ParsedMessage:
    message: EmailMessage
    message_id: str
    from_name: str
    from_address: str  # "" when the From header holds no usable address
    subject: str
    sent_at: datetime | None
    recipients: list[str]  # in RECIPIENT_HEADERS order, without duplicates
    body_text: str
    attachments: list[Attachment] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # for the recruiter, e.g. a bad winmail.dat

    def header(self, name: str) -> str:
        return header_text(self.message, name)


def header_text(message: Message, name: str) -> str:
    """The first ``name`` header as one line of text, "" when absent or unreadable."""
    try:
        value = message.get(name)
    except Exception:  # a header the parser chokes on counts as absent
        return ""
    return "" if value is None else " ".join(str(value).split())


def html_to_text(markup: str) -> str:
    """The text of an HTML body: every tag stripped by nh3, paragraphs kept apart."""
    text = nh3.clean(_HTML_BREAKS.sub("\n", markup), tags=set(), strip_comments=True)
    return text_tidy(html.unescape(text))


def text_tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _decoded_name(name: str | None) -> str:
    if not name:
        return ""
    name = str(name)
    if "=?" in name:  # an RFC 2047 word the parameter parser left alone
        with contextlib.suppress(ValueError, LookupError, UnicodeError):
            name = str(make_header(decode_header(name)))
    return " ".join(name.split())


def _text(part: Message) -> str:
    try:
        content = part.get_content()  # type: ignore[attr-defined]
    except (LookupError, UnicodeError, ValueError, AssertionError):
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    return content if isinstance(content, str) else ""


def _payload(part: Message) -> bytes:
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) else b""


def _tnef_attachments(data: bytes, name: str) -> tuple[list[Attachment], str, str | None]:
    """What a winmail.dat holds: its attachments and plain body, or a note that it is unreadable."""
    try:
        tnef = TNEF(data)
        found = []
        for item in tnef.attachments:
            item_name = item.long_filename()
            if isinstance(item_name, bytes):
                item_name = item_name.decode("utf-8", "replace")
            if item.data:
                found.append(
                    Attachment(
                        name=_decoded_name(str(item_name).strip("\x00")),
                        data=bytes(item.data),
                        content_type="application/octet-stream",
                    )
                )
        body = tnef.body or ""
        if isinstance(body, bytes):
            body = body.decode("utf-8", "replace")
        if not found and not body:
            raise ValueError("nothing in it could be read")
    except Exception:  # tnefparse raises anything from ValueError to IndexError on bad data
        note = _(
            "The attachment “%(name)s” (an Outlook winmail.dat) could not be read; "
            "the files in it may be missing. See the original message."
        ) % {"name": name or "winmail.dat"}
        return [], "", note
    return found, text_tidy(str(body).strip("\x00")), None


def _is_attachment(part: Message) -> bool:
    disposition = part.get_content_disposition()
    if disposition == "attachment":
        return True
    if not part.get_filename():
        return False  # the body, its HTML alternative, unnamed inline pieces
    # Named inline images are a signature's logo, not something the candidate sent.
    return not (disposition == "inline" and part.get_content_maintype() == "image")


def _sender(message: EmailMessage) -> tuple[str, str]:
    try:
        header = message.get("From")
        addresses = list(header.addresses) if header is not None else []
    except Exception:
        addresses = []
        raw = str(message.get("From", ""))
        name, address = parseaddr(raw)
        if address:
            return name, address
    for address in addresses:
        try:
            validate_email(address.addr_spec)
        except ValidationError:
            continue
        return " ".join(str(address.display_name).split()), address.addr_spec
    return "", ""


def _recipients(message: EmailMessage) -> list[str]:
    found: list[str] = []
    for header in RECIPIENT_HEADERS:
        try:
            values = [str(value) for value in message.get_all(header, [])]
        except Exception:  # an unreadable header names nobody
            values = []
        for _name, address in getaddresses(values):
            address = address.strip().lower()
            if "@" in address and address not in found:
                found.append(address)
    return found


def message_parse(raw: bytes) -> ParsedMessage:
    """Read ``raw``; raise UnreadableMessage when it is not an e-mail at all."""
    if not raw.strip():
        raise UnreadableMessage("empty input: no message")
    message = message_from_bytes(raw, policy=policy.default)
    if not isinstance(message, EmailMessage) or not message.keys():
        raise UnreadableMessage("no header fields: not an RFC 5322 message")

    try:
        body_part = message.get_body(preferencelist=("plain", "html"))
    except Exception:
        body_part = None
    body_text = ""
    if body_part is not None:
        text = _text(body_part)
        body_text = (
            html_to_text(text) if body_part.get_content_subtype() == "html" else text_tidy(text)
        )

    attachments: list[Attachment] = []
    notes: list[str] = []
    for part in message.walk():
        if part.is_multipart() or part is body_part or not _is_attachment(part):
            continue
        name = _decoded_name(part.get_filename())
        data = _payload(part)
        content_type = part.get_content_type()
        if content_type in TNEF_TYPES or name.lower() == "winmail.dat":
            found, tnef_body, note = _tnef_attachments(data, name)
            attachments.extend(found)
            if note:
                notes.append(note)
            if not body_text and tnef_body:
                body_text = tnef_body
            continue
        attachments.append(Attachment(name=name, data=data, content_type=content_type))

    from_name, from_address = _sender(message)
    try:
        date_header = message.get("Date")
        sent_at = getattr(date_header, "datetime", None)
    except Exception:
        sent_at = None
    return ParsedMessage(
        message=message,
        message_id=header_text(message, "Message-ID")[:998],
        from_name=from_name,
        from_address=from_address,
        subject=header_text(message, "Subject")[:500],
        sent_at=sent_at if isinstance(sent_at, datetime) and sent_at.tzinfo else None,
        recipients=_recipients(message),
        body_text=body_text,
        attachments=attachments,
        notes=notes,
    )
