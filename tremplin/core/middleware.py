"""Middleware that applies a rule to every request, so that no view can forget it."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render

NUL = "\x00"


def _holds_nul(data: QueryDict) -> bool:
    return any(NUL in key or any(NUL in value for value in values) for key, values in data.lists())


class NulCharacterRefusalMiddleware:
    """Answer 400 to a request whose address or form data hold a NUL character.

    No text anyone types holds one, PostgreSQL refuses it in a text column (a 500 on one
    engine, silent storage on the other), and nothing downstream checks for it: refusing
    it here, before any view, is the one check that covers every view, field and filter.
    Files are not concerned: their bytes are not form values.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if NUL in request.path or _holds_nul(request.GET) or _holds_nul(request.POST):
            return render(request, "core/nul_character.html", status=400)
        return self.get_response(request)

