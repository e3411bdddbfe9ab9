"""Middleware that applies a rule to every request, so that no view can forget it."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

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


# URL namespaces whose pages are personal: the staff workspace, the admin site and the
# accounts pages (a TOTP secret, a password reset).
PRIVATE_NAMESPACES = ("admin", "accounts")
PRIVATE_NAMESPACE_PREFIX = "staff_"


def _is_private(request: HttpRequest) -> bool:
    match = request.resolver_match
    if match is not None:
        if any(
            namespace in PRIVATE_NAMESPACES or namespace.startswith(PRIVATE_NAMESPACE_PREFIX)
            for namespace in match.namespaces
        ):
            return True
        # A candidate's own pages hang under their private status link.
        if "token" in match.kwargs:
            return True
    # Without a session cookie no one is signed in: leave the session (and Vary: Cookie) be.
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


class PrivatePagesNoStoreMiddleware:
    """Tell browsers and proxies to keep no copy of a page that may show personal data:
    every staff, admin and accounts page, a candidate's pages under their status link, and
    any page answered to someone signed in. Public pages seen by visitors stay cacheable.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if _is_private(request):
            add_never_cache_headers(response)
        return response
