"""Mail queued from the floors below the mail app (``accounts``: invitations, password
resets). They cannot import it, so it registers its sender here in its ``AppConfig.ready``
(``messaging.apps``: ``outbox.outbox_compose``), and ``compose`` hands every message to
that sender. With none registered, ``compose`` raises: a message must never be dropped in
silence."""

from collections.abc import Callable, Mapping
from typing import Protocol

from django.core.exceptions import ImproperlyConfigured

from tremplin.core.audit import Actor


class Sender(Protocol):
    def __call__(
        self,
        *,
        to: str,
        language: str,
        compose: Callable[[], tuple[str, str]],
        headers: Mapping[str, str] | None = None,
        kind: str = "other",
        sender: Actor = None,
    ) -> object: ...


_registered: list[Sender] = []


def sender_register(sender: Sender) -> None:
    """Make ``sender`` the one that sends what ``compose`` is given (the last one wins)."""
    _registered[:] = [sender]


def compose(
    *,
    to: str,
    language: str,
    compose: Callable[[], tuple[str, str]],
    headers: Mapping[str, str] | None = None,
    kind: str = "other",
    sender: Actor = None,
) -> None:
    """Queue one e-mail to ``to`` in ``language``: ``compose`` gives its subject and body,
    run with ``language`` active; ``sender`` is the member of staff who caused it, if any."""
    if not _registered:
        raise ImproperlyConfigured(
            "No mail sender is registered: the mail app (tremplin.messaging) registers one "
            "in its AppConfig.ready; is it in INSTALLED_APPS?"
        )
    _registered[0](
        to=to, language=language, compose=compose, headers=headers, kind=kind, sender=sender
    )
