"""Mail queued from the floors below the mail app (``accounts``: invitations, password
resets). They cannot import it, so it registers its sender here in its ``AppConfig.ready``
(``messaging.apps``), and ``queue`` hands every message to that sender. With none
registered, ``queue`` raises: a message must never be dropped in silence."""

from collections.abc import Mapping
from typing import Any, Protocol

from django.core.exceptions import ImproperlyConfigured


class Sender(Protocol):
    def __call__(
        self,
        *,
        to: str,
        subject: str,
        body: str,
        language: str,
        headers: Mapping[str, str] | None = None,
        kind: str = "other",
        sender: Any = None,
    ) -> object: ...


_registered: list[Sender] = []


def sender_register(sender: Sender) -> None:
    """Make ``sender`` the one that sends what ``queue`` is given (the last one wins)."""
    _registered[:] = [sender]


def queue(
    *,
    to: str,
    subject: str,
    body: str,
    language: str,
    headers: Mapping[str, str] | None = None,
    kind: str = "other",
    sender: Any = None,
) -> None:
    """Queue one e-mail to ``to`` in ``language``; ``sender`` is the member of staff who
    caused it, if any."""
    if not _registered:
        raise ImproperlyConfigured(
            "No mail sender is registered: the mail app (tremplin.messaging) registers one "
            "in its AppConfig.ready; is it in INSTALLED_APPS?"
        )
    _registered[0](
        to=to,
        subject=subject,
        body=body,
        language=language,
        headers=headers,
        kind=kind,
        sender=sender,
    )
