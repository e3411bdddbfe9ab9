"""The text inside a candidate's document: pypdfium2 for PDF (pypdf when it fails),
python-docx for DOCX, odfpy for ODT. Only ever given files that passed ``file_check``.

A file under the upload limit may still take minutes and gigabytes to parse (a DOCX of
10 MB can hold 100 MB of XML), so ``text_extract_bounded`` parses in a child process with
a time and a memory limit, forked for that one file from a server that has the parsers
loaded. The decrypted bytes go to it through a pipe and the text comes back through the
same pipe: no plaintext copy of the file is ever written to disk.
"""

import contextlib
import functools
import io
import json
import math
import multiprocessing
import multiprocessing.context
import multiprocessing.forkserver
import os
import re
import resource
import signal
import threading
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pypdfium2 as pdfium

# The other parsers (pypdf, python-docx, odfpy) are imported where they are used: the
# child that extracts a PDF, by far the most common case, then starts in a fraction of
# the time, and one for a text letter loads no parser at all.
if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from odf.element import Element


class ExtractionFailed(Exception):
    """The file could not be read; the message says why, for the recruiter."""


class ExtractionBeyondLimits(ExtractionFailed):
    """Reading the file would take more time or memory than allowed: the file is kept,
    its text is not extracted."""


@dataclass(frozen=True)
class Extracted:
    text: str
    page_count: int | None


def text_extract(*, kind: str, data: bytes, encoding: str = "") -> Extracted:
    """The text and page count of a document of ``kind`` ("pdf", "docx", "odt", "txt")."""
    try:
        if kind == "pdf":
            return _pdf(data)
        if kind == "docx":
            return _docx(data)
        if kind == "odt":
            return _odt(data)
        if kind == "txt":
            return Extracted(text=_tidy(text_decode(data, encoding=encoding)), page_count=None)
    except ExtractionFailed:
        raise
    except Exception as exc:  # parsers fed hostile bytes may fail in any way
        raise ExtractionFailed(f"{type(exc).__name__}: {exc}"[:500]) from exc
    raise ExtractionFailed(f"unknown document type {kind!r}")


def text_decode(data: bytes, *, encoding: str) -> str:
    """Plain text bytes as a string, by the encoding file_check found."""
    if encoding == "utf-8":
        encoding = "utf-8-sig"
    return data.decode(encoding or "utf-8-sig", errors="replace")


