"""A candidate's original document as a download, recorded: the one way the workspace and
the API hand out a stored file."""

from collections.abc import Mapping
from typing import cast

from django.contrib.auth.base_user import AbstractBaseUser
from django.http import FileResponse, Http404, HttpResponse

from tremplin.applications.models import Document
from tremplin.applications.services import document_download_record


def document_download_response(
    *, document: Document, user: AbstractBaseUser, data: Mapping[str, str] | None = None
) -> HttpResponse:
    """The stored file of ``document`` (decrypted), its download recorded in the audit log
    with ``data``; Http404 when the file is missing."""
    try:
        stream = document.file.open("rb")
    except FileNotFoundError:
        raise Http404("the file is missing") from None
    document_download_record(document=document, user=user, data=data)
    response = FileResponse(
        stream,
        as_attachment=True,
        filename=document.download_name,
        content_type=Document.CONTENT_TYPES.get(document.kind, "application/octet-stream"),
    )
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return cast(HttpResponse, response)  # a streamed response, which the views pass on
