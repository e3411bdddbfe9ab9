"""What a candidate's file really is, decided by its content, and whether we take it.

Accepted: PDF, DOCX and ODT documents, and plain text for cover letters. The type comes
from the bytes (magic numbers, then the structure: the PDF opens, the zip holds a word
processing document), never from the name or the browser's MIME type; the name's
extension, when there is one, must agree with the content. Refused, each with its own
message naming the file: empty, too big, encrypted or broken PDFs, zip bombs,
macro-enabled documents, and anything else.
"""

import codecs
import os
import re
import threading
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# The accepted types, by the extensions a name may carry for each.
EXTENSIONS: dict[str, tuple[str, ...]] = {
    "pdf": (".pdf",),
    "docx": (".docx",),
    "odt": (".odt",),
    "txt": (".txt", ".text"),
}
# Zip-based documents: bounds on what the archive may expand to.
ZIP_MAX_ENTRIES = 2_000
ZIP_MAX_TOTAL_BYTES = 100 * 1024 * 1024
ZIP_MAX_RATIO = 200  # uncompressed / compressed, for any entry bigger than ZIP_RATIO_FLOOR
ZIP_RATIO_FLOOR = 1024 * 1024
PDF_HEADER = b"%PDF-"
ZIP_HEADER = b"PK\x03\x04"
OLE_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003, Excel, MSG …
DOCX_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
READ_CHUNK = 1024 * 1024


class FileRejected(ValidationError):
    """A file we do not take; the message (translated) names the file and says why."""

    def __init__(
        self, message: "StrOrPromise", *, name: str, code: str, **params: "StrOrPromise"
    ) -> None:
        # The message is rendered when read, in the language active then.
        super().__init__(message, code=code, params={"name": name, **params})
        self.name = name


@dataclass(frozen=True)
class CheckedFile:
    """A file that passed the checks: its type by content, cleaned name and size. (Its
    SHA-256 is the extraction task's to compute: it reads the whole file anyway, and the
    request does no work that grows with the file beyond what the checks need.)"""

    kind: str  # "pdf", "docx", "odt" or "txt" (Document.Kind values)
    original_name: str
    size: int
    page_count: int | None = None
    text_encoding: str = ""


def original_name_clean(name: str) -> str:
    """The file name a candidate gave, kept only as data: no folders, no control characters.

    Bidirectional overrides (used to disguise ``cv‮fdp.exe``) go too, as do leading dots.
    """
    name = unicodedata.normalize("NFC", name or "")
    name = re.split(r"[/\\]", name)[-1]
    name = re.sub(r"\s", " ", name)
    name = "".join(ch for ch in name if unicodedata.category(ch) not in {"Cc", "Cf", "Zl", "Zp"})
    name = " ".join(name.split()).lstrip(".").strip()
    if len(name) > 200:
        stem, dot, extension = name.rpartition(".")
        name = (stem[: 200 - len(extension) - 1] + dot + extension) if dot else name[:200]
    return name


