"""The JSON API, /api/v1/: django-ninja, described by OpenAPI 3 at /api/v1/openapi.json
with interactive docs at /api/v1/docs (Swagger UI served from our own static files, so
the page works offline and under the site's Content Security Policy)."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from tremplin.api.applications_api import router as applications_router
from tremplin.api.auth import ApiError
from tremplin.api.vacancies_api import router as vacancies_router
from tremplin.api.webhooks_api import router as webhooks_router

api = NinjaAPI(
    title="Tremplin API",
    version="1",
    description=(
        "Vacancies, applications and webhooks of one organization. Send "
        "`Authorization: Bearer <token>`; owners make tokens in the workspace or with "
        '`tremplin api-token create`. Lists answer `{"items": [...], "next": cursor}`: '
        "pass `next` as `cursor` for the next page, until it is null."
    ),
    urls_namespace="api-v1",
)
api.add_router("", vacancies_router)
api.add_router("", applications_router)
api.add_router("", webhooks_router)


def _json(request: HttpRequest, status: int, body: dict[str, Any]) -> HttpResponse:
    response = api.create_response(request, body, status=status)
    response["Cache-Control"] = "private, no-store"
    return response


@api.exception_handler(ApiError)
def api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
    response = _json(request, exc.status, {"detail": exc.detail, "code": exc.code, **exc.extra})
    for name, value in exc.headers.items():
        response[name] = value
    return response


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = _json(
        request,
        401,
        {
            "detail": _("A valid API token is required: Authorization: Bearer <token>."),
            "code": "unauthenticated",
        },
    )
    response["WWW-Authenticate"] = 'Bearer realm="tremplin"'
    return response


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = [
        {
            "field": ".".join(str(part) for part in error.get("loc", ())),
            "code": str(error.get("type", "invalid")),
            "message": str(error.get("msg", "")),
        }
        for error in exc.errors
    ]
    return _json(
        request,
        422,
        {"detail": _("The request is not valid."), "code": "invalid", "errors": errors},
    )


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return _json(request, exc.status_code, {"detail": str(exc), "code": "error"})
