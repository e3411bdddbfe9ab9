"""Reading a posting file into text, refusing what is not a text posting."""

import codecs
from pathlib import Path

from django.utils.translation import gettext as _

from tremplin.vacancies.importing.errors import PostingError

MAX_POSTING_BYTES = 1_000_000

# Leading bytes of formats people save vacancies in that are not plain text.
_BINARY_SIGNATURES = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP (Word, LibreOffice)"),
    (b"\xd0\xcf\x11\xe0", "Word 97-2003"),
    (b"{\\rtf", "RTF"),
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
)


def _binary_format(data: bytes) -> str | None:
    """The name of the binary format ``data`` is in, "binary" when unnamed, None for text."""
    for signature, name in _BINARY_SIGNATURES:
        if data.startswith(signature):
            return name
    if b"\x00" in data:
        return "binary"
    return None


def posting_too_large(source_name: str) -> PostingError:
    """The error for a posting over MAX_POSTING_BYTES (also raised for a stopped upload)."""
    return PostingError(
        source_name,
        _("the file is larger than 1 MB; a vacancy is a few pages of text at most."),
    )


def posting_text_from_bytes(data: bytes, *, source_name: str) -> str:
    """The text of a posting received as bytes (a file or an upload); PostingError if unfit."""
    if len(data) > MAX_POSTING_BYTES:
        raise posting_too_large(source_name)
    if not data.strip():
        raise PostingError(source_name, _("the file is empty."))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Notepad's "Unicode": UTF-16 with its byte order mark, which tells it apart.
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise PostingError(
                source_name,
                _("the file starts as UTF-16 text but is broken: save it again as UTF-8."),
            ) from exc
        data = text.encode("utf-8")
        if not text.strip():
            raise PostingError(source_name, _("the file is empty."))
    fmt = _binary_format(data)
    if fmt is not None:
        raise PostingError(
            source_name,
            _(
                "this is a binary file (%(format)s), not text: save the vacancy as plain "
                "text or Markdown (.txt, .md) in UTF-8."
            )
            % {"format": fmt},
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PostingError(
            source_name,
            _(
                "the file is not UTF-8 text (byte 0x%(byte)02x at position %(position)d): "
                "save it again as UTF-8."
            )
            % {"byte": data[exc.start], "position": exc.start},
        ) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_posting_file(path: str | Path) -> str:
    """The text of the posting at ``path``; PostingError naming the file if it is unfit."""
    path = Path(path)
    name = path.name or str(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_POSTING_BYTES + 1)
    except FileNotFoundError as exc:
        raise PostingError(name, _("no such file.")) from exc
    except IsADirectoryError as exc:
        raise PostingError(name, _("this is a folder, not a file.")) from exc
    except OSError as exc:
        raise PostingError(
            name, _("the file cannot be read (%(reason)s).") % {"reason": exc.strerror}
        ) from exc
    return posting_text_from_bytes(data, source_name=name)
