"""What an Outlook ``winmail.dat`` (TNEF, ``application/ms-tnef``) holds, opened by tnefparse.

Its attachments become ordinary attachments, and its body is read: plain text when
Outlook put one in, else the HTML body, else the compressed RTF body (decompressed
by compressed-rtf, its text taken out by striprtf).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from striprtf.striprtf import rtf_to_text
from tnefparse.tnef import TNEF

from tremplin.messaging.inbound.text import bytes_decode, html_to_text, text_clean, text_tidy

TNEF_TYPES = {"application/ms-tnef", "application/vnd.ms-tnef"}


@dataclass
class TnefContent:
    files: list[tuple[str, bytes]] = field(default_factory=list)
    body: str = ""
    note: str = ""  # for the recruiter, when it could not be read


def _text(value: object) -> str:
    if isinstance(value, bytes):
        return bytes_decode(value)
    return str(value) if value else ""


def _body(tnef: TNEF) -> str:
    text = _text(tnef.body).strip("\x00")
    if text.strip():
        return text_tidy(text_clean(text))
    markup = _text(tnef.htmlbody).strip("\x00")
    if markup.strip():
        return html_to_text(markup)
    rtf = tnef.rtfbody
    if isinstance(rtf, bytes) and rtf.lstrip().startswith(b"{\\rtf"):
        source = rtf.decode("cp1252", "replace")
        text = rtf_to_text(source, errors="ignore")
        if "\\fromhtml" in source:  # Outlook's RTF that wraps an HTML body
            return html_to_text(text)
        return text_tidy(text_clean(text))
    return ""


def tnef_read(data: bytes, name: str) -> TnefContent:
    """The files and the body in a winmail.dat; a note when it cannot be read."""
    try:
        tnef = TNEF(data)
        content = TnefContent()
        for item in tnef.attachments:
            item_name = text_clean(_text(item.long_filename()).strip("\x00")).strip()
            if item.data:
                content.files.append((item_name, bytes(item.data)))
        content.body = _body(tnef)
        if not content.files and not content.body:
            raise ValueError("nothing in it could be read")
    except Exception:  # tnefparse raises anything from ValueError to IndexError on bad data
        return TnefContent(
            note=_(
                "The attachment “%(name)s” (an Outlook winmail.dat) could not be read; "
                "the files in it may be missing. See the original message."
            )
            % {"name": name or "winmail.dat"}
        )
    return content
