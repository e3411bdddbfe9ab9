"""/api/v1/vacancies: list, get (by id or slug), create, update, publish, close, through
the vacancies app's selectors and services (the editor's own: the same rules apply)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Router, Status

from tremplin.api.auth import ApiError, TokenAuth
from tremplin.api.common import PAGE_DEFAULT, membership, page, refusal
from tremplin.api.schemas import Error, VacancyCreate, VacancyOut, VacancyPage, VacancyPatch
from tremplin.vacancies.models import Vacancy
from tremplin.vacancies.selectors import vacancies_for_member
from tremplin.vacancies.services import (
    CLOSE,
    PUBLISH,
    TextFields,
    vacancy_save,
    vacancy_status_change,
)

router = Router(tags=["vacancies"])
READ = TokenAuth("vacancies:read")
WRITE = TokenAuth("vacancies:write")
ERRORS: dict[int, Any] = {
    400: Error,
    401: Error,
    403: Error,
    404: Error,
    409: Error,
    422: Error,
    429: Error,
}


def _out(vacancy: Vacancy) -> dict[str, Any]:
    return {
        **{
            field.attname: getattr(vacancy, field.attname)
            for field in Vacancy._meta.concrete_fields
        },
        "texts": [
            {"language": t.language, "title": t.title, "summary": t.summary, "body": t.body}
            for t in vacancy.texts.all()
        ],
    }


def _get(request: Any, id_or_slug: str) -> Vacancy:
    """The member's vacancy ``id_or_slug``; 404 for another organization's, as for none."""
    vacancies = vacancies_for_member(membership=membership(request)).prefetch_related("texts")
    found = (
        vacancies.filter(pk=int(id_or_slug)).first()
        if id_or_slug.isdigit()
        else vacancies.filter(slug=id_or_slug).first()
    )
    if found is None:
        raise ApiError(404, "not_found", _("No such vacancy."))
    return found


def _texts(given: dict[str, Any] | None) -> dict[str, TextFields | None]:
    return {
        language: None if text is None else TextFields(**text)
        for language, text in (given or {}).items()
    }


def _save(request: Any, vacancy: Vacancy, fields: dict[str, Any], texts: dict[str, Any]) -> Vacancy:
    for name, value in fields.items():
        setattr(vacancy, name, "" if value is None and name in _BLANKABLE else value)
    try:
        vacancy_save(vacancy=vacancy, texts=_texts(texts), actor=request.api_token.user)
    except ValidationError as error:
        raise refusal(error) from error
    return _get(request, str(vacancy.pk))


_BLANKABLE = {
    "employment_type",
    "location",
    "pay_currency",
    "pay_period",
    "apply_email",
    "apply_url",
    "application_language",
}


@router.get("/vacancies", response={200: VacancyPage, **ERRORS}, auth=READ)
def vacancy_list(
    request: Any, cursor: str | None = None, limit: int = PAGE_DEFAULT, status: str | None = None
) -> dict[str, Any]:
    """The organization's vacancies, by id; ``status`` filters (draft, published, closed)."""
    vacancies = vacancies_for_member(membership=membership(request)).prefetch_related("texts")
    if status:
        vacancies = vacancies.filter(status=status)
    rows, next_cursor = page(vacancies, cursor=cursor, limit=limit)
    return {"items": [_out(vacancy) for vacancy in rows], "next": next_cursor}


@router.post("/vacancies", response={201: VacancyOut, **ERRORS}, auth=WRITE)
def vacancy_create(request: Any, payload: VacancyCreate) -> Status[dict[str, Any]]:
    """A draft vacancy; publish it with its ``publish`` action."""
    given = payload.model_dump(exclude_unset=True)
    texts = given.pop("texts")
    vacancy = Vacancy(organization=membership(request).organization)
    return Status(201, _out(_save(request, vacancy, given, texts)))


@router.get("/vacancies/{id_or_slug}", response={200: VacancyOut, **ERRORS}, auth=READ)
def vacancy_get(request: Any, id_or_slug: str) -> dict[str, Any]:
    return _out(_get(request, id_or_slug))


@router.patch("/vacancies/{id_or_slug}", response={200: VacancyOut, **ERRORS}, auth=WRITE)
def vacancy_update(request: Any, id_or_slug: str, payload: VacancyPatch) -> dict[str, Any]:
    """Change the fields given (and only them); a published vacancy keeps obeying the
    publishing rules."""
    vacancy = _get(request, id_or_slug)
    given = payload.model_dump(exclude_unset=True)
    texts = given.pop("texts", None)
    return _out(_save(request, vacancy, given, texts))


def _status_change(request: Any, id_or_slug: str, action: str) -> dict[str, Any]:
    vacancy = _get(request, id_or_slug)
    try:
        vacancy_status_change(vacancy=vacancy, action=action, actor=request.api_token.user)
    except ValidationError as error:
        state = all(item.code == "state" for item in error.error_list)
        raise refusal(error, status=409 if state else 422) from error
    return _out(_get(request, id_or_slug))


@router.post("/vacancies/{id_or_slug}/publish", response={200: VacancyOut, **ERRORS}, auth=WRITE)
def vacancy_publish(request: Any, id_or_slug: str) -> dict[str, Any]:
    """Publish a draft. Refused with 422 naming each rule it breaks (``pay_range_required``:
    a paid job needs a pay range; ``texts_required``; ``deadline_past``), 409 when it is not
    a draft."""
    return _status_change(request, id_or_slug, PUBLISH)


@router.post("/vacancies/{id_or_slug}/close", response={200: VacancyOut, **ERRORS}, auth=WRITE)
def vacancy_close(request: Any, id_or_slug: str) -> dict[str, Any]:
    """Close a published vacancy: it takes no more applications."""
    return _status_change(request, id_or_slug, CLOSE)
