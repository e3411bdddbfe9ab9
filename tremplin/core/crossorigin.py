"""Forged cross-site posts refused by what the browser says of where they come from.

Django's CSRF protection pairs a secret cookie with a token in the form, so every visitor
needs a form of their own. The application form sits on a page that is the same for every
anonymous visitor and served from memory (``core.pagecache``): a token per visitor would
make each new visitor's page a page of its own, and drawing the secret and its mask cost
more than serving the page. That form carries no authority (the visitor is anonymous, and
the session cookie is ``SameSite=Lax``, so a cross-site post would not carry it anyway), so
it is guarded the way Go's ``net/http.CrossOriginProtection`` guards every form: browsers
have sent ``Sec-Fetch-Site`` with every request since 2023 and ``Origin`` with every post
since 2020, and a post that one of them marks as coming from another site is refused.
A request with neither comes from a program, not a browser, and has no cookie to abuse;
it is let through, to be judged like any other (rate limits, the form's own checks).
"""

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.module_loading import import_string
from django.views.decorators.csrf import csrf_exempt

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
REFUSED = "the browser says this post comes from another site"


def _own_origin(request: HttpRequest, origin: str) -> bool:
    if origin in settings.CSRF_TRUSTED_ORIGINS:
        return True
    parts = urlsplit(origin)
    return parts.scheme == request.scheme and parts.netloc == request.get_host()


def cross_site(request: HttpRequest) -> bool:
    """Whether the browser says ``request`` was sent by a page of another site."""
    fetched_from = request.headers.get("Sec-Fetch-Site")
    if fetched_from in ("same-origin", "none"):  # our own page, or typed by the person
        return False
    origin = request.headers.get("Origin")
    if origin is None:
        # Sec-Fetch-Site without Origin is not a browser's post; neither is a program.
        return fetched_from is not None
    return origin == "null" or not _own_origin(request, origin)


def cross_origin_protected(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Exempt ``view`` from Django's token check and refuse cross-site posts instead,
    with the project's CSRF failure page (403, in the visitor's language)."""

    @csrf_exempt
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method not in SAFE_METHODS and cross_site(request):
            failure: Callable[..., HttpResponse] = import_string(settings.CSRF_FAILURE_VIEW)
            return failure(request, reason=REFUSED)
        return view(request, *args, **kwargs)

    return wrapped
