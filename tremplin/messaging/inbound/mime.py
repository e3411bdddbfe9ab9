"""What the person wrote and what they attached, from the MIME tree of a message.

The body is every inline text part without a file name (of each
``multipart/alternative``, the plain text when it says something, else the HTML).
A text part with a file name, or sent as an attachment, is an attachment. An
attached message (``message/rfc822``) is named by its subject: its text follows the
body, its files are kept. A winmail.dat is opened (``tnef.py``). Images shown inside
the message (a signature's logo) are left out, and named in a note, as is anything
else left out.

Malformed MIME still yields the text: a multipart without its boundary, or with the
wrong one, is read again with the boundary its lines use; bad base64 is decoded as
far as it goes; a wrong or unknown charset falls back to UTF-8, then Windows-1252.
"""

import mimetypes
import re
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import Message

from django.utils.translation import gettext as _

from tremplin.messaging.inbound.headers import header_text, raw_values, words_decode
from tremplin.messaging.inbound.text import (
    bytes_decode,
    html_to_text,
    one_line,
    text_clean,
    text_tidy,
)
from tremplin.messaging.inbound.tnef import TNEF_TYPES, tnef_read

# Beyond these a message is a bomb, not a letter: the rest is left out, with a note.
MAX_DEPTH = 20
MAX_PARTS = 500
NAME_MAX_CHARS = 255
# A file name given as a parameter the parser did not understand (say, an unquoted
# RFC 2047 word): ``name==?UTF-8?B?…?=``.
_NAME_PARAMETER = re.compile(
    r"""(?:^|;)\s*(?:file)?name\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)""", re.IGNORECASE
)
_BOUNDARY_LINE = re.compile(rb"^--([^\s\"]{1,70}?)(?:--)?[ \t]*\r?$", re.MULTILINE)


@dataclass(frozen=True)
class Attachment:
    name: str
    data: bytes
    content_type: str


@dataclass
class Content:
    texts: list[str] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    inline_images: list[str] = field(default_factory=list)
    tnef_texts: list[str] = field(default_factory=list)  # the body, if the message has no other
    parts: int = 0
    too_deep: bool = False

    @property
    def body_text(self) -> str:
        return "\n\n".join(text for text in self.texts if text)

    def merge(self, other: "Content") -> None:
        self.texts += other.texts
        self.attachments += other.attachments
        self.notes += other.notes
        self.inline_images += other.inline_images
        self.tnef_texts += other.tnef_texts
        self.parts = max(self.parts, other.parts)
        self.too_deep |= other.too_deep

    def branch(self) -> "Content":
        """An empty reading that shares this one's budget of parts."""
        return Content(parts=self.parts)


def _content_type(part: Message) -> str:
    try:
        return part.get_content_type().lower()
    except Exception:
        return "application/octet-stream"


def _disposition(part: Message) -> str:
    try:
        return (part.get_content_disposition() or "").lower()
    except Exception:
        return ""


def _children(part: Message) -> list[Message]:
    try:
        payload = part.get_payload()
    except Exception:
        return []
    return (
        [child for child in payload if isinstance(child, Message)]
        if isinstance(payload, list)
        else []
    )


def _payload(part: Message) -> bytes:
    """The decoded bytes of a part: bad base64 decoded as far as it goes."""
    try:
        payload = part.get_payload(decode=True)
    except Exception:
        payload = None
    if isinstance(payload, bytes):
        return payload
    try:
        raw = part.get_payload()
    except Exception:
        return b""
    if isinstance(raw, str):
        return raw.encode("utf-8", "surrogateescape")
    return b""


def _charset(part: Message) -> str | None:
    try:
        return part.get_content_charset()
    except Exception:
        return None


def part_text(part: Message) -> str:
    """The text of a text part, tidy; HTML turned into plain text."""
    text = text_clean(bytes_decode(_payload(part), _charset(part)))
    return html_to_text(text) if _content_type(part) == "text/html" else text_tidy(text)


def file_name(part: Message) -> str:
    """The part's file name (Content-Disposition filename, else Content-Type name), decoded."""
    try:
        name = part.get_filename()
    except Exception:
        name = None
    if not name:
        for header in ("Content-Disposition", "Content-Type"):
            for value in raw_values(part, header):
                found = _NAME_PARAMETER.search(value)
                if found and found.group(1).strip().strip('"'):
                    name = found.group(1).strip().strip('"')
                    break
            if name:
                break
    name = one_line(text_clean(words_decode(str(name or ""))))
    return name[-NAME_MAX_CHARS:] if len(name) > NAME_MAX_CHARS else name


def _is_body_text(part: Message) -> bool:
    return (
        _content_type(part) in ("text/plain", "text/html")
        and _disposition(part) != "attachment"
        and not file_name(part)
    )


def _recovered(part: Message) -> Message | None:
    """A multipart whose boundary is missing or wrong, read with the one its lines use."""
    data = _payload(part)
    found = _BOUNDARY_LINE.search(data)
    if found is None:
        return None
    header = b'Content-Type: multipart/mixed; boundary="' + found.group(1) + b'"\r\n\r\n'
    try:
        recovered = message_from_bytes(header + data, policy=policy.default)
    except Exception:
        return None
    return recovered if _children(recovered) else None