def _extension(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 else ""


def _size(file: IO[bytes]) -> int:
    """The size of ``file``, from its end: nothing read."""
    size = file.seek(0, os.SEEK_END)
    file.seek(0)
    return size


def _is_zip(file: IO[bytes]) -> bool:
    file.seek(0)
    try:
        return zipfile.is_zipfile(file)
    finally:
        file.seek(0)


def file_check(*, name: str, file: IO[bytes], allow_text: bool = False) -> CheckedFile:
    """Decide from ``file``'s content whether we take it; raise FileRejected if not.

    ``name`` is the name the candidate gave (only its extension matters here);
    ``allow_text`` accepts plain text, which is for cover letters only.
    """
    shown = original_name_clean(name) or str(_("(no name)"))
    limit = settings.TREMPLIN_MAX_UPLOAD_BYTES
    size = _size(file)
    if size == 0:
        raise FileRejected(
            _("“%(name)s” is empty. Please choose the file again."), name=shown, code="empty"
        )
    if size > limit:
        raise file_too_large(name=shown)

    head = file.read(1024)
    file.seek(0)
    if head.startswith(PDF_HEADER):
        if _is_zip(file):
            raise _polyglot(shown)
        kind, page_count, encoding = "pdf", _pdf_check(file, shown), ""
    elif head.startswith(ZIP_HEADER):
        if PDF_HEADER in head:
            raise _polyglot(shown)
        kind, page_count, encoding = _zip_check(file, shown), None, ""
    elif head.startswith(OLE_HEADER):
        raise FileRejected(
            _(
                "“%(name)s” is an old Word (.doc) or other Office 97-2003 file, which we "
                "cannot accept. Please save it as PDF, DOCX or ODT."
            ),
            name=shown,
            code="ole",
        )
    else:
        encoding = _text_encoding(file) if allow_text else ""
        if not encoding:
            raise _unsupported(shown, allow_text=allow_text)
        if PDF_HEADER in head:
            raise _polyglot(shown)
        kind, page_count = "txt", None

    extension = _extension(shown)
    if extension and extension not in EXTENSIONS[kind]:
        raise FileRejected(
            _(
                "“%(name)s” does not contain what its name says: its content is %(kind)s. "
                "Please send the file with its right name or in another format."
            ),
            name=shown,
            code="mismatch",
            kind=kind.upper() if kind != "txt" else _("plain text"),
        )
    return CheckedFile(
        kind=kind,
        original_name=original_name_clean(name),
        size=size,
        page_count=page_count,
        text_encoding=encoding,
    )


def file_too_large(*, name: str) -> FileRejected:
    """The refusal of a file over TREMPLIN_MAX_UPLOAD_BYTES (also raised while streaming)."""
    return FileRejected(
        _("“%(name)s” is too big: each file may be up to %(limit)s."),
        name=name,
        code="too_large",
        limit=filesizeformat(settings.TREMPLIN_MAX_UPLOAD_BYTES),
    )


def _unsupported(name: str, *, allow_text: bool) -> FileRejected:
    if allow_text:
        message = _("“%(name)s” is not a file type we accept: please send a PDF, DOCX, ODT or TXT.")
    else:
        message = _("“%(name)s” is not a file type we accept: please send a PDF, DOCX or ODT.")
    return FileRejected(message, name=name, code="unsupported")


def _polyglot(name: str) -> FileRejected:
    return FileRejected(
        _(
            "“%(name)s” looks like two kinds of file at once, which we refuse for safety. "
            "Please export it again as a plain PDF, DOCX or ODT."
        ),
        name=name,
        code="polyglot",
    )


def _broken(name: str, kind: str) -> FileRejected:
    return FileRejected(
        _("“%(name)s” is a damaged %(kind)s file that cannot be opened. Please export it again."),
        name=name,
        code="broken",
        kind=kind,
    )


# PDFium is not thread-safe, not even across documents (pypdfium2's documentation): a
# threaded server checking two PDFs at once crashed the process. One PDFium call at a time
# per process; extraction's own PDFium runs in a single-threaded child process.
pdfium_lock = threading.Lock()


def _pdf_check(file: IO[bytes], name: str) -> int:
    """Open the PDF; refuse it when it needs a password or cannot be read. Return its pages.

    PDFium reads the cross-reference table and the page tree's count, then the first page's
    dictionary, but no other: the cost does not grow with the number of pages (pypdf's
    reader parsed every page object here, 5.7 s for 5,000 pages, inside the web request).
    The page's content is not parsed: that would load its images into memory, as much
    memory as the file is big; the text extraction, in its own process, reads them.
    """
    with pdfium_lock:
        pages = _pdf_pages(file, name)
    if pages <= 0:
        raise _broken(name, "PDF")
    return pages


def _pdf_pages(file: IO[bytes], name: str) -> int:
    """The PDF's page count, read by PDFium; to be called under ``pdfium_lock``."""
    file.seek(0)
    try:
        pdf = pdfium.PdfDocument(file, autoclose=False)
    except pdfium.PdfiumError as exc:
        file.seek(0)
        if getattr(exc, "err_code", None) == pdfium_raw.FPDF_ERR_PASSWORD:
            raise FileRejected(
                _(
                    "“%(name)s” is protected by a password, so nobody could read it. "
                    "Please send a version without a password."
                ),
                name=name,
                code="encrypted",
            ) from None
        raise _broken(name, "PDF") from None
    try:
        pages = len(pdf)
        if pages:
            # The first page's dictionary (its size) proves the page tree leads somewhere
            # real; loading the page would parse its content and its images.
            pdf.get_page_size(0)
    except Exception:  # a parser fed hostile bytes may fail in any way
        raise _broken(name, "PDF") from None
    finally:
        pdf.close()
        file.seek(0)
    return pages


def _zip_check(file: IO[bytes], name: str) -> str:
    """Check a zip-based document; return "docx" or "odt" or raise FileRejected."""
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            infos = archive.infolist()
            if len(infos) > ZIP_MAX_ENTRIES:
                raise _bomb(name)
            _zip_bounds_declared(infos, name)
            names = {info.filename for info in infos}
            kind = _zip_kind(archive, names, name)
            _zip_bounds_actual(archive, infos, name)
            _zip_macros(archive, names, name, kind)
            return kind
    except FileRejected:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
        raise _broken(name, "DOCX/ODT") from None
    except NotImplementedError:  # an unknown compression method
        raise _broken(name, "DOCX/ODT") from None
    finally:
        file.seek(0)


def _bomb(name: str) -> FileRejected:
    return FileRejected(
        _(
            "“%(name)s” expands to far more data than a document holds (a “zip bomb”), "
            "so we refuse it. Please export the document again."
        ),
        name=name,
        code="zip_bomb",
    )


def _zip_bounds_declared(infos: list[zipfile.ZipInfo], name: str) -> None:
    total = 0
    for info in infos:
        total += info.file_size
        if total > ZIP_MAX_TOTAL_BYTES:
            raise _bomb(name)
        if info.file_size > ZIP_RATIO_FLOOR and info.file_size > ZIP_MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise _bomb(name)


def _zip_bounds_actual(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], name: str) -> None:
    """Inflate every entry, counting: the sizes the headers declare may be lies."""
    total = 0
    for info in infos:
        if info.is_dir():
            continue
        written = 0
        with archive.open(info) as entry:
            while chunk := entry.read(READ_CHUNK):
                written += len(chunk)
                total += len(chunk)
                if written > info.file_size or total > ZIP_MAX_TOTAL_BYTES:
                    raise _bomb(name)


