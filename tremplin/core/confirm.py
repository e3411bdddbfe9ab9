"""Asking first: the confirmation step of a staff action that sends mail or cannot be undone.

The action's button posts as before; the view, before acting, calls ``confirmation_page``
unless ``request.POST`` carries ``confirm=yes``. That page says what will happen, carries
every field the first post had (hidden), and posts them again with ``confirm=yes``. It works
without JavaScript, and nothing changes before the second post: the first one only reads.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

CONFIRM = "confirm"


@dataclass(frozen=True)
class Confirmation:
    question: str  # "Close “Campaign lead”?"
    consequences: Sequence[str]  # what will happen, one sentence each
    button: str  # "Yes, close it"
    cancel_url: str
    danger: bool = False
    preview: Sequence[tuple[str, str]] = field(default=())  # (label, text): a message, say


def confirmed(request: HttpRequest) -> bool:
    return request.POST.get(CONFIRM) == "yes"


def confirmation_page(request: HttpRequest, confirmation: Confirmation) -> HttpResponse:
    """The page that asks, with the first post's fields to send again."""
    carried = [
        (name, value)
        for name in request.POST
        if name not in ("csrfmiddlewaretoken", CONFIRM)
        for value in request.POST.getlist(name)
    ]
    return render(request, "core/confirm.html", {"confirmation": confirmation, "carried": carried})
