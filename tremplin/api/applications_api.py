"""/api/v1/applications: list (filters, cursor), get with the candidate's name and e-mail,
move to a stage, add a note, download a document; through the applications app's
selectors and services, as the workspace does. Each read of personal data is audited with
the token's name; erased candidates are gone from the rows, hence from every answer."""

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Status

from tremplin.api.auth import ApiError, ApiRequest, TokenAuth
from tremplin.api.common import PAGE_DEFAULT, audit_read, membership, page, refusal
from tremplin.api.schemas import (
    ApplicationOut,
    ApplicationPage,
    ApplicationPatch,
    Error,
    MoveIn,
    NoteIn,
    NoteOut,
)
from tremplin.applications.downloads import document_download_response
from tremplin.applications.models import Application, Document, Note
from tremplin.applications.notes import note_add, note_as_json
from tremplin.applications.selectors import (
    application_get_for_user,
    applications_for_member,
    document_get_for_user,
)
from tremplin.applications.services import application_move
from tremplin.vacancies.selectors import vacancies_for_member

router = Router(tags=["applications"])
READ = TokenAuth("applications:read")
WRITE = TokenAuth("applications:write")
ERRORS: dict[int, Any] = {400: Error, 401: Error, 403: Error, 404: Error, 422: Error, 429: Error}

CURRENT_DOCUMENTS = Prefetch(
    "documents",
    queryset=Document.objects.filter(superseded_at=None).order_by("pk"),
    to_attr="current_documents",
)
NOTES_IN_ORDER = Note.objects.select_related("author").order_by("created_at", "pk")
STAFF_NOTES = Prefetch("staff_notes", queryset=NOTES_IN_ORDER, to_attr="notes_written")


def _out(application: Application) -> dict[str, Any]:
    documents = getattr(application, "current_documents", None)
    if documents is None:
        documents = list(application.documents.filter(superseded_at=None).order_by("pk"))
    written = getattr(application, "notes_written", None)
    if written is None:
        written = list(NOTES_IN_ORDER.filter(application=application))
    return {
        "id": application.pk,
        "vacancy": {"id": application.vacancy.pk, "slug": application.vacancy.slug},
        "stage": application.stage,
        "source": application.source,
        "source_detail": application.source_detail,
        "language": application.language,
        "candidate": {"name": application.candidate.name, "email": application.candidate.email},
        "documents": [
            {
                "id": document.pk,
                "role": document.role,
                "kind": document.kind,
                "original_name": document.original_name,
                "size": document.size,
                "created_at": document.created_at,
                "download": f"/api/v1/applications/{application.pk}/documents/{document.pk}",
            }
            for document in documents
        ],
        # The notes on receipt (the intake's), then the staff's notes (Note rows).
        "notes": [
            *(note for note in application.notes or [] if isinstance(note, dict)),
            *(note_as_json(note) for note in written),
        ],
        "created_at": application.created_at,
        "updated_at": application.updated_at,
    }


def _get(request: Any, pk: int) -> Application:
    try:
        return application_get_for_user(membership=membership(request), pk=pk)
    except Http404:
        raise ApiError(404, "not_found", _("No such application.")) from None


@router.get("/applications", response={200: ApplicationPage, **ERRORS}, auth=READ)
def application_list(
    request: ApiRequest,
    vacancy: str | None = None,
    stage: str | None = None,
    updated_since: datetime | None = None,
    cursor: str | None = None,
    limit: int = PAGE_DEFAULT,
) -> dict[str, Any]:
    """The organization's applications by id, filtered by vacancy (id or slug), stage and
    last change (``updated_since``, ISO 8601); ``next`` is the cursor of the next page."""
    found = applications_for_member(
        membership=membership(request), stage=stage or "", updated_since=updated_since
    )
    if vacancy:
        vacancies = vacancies_for_member(membership=membership(request))
        vacancies = (
            vacancies.filter(pk=int(vacancy))
            if vacancy.isdigit()
            else vacancies.filter(slug=vacancy)
        )
        found = found.filter(vacancy__in=vacancies)
    rows, next_cursor = page(
        found.prefetch_related(CURRENT_DOCUMENTS, STAFF_NOTES), cursor=cursor, limit=limit
    )
    if rows:
        audit_read(request, "application.list", None, {"applications": [row.pk for row in rows]})
    return {"items": [_out(row) for row in rows], "next": next_cursor}


@router.get("/applications/{id}", response={200: ApplicationOut, **ERRORS}, auth=READ)
def application_get(request: ApiRequest, id: int) -> dict[str, Any]:
    application = _get(request, id)
    audit_read(request, "application.view", application)
    return _out(application)


def _move(request: ApiRequest, id: int, payload: MoveIn | ApplicationPatch) -> dict[str, Any]:
    application = _get(request, id)
    try:
        application_move(
            application=application,
            to_stage=payload.stage,
            by=request.api_token.user,
            reason=payload.reason,
            reason_text=payload.reason_text,
        )
    except ValidationError as error:
        raise refusal(error) from error
    audit_read(request, "application.view", application)
    return _out(_get(request, id))


@router.patch("/applications/{id}", response={200: ApplicationOut, **ERRORS}, auth=WRITE)
def application_update(request: ApiRequest, id: int, payload: ApplicationPatch) -> dict[str, Any]:
    """Move the application to ``stage`` (as ``POST …/move``)."""
    return _move(request, id, payload)


@router.post("/applications/{id}/move", response={200: ApplicationOut, **ERRORS}, auth=WRITE)
def application_stage_move(request: ApiRequest, id: int, payload: MoveIn) -> dict[str, Any]:
    """Move the application to a stage of the pipeline; not retaining needs a ``reason``
    (and prepares the rejection message as a draft, as in the workspace)."""
    return _move(request, id, payload)


@router.post("/applications/{id}/notes", response={201: NoteOut, **ERRORS}, auth=WRITE)
def application_note(request: ApiRequest, id: int, payload: NoteIn) -> Status[dict[str, str]]:
    application = _get(request, id)
    try:
        note = note_add(application=application, body=payload.text, by=request.api_token.user)
    except ValidationError as error:
        raise refusal(error) from error
    return Status(201, note_as_json(note))


@router.get(
    "/applications/{id}/documents/{document_id}",
    response={200: None, **ERRORS},
    auth=READ,
)
def document_download(request: ApiRequest, id: int, document_id: int) -> HttpResponse:
    """The candidate's original file; each download is recorded, as in the workspace."""
    try:
        document = document_get_for_user(membership=membership(request), pk=document_id)
    except Http404:
        raise ApiError(404, "not_found", _("No such document.")) from None
    if document.application_id != id:
        raise ApiError(404, "not_found", _("No such document."))
    token = request.api_token
    try:
        return document_download_response(
            document=document, user=token.user, data={"via": "api", "client": token.name}
        )
    except Http404:
        raise ApiError(404, "not_found", _("The file is missing.")) from None