def _generated_name(part: Message, number: int) -> str:
    extension = mimetypes.guess_extension(_content_type(part)) or ".bin"
    return f"attachment-{number}{extension}"


def _read_tnef(part: Message, name: str, content: Content) -> None:
    found = tnef_read(_payload(part), name)
    for number, (item_name, data) in enumerate(found.files, start=1):
        content.attachments.append(
            Attachment(
                name=item_name or f"winmail-{number}.bin",
                data=data,
                content_type="application/octet-stream",
            )
        )
    if found.note:
        content.notes.append(found.note)
    if found.body:
        content.tnef_texts.append(found.body)


def _read_enclosed(part: Message, content: Content, depth: int) -> None:
    """An attached message: its text under a heading with its subject; its files kept."""
    children = _children(part)
    enclosed = children[0] if children else _message_in(part)
    if enclosed is None:  # not a message after all: keep it as a file
        _read_leaf(part, content)
        return
    subject = header_text(enclosed, "Subject") or _("(no subject)")
    inner = content.branch()
    _read(enclosed, inner, depth + 1)
    heading = _("Attached message “%(subject)s”") % {"subject": subject}
    sender = header_text(enclosed, "From")
    if sender:
        heading += "\n" + _("From: %(sender)s") % {"sender": sender}
    content.texts.append(f"{heading}\n\n{inner.body_text}".strip())
    inner.texts = []
    content.merge(inner)


def _message_in(part: Message) -> Message | None:
    """The message a ``message/global`` part (or an unparsed ``message/rfc822``) holds."""
    data = _payload(part)
    if not data.strip():
        return None
    try:
        enclosed = message_from_bytes(data, policy=policy.default)
    except Exception:
        return None
    return enclosed if enclosed.keys() else None


def _read_alternative(children: list[Message], content: Content, depth: int) -> None:
    """Of several renderings of one text, the plain one when it says something."""
    ranked = sorted(children, key=lambda child: 0 if _content_type(child) == "text/plain" else 1)
    readings = []
    for child in ranked:
        reading = content.branch()
        _read(child, reading, depth + 1)
        content.parts = reading.parts
        content.too_deep |= reading.too_deep
        readings.append(reading)
        if reading.body_text.strip():
            content.merge(reading)
            return
    if readings:
        content.merge(readings[0])


def _read_leaf(part: Message, content: Content) -> None:
    content_type = _content_type(part)
    disposition = _disposition(part)
    if _is_body_text(part):
        content.texts.append(part_text(part))
        return
    name = file_name(part)
    if content_type in TNEF_TYPES or name.lower() == "winmail.dat":
        _read_tnef(part, name, content)
        return
    if content_type.startswith("image/") and disposition != "attachment":
        # shown inside the message: a signature's logo, a pasted picture
        content.inline_images.append(name or _("an unnamed image"))
        return
    content.attachments.append(
        Attachment(
            name=name or _generated_name(part, len(content.attachments) + 1),
            data=_payload(part),
            content_type=content_type,
        )
    )


def _read(part: Message, content: Content, depth: int, recovering: bool = False) -> None:
    content.parts += 1
    if depth > MAX_DEPTH or content.parts > MAX_PARTS:
        content.too_deep = True
        return
    content_type = _content_type(part)
    if content_type in ("message/rfc822", "message/global"):
        _read_enclosed(part, content, depth)
        return
    if not content_type.startswith("multipart/"):
        _read_leaf(part, content)
        return
    children = _children(part)
    if not children and not recovering:
        recovered = _recovered(part)
        if recovered is not None:
            _read(recovered, content, depth + 1, recovering=True)
            return
    if not children:  # no parts to be found: what it holds is text
        text = text_tidy(text_clean(bytes_decode(_payload(part), _charset(part))))
        content.texts.append(text)
        return
    if content_type == "multipart/alternative":
        _read_alternative(children, content, depth)
        return
    for child in children:
        _read(child, content, depth + 1)
    epilogue = getattr(part, "epilogue", None)
    if epilogue and not recovering and "\n--" in epilogue:
        # parts after the closing boundary: a client that nested the same boundary twice
        lost = Message()
        lost.set_payload(epilogue.encode("utf-8", "surrogateescape"))
        recovered = _recovered(lost)
        if recovered is not None:
            _read(recovered, content, depth + 1, recovering=True)


def content_read(message: Message) -> Content:
    """The body text, attachments and notes of ``message``; never raises."""
    content = Content()
    _read(message, content, 0)
    if not content.body_text.strip():  # Outlook put the only text inside its winmail.dat
        content.texts = content.tnef_texts
    if content.inline_images:
        content.notes.append(
            _("Images shown inside the message (a signature’s logo, say) were left out: %(names)s.")
            % {"names": ", ".join(content.inline_images)}
        )
    if content.too_deep:
        content.notes.append(
            _(
                "The message has more parts, or parts nested deeper, than Tremplin reads; "
                "the rest was left out. See the original message."
            )
        )
    return content