def _zip_kind(archive: zipfile.ZipFile, names: set[str], name: str) -> str:
    if "mimetype" in names:
        with archive.open("mimetype") as entry:
            mimetype = entry.read(200).strip()
        if mimetype == ODT_MIMETYPE and "content.xml" in names:
            return "odt"
        raise FileRejected(
            _(
                "“%(name)s” is an OpenDocument file but not a text document. "
                "Please send a PDF, DOCX or ODT."
            ),
            name=name,
            code="unsupported",
        )
    if "[Content_Types].xml" in names:
        content_types = _zip_read(archive, "[Content_Types].xml", limit=1024 * 1024)
        if b"macroEnabled" in content_types or b"vbaProject" in content_types:
            raise _macros(name)
        if DOCX_MAIN in content_types and "word/document.xml" in names:
            return "docx"
        raise FileRejected(
            _(
                "“%(name)s” is an Office file but not a Word document. "
                "Please send a PDF, DOCX or ODT."
            ),
            name=name,
            code="unsupported",
        )
    raise FileRejected(
        _(
            "“%(name)s” is a zip archive, not a document. "
            "Please send your document itself as a PDF, DOCX or ODT."
        ),
        name=name,
        code="unsupported",
    )


def _zip_read(archive: zipfile.ZipFile, entry: str, *, limit: int) -> bytes:
    with archive.open(entry) as stream:
        return stream.read(limit)


def _macros(name: str) -> FileRejected:
    return FileRejected(
        _(
            "“%(name)s” contains macros, which we refuse for safety. "
            "Please save it as a document without macros (PDF, DOCX or ODT)."
        ),
        name=name,
        code="macros",
    )


def _zip_macros(archive: zipfile.ZipFile, names: set[str], name: str, kind: str) -> None:
    lowered = {entry.lower() for entry in names}
    if any(entry.endswith(("vbaproject.bin", "vbadata.xml")) for entry in lowered):
        raise _macros(name)
    if kind == "odt":
        # OpenDocument macros live in Basic/ (StarBasic) and Scripts/ (Python, JavaScript …);
        # event handlers that call them are vnd.sun.star.script: URLs in the XML.
        if any(entry.startswith(("basic/", "scripts/")) for entry in lowered):
            raise _macros(name)
        for part in ("content.xml", "styles.xml"):
            if part in names and _zip_holds(archive, part, b"vnd.sun.star.script:"):
                raise _macros(name)


def _zip_holds(archive: zipfile.ZipFile, entry: str, needle: bytes) -> bool:
    """Whether ``entry`` holds ``needle``, read a chunk at a time (not the whole part)."""
    tail = b""
    with archive.open(entry) as stream:
        while chunk := stream.read(READ_CHUNK):
            if needle in tail + chunk:
                return True
            tail = chunk[-(len(needle) - 1) :]
    return False


# The control characters (Unicode category Cc) a text letter may hold but few of: all but
# tab, line feed, form feed and carriage return.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _text_encoding(file: IO[bytes]) -> str:
    """The encoding of a plain text file ("utf-8", "utf-16", "cp1252"), or "" if binary.

    Read in chunks (memory does not grow with the file), each decoded and searched for
    control characters in C: a character-by-character loop in Python took 1.2 s on a
    10 MB letter.
    """
    file.seek(0)
    head = file.read(2)
    if head in (b"\xff\xfe", b"\xfe\xff"):
        encoding = "utf-16"
    elif _holds_nul(file):
        return ""
    else:
        encoding = "utf-8-sig"
    counts = _decoded_counts(file, encoding)
    if counts is None:
        encoding = "cp1252"
        counts = _decoded_counts(file, encoding)
        if counts is None:
            return ""
    characters, controls = counts
    if controls > max(2, characters // 100):
        return ""
    return "utf-8" if encoding == "utf-8-sig" else encoding


def _holds_nul(file: IO[bytes]) -> bool:
    file.seek(0)
    try:
        while chunk := file.read(READ_CHUNK):
            if b"\x00" in chunk:
                return True
        return False
    finally:
        file.seek(0)


def _decoded_counts(file: IO[bytes], encoding: str) -> tuple[int, int] | None:
    """(characters, control characters) of ``file`` decoded, or None if it does not decode."""
    decoder = codecs.getincrementaldecoder(encoding)()
    characters = controls = 0
    file.seek(0)
    try:
        while True:
            chunk = file.read(READ_CHUNK)
            text = decoder.decode(chunk, final=not chunk)
            characters += len(text)
            controls += len(_CONTROLS.findall(text))
            if not chunk:
                return characters, controls
    except UnicodeDecodeError:
        return None
    finally:
        file.seek(0)
