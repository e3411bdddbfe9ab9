"""Reading an RFC 5322 message: sender, recipients, body text and attachments.

``message_parse`` never raises: mail as it comes is often malformed (an encoded
line break in a From, a NUL in a To, 8-bit bytes in a header, a multipart without
its boundary), and a message must still be taken, or kept for a person to look at.
Each header is read with Python's ``email`` package and ``policy.default`` (RFC 2047
words, RFC 2231 parameters); a header that this policy refuses is read again from
its raw text. Every text that comes out is fit for the database: undecodable bytes
repaired, NUL and other control characters removed. What the body and the
attachments are is read in ``mime.py``.
"""

import logging
from dataclasses import dataclass, field
from datetime import datetime
from email import message_from_bytes, policy
from email.message import Message
from email.utils import parsedate_to_datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from tremplin.messaging.inbound.headers import (
    addresses_parsed,
    addresses_raw,
    header_text,
    raw_values,
)
from tremplin.messaging.inbound.mime import Attachment, content_read
from tremplin.messaging.inbound.text import html_to_text, text_clean, text_tidy

__all__ = [
    "Attachment",
    "ParsedMessage",
    "UnreadableMessage",
    "header_text",
    "html_to_text",
    "message_parse",
]

logger = logging.getLogger(__name__)

# Where a message says whom it was for, most precise first.
RECIPIENT_HEADERS = ("Delivered-To", "X-Original-To", "To", "Cc")

EMPTY = "empty input: no message"
NO_HEADERS = "no header fields: not an RFC 5322 message"


class UnreadableMessage(Exception):
    """Not a message that can become an application; ``reason`` is an InboundMessage.Reason."""

    def __init__(self, message: str, *, reason: str = "unreadable") -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class ParsedMessage:
    message: Message
    message_id: str
    from_name: str
    from_address: str  # "" when the From header holds no usable address
    subject: str
    sent_at: datetime | None
    recipients: list[str]  # in RECIPIENT_HEADERS order, without duplicates
    body_text: str
    attachments: list[Attachment] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # for the recruiter, e.g. a bad winmail.dat
    unreadable: str = ""  # why this is no e-mail at all ("" for an e-mail, however damaged)

    def header(self, name: str) -> str:
        return header_text(self.message, name)


def _sender(message: Message) -> tuple[str, str]:
    for display, address in [
        *addresses_parsed(message, "From"),
        *addresses_raw(message, "From"),
    ]:
        address = address.replace(" ", "")
        try:
            validate_email(address)
        except ValidationError:
            continue
        return display[:200], address
    return "", ""


def _recipients(message: Message) -> list[str]:
    found: list[str] = []
    for header in RECIPIENT_HEADERS:
        for _display, address in addresses_raw(message, header):
            address = address.replace(" ", "").lower()
            if "@" in address and len(address) <= 320 and address not in found:
                found.append(address)
    return found


def _sent_at(message: Message) -> datetime | None:
    try:
        value = getattr(message.get("Date"), "datetime", None)
    except Exception:
        value = None
    if not isinstance(value, datetime):
        raw = raw_values(message, "Date")
        try:
            value = parsedate_to_datetime(raw[0]) if raw else None
        except (TypeError, ValueError, IndexError, OverflowError):
            value = None
    return value if isinstance(value, datetime) and value.tzinfo else None


def _message_from(raw: bytes) -> Message:
    try:
        return message_from_bytes(raw, policy=policy.default)
    except Exception:  # the modern parser gave up: the old one is more forgiving
        return message_from_bytes(raw, policy=policy.compat32)


def _unreadable(raw: bytes, why: str) -> ParsedMessage:
    text = raw[:100_000].decode("utf-8", "replace")
    return ParsedMessage(
        message=Message(),
        message_id="",
        from_name="",
        from_address="",
        subject="",
        sent_at=None,
        recipients=[],
        body_text=text_tidy(text_clean(text)),
        unreadable=why,
    )


def message_parse(raw: bytes) -> ParsedMessage:
    """Read ``raw`` as far as it goes. Never raises: ``unreadable`` says when it is no e-mail."""
    if not raw.strip():
        return _unreadable(raw, EMPTY)
    try:
        return _parse(raw)
    except Exception as exc:  # a parser's bug, a message nested beyond reason: keep it all the same
        logger.warning("inbound: message could not be parsed: %s: %s", type(exc).__name__, exc)
        return _unreadable(raw, f"the message could not be parsed ({type(exc).__name__})")


def _parse(raw: bytes) -> ParsedMessage:
    message = _message_from(raw)
    if not message.keys():
        return _unreadable(raw, NO_HEADERS)
    content = content_read(message)
    from_name, from_address = _sender(message)
    return ParsedMessage(
        message=message,
        message_id=header_text(message, "Message-ID")[:998],
        from_name=from_name,
        from_address=from_address,
        subject=header_text(message, "Subject")[:500],
        sent_at=_sent_at(message),
        recipients=_recipients(message),
        body_text=content.body_text,
        attachments=content.attachments,
        notes=content.notes,
    )
