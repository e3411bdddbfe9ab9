"""A candidate's PDF as page images, drawn by PDFium in a bounded child process.

PDFium reads a file someone outside sent us: like text extraction, it runs in a child
forked from the extraction server with a time and a memory limit
(``extraction.child_run_bounded``), so a hostile file costs at most that. The child gets
the decrypted bytes through a pipe and answers the sizes of the pages, or one page as an
image; nothing is written to disk. A page is drawn at a width for reading, and its scale is
clamped so that a page with a huge MediaBox never asks for more than ``MAX_PIXELS``.

This module imports no Django: the child imports it to run ``_sizes_work`` and
``_render_work``.
"""

import functools
import io
import math
from dataclasses import dataclass

import pypdfium2 as pdfium
from PIL import features

from tremplin.applications.extraction import ExtractionFailed, child_run_bounded

# The width a page is drawn at for reading, and the largest it may be drawn at (twice that,
# for screens with two pixels a point: the srcset's 2x).
READING_WIDTH = 1000
WIDTHS = (READING_WIDTH, 2 * READING_WIDTH)
# The most pixels one page image may hold at the 1x width (three screens tall); twice the
# width holds four times that. A taller page is drawn at a smaller scale.
MAX_PIXELS = READING_WIDTH * READING_WIDTH * 3
# The longest side of an image (WebP's limit is 16383).
MAX_SIDE = 16000
# Pages shown of one document: a CV or a letter has a few; a 300-page thesis is downloaded.
MAX_PAGES = 50
# How long drawing one page, or reading the sizes, may take.
TIME_LIMIT = 15.0
# The largest image a child may answer (a 2000 × 6000 page in WebP or PNG stays far under).
IMAGE_MAX_BYTES = 64 * 1024 * 1024
WEBP = features.check("webp")
IMAGE_TYPE = "image/webp" if WEBP else "image/png"


class PagesFailed(ExtractionFailed):
    """PDFium could not draw this document. The child's failures come back as
    ExtractionFailed (ExtractionBeyondLimits beyond the limits): callers catch that."""


@dataclass(frozen=True)
class PageSize:
    width: int
    height: int


def page_scale(*, width: float, height: float, target: int) -> float:
    """The scale that draws a page of ``width`` × ``height`` points ``target`` pixels wide,
    smaller when that would pass the pixel bound for ``target``."""
    if width <= 0 or height <= 0:
        raise PagesFailed("a page has no size")
    scale = target / width
    limit = MAX_PIXELS * (target / READING_WIDTH) ** 2
    if width * height * scale * scale > limit:
        # A hair under, so that rounding the sides up still stays within the bound.
        scale = 0.999 * (limit / (width * height)) ** 0.5
    return min(scale, 0.999 * MAX_SIDE / width, 0.999 * MAX_SIDE / height)


def _pixels(*, width: float, height: float, scale: float) -> PageSize:
    """The image's size in pixels, rounded up as PDFium does."""
    return PageSize(width=math.ceil(width * scale), height=math.ceil(height * scale))


def pdf_page_sizes(
    *, data: bytes, memory_limit: int, time_limit: float = TIME_LIMIT
) -> tuple[int, list[PageSize]]:
    """The page count of the PDF ``data`` and the sizes of its first ``MAX_PAGES`` pages as
    drawn at ``READING_WIDTH``; PagesFailed when PDFium cannot read it."""
    found, _ = child_run_bounded(
        work=_sizes_work, data=data, time_limit=time_limit, memory_limit=memory_limit
    )
    sizes = found.get("sizes")
    count = found.get("count")
    if not isinstance(sizes, list) or not isinstance(count, int):
        raise PagesFailed("no page sizes in the answer")
    return count, [PageSize(width=int(w), height=int(h)) for w, h in sizes]


def pdf_page_render(
    *, data: bytes, index: int, width: int, memory_limit: int, time_limit: float = TIME_LIMIT
) -> bytes:
    """Page ``index`` (from 0) of the PDF ``data`` as an ``IMAGE_TYPE`` image ``width``
    pixels wide (less for a page beyond the pixel bound); PagesFailed when it cannot."""
    if width not in WIDTHS or not 0 <= index < MAX_PAGES:
        raise PagesFailed("no such page image")
    _, image = child_run_bounded(
        work=functools.partial(_render_work, index, width),
        data=data,
        time_limit=time_limit,
        memory_limit=memory_limit,
        answer_max_bytes=IMAGE_MAX_BYTES,
    )
    if not image:
        raise PagesFailed("the page was drawn empty")
    return image


# --- In the child ---------------------------------------------------------------------


def _sizes_work(data: bytes) -> tuple[dict[str, object], bytes]:
    pdf = _open(data)
    try:
        sizes = []
        for index in range(min(len(pdf), MAX_PAGES)):
            width, height = pdf.get_page_size(index)
            scale = page_scale(width=width, height=height, target=READING_WIDTH)
            size = _pixels(width=width, height=height, scale=scale)
            sizes.append((size.width, size.height))
        return {"count": len(pdf), "sizes": sizes}, b""
    finally:
        pdf.close()


def _render_work(index: int, width: int, data: bytes) -> tuple[dict[str, object], bytes]:
    pdf = _open(data)
    try:
        if index >= len(pdf):
            raise PagesFailed("no such page")
        page = pdf[index]
        try:
            page_width, page_height = page.get_size()
            scale = page_scale(width=page_width, height=page_height, target=width)
            bitmap = page.render(scale=scale, may_draw_forms=True)
            try:
                image = bitmap.to_pil()
            finally:
                bitmap.close()
        finally:
            page.close()
    except pdfium.PdfiumError as exc:
        raise PagesFailed(f"PDFium: {exc}"[:500]) from exc
    finally:
        pdf.close()
    buffer = io.BytesIO()
    try:
        if WEBP:
            image.save(buffer, format="WEBP", quality=85, method=4)
        else:
            image.save(buffer, format="PNG", optimize=False)
    except (OSError, ValueError) as exc:
        raise PagesFailed(f"image: {exc}"[:500]) from exc
    return {"width": image.width, "height": image.height}, buffer.getvalue()


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise PagesFailed(f"PDFium: {exc}"[:500]) from exc
