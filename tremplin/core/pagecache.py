"""Public pages served from memory.

The careers site's pages (the board, an organization's page, a vacancy's page with its
application form, the feeds) are the same for every anonymous visitor. ``cached_page``
renders each once per address and language, keeps it in the process, and serves it again
until the public content changes or ``PAGE_SECONDS`` pass, whichever comes first: a
deadline that passes shows within that time (the form itself refuses late applications).

What changes the public content calls ``public_pages_changed`` (the vacancies app connects
it to its models' saves and deletes). It moves a generation number kept in Django's cache,
shared by every process; each process reads it at most once per
``GENERATION_CHECK_SECONDS``, so another process's pages follow within that time and the
changing process's own at once.

A visitor with a session (staff, a candidate just back from applying) or with a message
waiting never gets or fills a cached page. Nor is a page kept that holds a CSRF token,
which is each visitor's own: the application form carries none (``core.crossorigin``
guards it instead), so that its page can be served to every visitor alike.
"""

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import translation

PAGE_SECONDS = 60.0
GENERATION_CHECK_SECONDS = 1.0
MAX_PAGES = 1000
GENERATION_KEY = "tremplin:public-pages:generation"

_CSRF_INPUT = b'name="csrfmiddlewaretoken"'
MESSAGES_COOKIE = "messages"


@dataclass(frozen=True)
class _Page:
    generation: object
    expires: float
    content: bytes
    headers: tuple[tuple[str, str], ...]

    def response(self) -> HttpResponse:
        response = HttpResponse(self.content)
        for name, value in self.headers:
            response[name] = value
        return response


class _Store:
    """This process's pages, oldest dropped first, and the generation it last read."""

    def __init__(self) -> None:
        self.pages: OrderedDict[str, _Page] = OrderedDict()
        self.generation: object = None
        self.read_at = float("-inf")

    def current_generation(self, now: float) -> object:
        if now - self.read_at >= GENERATION_CHECK_SECONDS:
            self.generation = cache.get(GENERATION_KEY, 0)
            self.read_at = now
        return self.generation

    def keep(self, key: str, page: _Page) -> None:
        self.pages[key] = page
        self.pages.move_to_end(key)
        while len(self.pages) > MAX_PAGES:
            self.pages.popitem(last=False)


_store = _Store()


def public_pages_changed(**_: Any) -> None:
    """Every process serves freshly rendered public pages from now on (this one at once,
    the others within ``GENERATION_CHECK_SECONDS``). A signal receiver."""
    generation = time.time_ns()
    cache.set(GENERATION_KEY, generation, None)
    _store.pages.clear()
    _store.generation = generation
    _store.read_at = time.time()


def clear() -> None:
    """Forget every page and generation of this process (tests start from nothing)."""
    _store.__init__()  # type: ignore[misc]


def _anonymous(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and MESSAGES_COOKIE not in request.COOKIES
    )


# Where a visitor came from, in a shared link (a job board's ?utm_source=, Tremplin's own
# ?via= and ?by=): such a page is rendered for that visitor and not kept, so a board's
# tracking neither fills the cache with copies nor leaves its query (which the language
# links repeat) in a page served to others.
_TRACKING = ("via", "by")


def _tracked(request: HttpRequest) -> bool:
    return any(name in _TRACKING or name.startswith("utm_") for name in request.GET)


def cached_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve ``view``'s successful answers to anonymous visitors from memory."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _anonymous(request) or _tracked(request):
            return view(request, *args, **kwargs)
        now = time.time()
        generation = _store.current_generation(now)
        key = f"{translation.get_language()} {request.get_full_path()}"
        page = _store.pages.get(key)
        if page is not None and page.generation == generation and page.expires > now:
            return page.response()
        response = view(request, *args, **kwargs)
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and _CSRF_INPUT not in response.content
        ):
            _store.keep(
                key,
                _Page(
                    generation=generation,
                    expires=now + PAGE_SECONDS,
                    content=response.content,
                    headers=tuple(response.items()),
                ),
            )
        return response

    return wrapped
