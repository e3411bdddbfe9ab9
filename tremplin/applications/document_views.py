"""Reading a candidate's document in the workspace, with no download: a PDF as its pages,
drawn as images (``pages.py``, in a bounded child process); a Word or OpenDocument file,
a typed letter or a text file as its text.

Who may read: recruiters and owners, as for downloads (``document_get_for_user``); and a
member a rule registered from above lets in (``reader_rules``): review lets a reviewer read
a document of an application they may review, as its pages where they see the candidate's
identity, else as its redacted text only. Then the page images answer 404: a page image
may carry a photo or contact details that no redaction reaches.

Opening the reader records one read of the document (``log_read``, "document.view", as the
application's page records reading its documents). Its page images check the same
permission and record the same read, which ``log_read`` keeps once per reader and
document within its window: opening the reader and its images makes one event, and an
image fetched by its address alone is still recorded.
"""

import re

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from tremplin.accounts.permissions import StaffRequest, staff_view
from tremplin.applications import pages
from tremplin.applications.extraction import ExtractionFailed
from tremplin.applications.models import Document
from tremplin.applications.reader_rules import ReaderAccess, reader_document
from tremplin.core.audit import log_read


def _memory_limit() -> int:
    return int(settings.TREMPLIN_EXTRACTION_MEMORY_LIMIT) * 1024 * 1024


def _file_bytes(document: Document) -> bytes:
    """The stored file, decrypted (it never touches the disk in the clear)."""
    try:
        with document.file.open("rb") as stream:
            return bytes(stream.read())
    except FileNotFoundError:
        raise Http404("the file is missing") from None


def _record(request: StaffRequest, document: Document, access: ReaderAccess | None) -> None:
    data: dict[str, object] = {"role": document.role}
    if access is not None:
        data["blind"] = not access.pages
    log_read(request.user, "document.view", document, data)


def _paragraphs(document: Document, text: str) -> list[str]:
    """``text`` (the document's) as paragraphs: each line of a Word or OpenDocument file is
    one (the extraction writes one per line), elsewhere blank lines part them."""
    if document.kind in (Document.Kind.DOCX, Document.Kind.ODT):
        parts = text.split("\n")
    else:
        parts = re.split(r"\n\s*\n", text)
    return [part.strip("\n") for part in parts if part.strip()]


def _page_rows(sizes: list[pages.PageSize]) -> list[dict[str, object]]:
    rows = []
    count = len(sizes)
    for number, size in enumerate(sizes, start=1):
        rows.append(
            {
                "number": number,
                "width": size.width,
                "height": size.height,
                "alt": _("Page %(number)s of %(count)s") % {"number": number, "count": count},
            }
        )
    return rows


@staff_view
@never_cache
@require_safe
def document_read(request: StaffRequest, org: str, document: int) -> HttpResponse:
    """The document's pages (a PDF) or its text (anything else), with a link back to the
    application and, for recruiters and owners, the download link. A reviewer who does not
    see the candidate's identity gets the redacted text only."""
    found, access = reader_document(membership=request.membership, pk=document)
    _record(request, found, access)
    redacted = access is not None and not access.pages
    context: dict[str, object] = {
        "document": found,
        "application": found.application,
        "access": access,
        "redacted": redacted,
        "page_rows": [],
        "paragraphs": _paragraphs(found, access.text if access and redacted else found.text),
        "page_count": 0,
        "problem": "",
        "image_type": pages.IMAGE_TYPE,
    }
    if found.kind == Document.Kind.PDF and not redacted:
        try:
            count, sizes = pages.pdf_page_sizes(
                data=_file_bytes(found), memory_limit=_memory_limit()
            )
        except ExtractionFailed:
            context["problem"] = (
                _(
                    "This PDF cannot be shown as pages: it may be damaged or protected by a "
                    "password. Its text is below if it could be read."
                )
                if access is not None  # a reviewer, who may not download
                else _(
                    "This PDF cannot be shown as pages: it may be damaged or protected by a "
                    "password. You can still download it, and its text is below if it could "
                    "be read."
                )
            )
        else:
            context["page_rows"] = _page_rows(sizes)
            context["page_count"] = count
            context["pages_left_out"] = max(0, count - len(sizes))
    return render(request, "applications/staff/document_read.html", context)


@staff_view
@require_safe
def document_page(request: StaffRequest, org: str, document: int) -> HttpResponse:
    """Page ``?page=N`` (from 1) of a PDF as an image ``?width=`` 1000 or 2000 pixels wide;
    not found for a member who sees the document's redacted text only."""
    found, access = reader_document(membership=request.membership, pk=document)
    if access is not None and not access.pages:
        raise Http404("no such page")
    try:
        number = int(request.GET.get("page", "1"))
        width = int(request.GET.get("width", str(pages.READING_WIDTH)))
    except ValueError:
        raise Http404("no such page") from None
    if found.kind != Document.Kind.PDF or width not in pages.WIDTHS:
        raise Http404("no such page")
    if not 1 <= number <= pages.MAX_PAGES:
        raise Http404("no such page")
    try:
        image = pages.pdf_page_render(
            data=_file_bytes(found), index=number - 1, width=width, memory_limit=_memory_limit()
        )
    except ExtractionFailed:
        raise Http404("this page cannot be drawn") from None
    _record(request, found, access)
    response = HttpResponse(image, content_type=pages.IMAGE_TYPE)
    # No Cache-Control of our own: core's PrivatePagesNoStoreMiddleware keeps every staff
    # answer out of browser and proxy caches ("no-store"), a page image of a CV included.
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