def _tidy(text: str) -> str:
    """Normalise line ends, drop NULs and trailing blanks, squeeze runs of empty lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _pdf(data: bytes) -> Extracted:
    try:
        return pdf_text_pdfium(data)
    except pdfium.PdfiumError:
        pass
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        reader.decrypt("")
    pages = [page.extract_text() or "" for page in reader.pages]
    return Extracted(text=_tidy("\n\n".join(pages)), page_count=len(pages))


def pdf_text_pdfium(data: bytes) -> Extracted:
    """The text of every page, read with PDFium (also the benchmark's floor)."""
    pdf = pdfium.PdfDocument(data)
    try:
        pages: list[str] = []
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                textpage = page.get_textpage()
                try:
                    pages.append(textpage.get_text_bounded())
                finally:
                    textpage.close()
            finally:
                page.close()
        return Extracted(text=_tidy("\n\n".join(pages)), page_count=len(pages))
    finally:
        pdf.close()


def _docx(data: bytes) -> Extracted:
    import docx
    from docx.table import Table

    document = docx.Document(io.BytesIO(data))
    parts: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    if not cells or cells[-1] != cell.text:  # merged cells repeat
                        cells.append(cell.text)
                parts.append("\t".join(cells))
        else:
            parts.append(block.text)
    return Extracted(text=_tidy("\n".join(parts)), page_count=_docx_pages(data))


def _docx_pages(data: bytes) -> int | None:
    """The page count Word saved in docProps/app.xml, when it did."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if "docProps/app.xml" not in archive.namelist():
            return None
        with archive.open("docProps/app.xml") as entry:
            found = re.search(rb"<(?:\w+:)?Pages>(\d+)</", entry.read(1024 * 1024))
    return (int(found.group(1)) or None) if found else None


def _odt(data: bytes) -> Extracted:
    from odf.opendocument import load as odf_load

    document = odf_load(io.BytesIO(data))
    parts: list[str] = []
    _odt_walk(document.text, parts)
    return Extracted(text=_tidy("\n".join(parts)), page_count=_odt_pages(document))


def _odt_walk(element: "Element", parts: list[str]) -> None:
    """Paragraphs and headings in document order, including those in lists and tables."""
    from odf import teletype
    from odf.namespaces import TEXTNS

    paragraphs = ((TEXTNS, "p"), (TEXTNS, "h"))
    for child in element.childNodes:
        if child.nodeType != child.ELEMENT_NODE:
            continue
        if child.qname in paragraphs:
            parts.append(teletype.extractText(child))
        else:
            _odt_walk(child, parts)


def _odt_pages(document: object) -> int | None:
    """The page count the editor saved in meta.xml, when it did."""
    from odf.namespaces import METANS

    meta = getattr(document, "meta", None)
    if meta is None:
        return None
    for child in meta.childNodes:
        if getattr(child, "qname", None) == (METANS, "document-statistic"):
            value = child.attributes.get((METANS, "page-count"))
            return int(value) if value and value.isdigit() else None
    return None


# The text kept of one document: some 400 pages of dense text, far more than a CV or a
# letter, and a bound on what the child sends back to the worker.
TEXT_MAX_CHARS = 1_000_000
MB = 1024 * 1024
# Less address space than this, and Python could not even load the parsers.
CHILD_MIN_BYTES = 128 * MB
# Where the extraction server finds the tremplin package.
PACKAGE_ROOT = Path(__file__).resolve().parents[2]


def text_extract_bounded(
    *, kind: str, data: bytes, encoding: str = "", time_limit: float, memory_limit: int
) -> Extracted:
    """``text_extract`` in a child process that may run ``time_limit`` seconds and, with
    this process, use ``memory_limit`` bytes (see ``child_run_bounded``);
    ExtractionBeyondLimits when it needs more."""
    if kind == "txt":
        # Decoding plain text costs time and memory in proportion to the upload, which the
        # form bounds: no parser to contain, so no child process to pay for (half the
        # documents of a typical application are typed letters).
        result = text_extract(kind=kind, data=data, encoding=encoding)
        return Extracted(text=result.text[:TEXT_MAX_CHARS], page_count=result.page_count)
    found, _payload = child_run_bounded(
        work=functools.partial(_extract_work, kind, encoding),
        data=data,
        time_limit=time_limit,
        memory_limit=memory_limit,
    )
    count = found["page_count"]
    text = str(found["text"])[:TEXT_MAX_CHARS]
    return Extracted(text=text, page_count=count if isinstance(count, int) else None)


def child_run_bounded(
    *,
    work: Callable[[bytes], tuple[dict[str, object], bytes]],
    data: bytes,
    time_limit: float,
    memory_limit: int,
    answer_max_bytes: int = 0,
) -> tuple[dict[str, object], bytes]:
    """``work(data)`` in a child process that may run ``time_limit`` seconds and, with
    this process, use ``memory_limit`` bytes: its JSON-able answer and bytes (a page
    image, say). ExtractionBeyondLimits when it needs more, ExtractionFailed when it
    raised that. ``work`` is pickled by reference: a module-level function (or a partial
    of one) of a module the child can import without Django.

    The child's address space is capped at what this process leaves of ``memory_limit``
    (its resident memory now), so the two together stay under it. Its CPU time is capped
    too, so a child whose parent was killed still ends by itself.

    Each child is forked afresh, for one document only, from this process's extraction
    server (see ``extraction_context``), which has the parsers loaded already: starting
    it costs a fork, not a Python start. The server's memory is shared by the child and
    already counted in the child's address space, hence in the limit.
    """
    address_space = memory_limit - _resident_bytes()
    if address_space < CHILD_MIN_BYTES:
        raise ExtractionBeyondLimits(
            f"the worker itself uses all but {max(address_space, 0) // MB} MB of the "
            f"{memory_limit // MB} MB limit"
        )
    seconds = max(1, math.ceil(time_limit))
    deadline = time.monotonic() + time_limit
    context = extraction_context()
    ours, theirs = context.Pipe(duplex=True)
    child = context.Process(
        target=_child_main,
        args=(theirs, work, address_space, seconds),
        name="tremplin-extraction",
        daemon=True,
    )
    try:
        child.start()
        theirs.close()
        answer: bytes | None = None
        try:
            ours.send_bytes(data)
            if ours.poll(max(0.0, deadline - time.monotonic())):
                answer = ours.recv_bytes(answer_max_bytes or ANSWER_MAX_BYTES)
        except (EOFError, OSError):
            pass  # the child died: its exit code says how
        child.join(max(0.0, deadline - time.monotonic()))
        exitcode = child.exitcode
        if exitcode is None:
            raise ExtractionBeyondLimits(f"reading it took more than {time_limit:g} s")
    finally:
        ours.close()
        theirs.close()
        if child.exitcode is None and child.pid is not None:
            child.kill()
            child.join()
        with contextlib.suppress(ValueError):
            child.close()
    return _child_result(
        answer, exitcode=exitcode, time_limit=time_limit, memory_limit=memory_limit
    )


# A child's answer: JSON of at most TEXT_MAX_CHARS characters, each at most 12 bytes in
# ASCII JSON (an escaped surrogate pair), and a page count.
ANSWER_MAX_BYTES = 12 * TEXT_MAX_CHARS + 1024
# The exit status of a child that ran out of memory before it could say so.
EXIT_OUT_OF_MEMORY = 3
# The modules every child needs, loaded once in the extraction server.
PRELOAD = ("pypdfium2", "pypdf", "docx", "odf.opendocument", "odf.teletype", "lxml.etree")
# And what draws pages (pages.py), so a page image costs a fork and the drawing only.
PRELOAD_PAGES = ("tremplin.applications.pages", "PIL.Image", "PIL.WebPImagePlugin")
_context_lock = threading.Lock()
_context: list[multiprocessing.context.ForkServerContext] = []


def extraction_context() -> multiprocessing.context.ForkServerContext:
    """The "forkserver" context the children are forked from, started on first use.

    Its server is a fresh Python, started from this process with the environment of
    ``_child_environment`` (no secrets, no database), which imports this module and the
    parsers once; each child is then forked from it, for one document. No child is ever
    reused, so a hostile file cannot affect the next.
    """
    with _context_lock:
        if not _context:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload([__name__, *PRELOAD, *PRELOAD_PAGES])
            # The server inherits the environment it starts with, and keeps it in its
            # memory: give it only what the children need.
            saved, server = dict(os.environ), _child_environment()
            os.environ.clear()
            os.environ.update(server)
            try:
                multiprocessing.forkserver.ensure_running()
            finally:
                os.environ.clear()
                os.environ.update(saved)
            _context.append(context)
        return _context[0]


def _resident_bytes() -> int:
    """This process's resident memory now (its peak where /proc is missing)."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _child_environment() -> dict[str, str]:
    """What the child needs of the environment, and nothing else: no secrets, no database."""
    keep = ("PATH", "LANG", "LC_ALL", "TMPDIR", "VIRTUAL_ENV")
    environment = {name: os.environ[name] for name in keep if name in os.environ}
    return {**environment, "PYTHONPATH": str(PACKAGE_ROOT), "PYTHONNOUSERSITE": "1"}


def _child_result(
    answer: bytes | None, *, exitcode: int | None, time_limit: float, memory_limit: int
) -> tuple[dict[str, object], bytes]:
    beyond_memory = f"reading it needed more than {memory_limit // MB} MB of memory"
    if exitcode is not None and exitcode < 0:
        number = -exitcode
        if number == signal.SIGXCPU or number == signal.SIGKILL:
            raise ExtractionBeyondLimits(f"reading it took more than {time_limit:g} s")
        # A parser that cannot allocate may crash rather than raise.
        raise ExtractionBeyondLimits(f"{beyond_memory} (stopped by {signal.Signals(number).name})")
    if exitcode == EXIT_OUT_OF_MEMORY:
        raise ExtractionBeyondLimits(beyond_memory)
    header, _nul, payload = (answer or b"").partition(b"\0")
    try:
        found = json.loads(header) if answer is not None else None
    except ValueError:
        found = None
    if not isinstance(found, dict):
        raise ExtractionFailed(f"the reader stopped with status {exitcode} and no answer")
    if "error" in found:
        if found.get("memory"):
            raise ExtractionBeyondLimits(beyond_memory)
        raise ExtractionFailed(str(found["error"])[:500])
    return found, payload


def _peak_address_space() -> int:
    """The most address space this process held (0 where /proc is missing)."""
    try:
        with open("/proc/self/status", "rb") as status:
            for line in status:
                if line.startswith(b"VmPeak:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _address_space() -> int:
    """The address space this process holds now (0 where /proc is missing)."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _child_main(
    connection: "Connection",
    work: Callable[[bytes], tuple[dict[str, object], bytes]],
    address_space: int,
    seconds: int,
) -> None:
    """In the child: limit ourselves, read the file from the pipe, answer through it."""
    # What parsers print (pypdf warns about broken files) is no business of the worker's log.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
    # Forked from the extraction server, this process already holds the interpreter and
    # the parsers: they count against the limit, as they did in a child started afresh.
    resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    try:
        answer = _child_answer(connection.recv_bytes(), work, address_space)
        connection.send_bytes(answer)
    except MemoryError:
        try:
            connection.send_bytes(b'{"error": "out of memory", "memory": true}')
        finally:
            os._exit(EXIT_OUT_OF_MEMORY)


def _extract_work(kind: str, encoding: str, data: bytes) -> tuple[dict[str, object], bytes]:
    result = text_extract(kind=kind, data=data, encoding=encoding)
    return {"text": result.text[:TEXT_MAX_CHARS], "page_count": result.page_count}, b""


def _child_answer(
    data: bytes, work: Callable[[bytes], tuple[dict[str, object], bytes]], address_space: int
) -> bytes:
    """JSON, then a NUL and the work's bytes (ASCII JSON never holds a NUL)."""
    payload = b""
    try:
        answer, payload = work(data)
    except MemoryError:
        answer = {"error": "out of memory", "memory": True}
    except ExtractionFailed as exc:
        # Parsers in C report a failed allocation in their own words ("unknown error" for
        # lxml): what tells is how close to the limit this process came.
        out_of_memory = (
            isinstance(exc.__cause__, MemoryError) or _peak_address_space() > 0.9 * address_space
        )
        answer = {"error": str(exc), "memory": out_of_memory}
    # ASCII JSON: a lone surrogate a parser let through travels too, where UTF-8 cannot.
    return json.dumps(answer).encode("ascii") + (b"\0" + payload if payload else b"")
