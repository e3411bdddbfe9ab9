"""The text inside a candidate's document: pypdfium2 for PDF (pypdf when it fails),
python-docx for DOCX, odfpy for ODT. Only ever given files that passed ``file_check``."""

import io
import re
import zipfile
from dataclasses import dataclass

import docx
import pypdfium2 as pdfium
from docx.table import Table
from odf import teletype
from odf.element import Element
from odf.namespaces import METANS, TEXTNS
from odf.opendocument import load as odf_load
from pypdf import PdfReader

from tremplin.applications.files import text_decode


class ExtractionFailed(Exception):
    """The file could not be read; the message says why, for the recruiter."""


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
    document = odf_load(io.BytesIO(data))
    parts: list[str] = []
    _odt_walk(document.text, parts)
    return Extracted(text=_tidy("\n".join(parts)), page_count=_odt_pages(document))


PARAGRAPHS = ((TEXTNS, "p"), (TEXTNS, "h"))


def _odt_walk(element: Element, parts: list[str]) -> None:
    """Paragraphs and headings in document order, including those in lists and tables."""
    for child in element.childNodes:
        if child.nodeType != child.ELEMENT_NODE:
            continue
        if child.qname in PARAGRAPHS:
            parts.append(teletype.extractText(child))
        else:
            _odt_walk(child, parts)


def _odt_pages(document: object) -> int | None:
    """The page count the editor saved in meta.xml, when it did."""
    meta = getattr(document, "meta", None)
    if meta is None:
        return None
    for child in meta.childNodes:
        if getattr(child, "qname", None) == (METANS, "document-statistic"):
            value = child.attributes.get((METANS, "page-count"))
            return int(value) if value and value.isdigit() else None
    return None
