"""Staff lists a page at a time, so that none grows with the data: ``page_of`` gives the
page the address asks for (``?page=N``, the last one if N is too big, the first if it is
not a number) and the rest of the query string for the links of
``staff/_pagination.html``."""

from collections.abc import Sequence
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

PAGE_SIZE = 50


def page_number(request: HttpRequest) -> int:
    """The page ``?page=N`` asks for; 1 when it is not a number (pages past the end are the
    caller's to clamp)."""
    try:
        return int(request.GET.get("page", "1"))
    except ValueError:
        return 1


def page_of(request: HttpRequest, items: QuerySet[Any] | Sequence[Any]) -> dict[str, Any]:
    """``{"page": Page, "query": "other=params"}`` for the template."""
    page: Page[Any] = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return {"page": page, "query": query.urlencode()}
