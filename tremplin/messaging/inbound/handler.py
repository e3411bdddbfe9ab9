"""What becomes of an incoming message is decided above the mail floor.

The mail floor stores a message, reads it, tells automatic mail apart and finds the message
of ours it answers. Whether it then makes an application, goes on an application's thread
or waits for a person to sort it is the business of the app that owns applications, which
registers its handler here in its ``AppConfig.ready`` (``inbound_handler_register``).
Without one, every message a person sent waits unsorted.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tremplin.messaging.inbound.parsing import ParsedMessage
from tremplin.messaging.models import InboundMessage, OutboxMessage

if TYPE_CHECKING:
    from tremplin.accounts.models import Organization


@dataclass(frozen=True)
class Arrival:
    """What the mail floor knows of a message a person sent."""

    parsed: ParsedMessage
    recipients: list[str]  # the envelope's, then the headers', most precise first
    acknowledge: bool  # False when no automatic answer may go back (RFC 3834)
    replied_to: OutboxMessage | None  # the message of ours it answers, if any


@dataclass(frozen=True)
class InboundHandler:
    # Fill in the row of a message a person sent (its status, reason, organization,
    # vacancy, application), in the transaction that stores it; raises to store nothing.
    take: Callable[[InboundMessage, Arrival], None]
    # The organization a message that could not be taken was sent to, if it can be told.
    organization: Callable[[Sequence[str]], "Organization | None"]


def _unsorted(row: InboundMessage, arrival: Arrival) -> None:
    row.status = InboundMessage.Status.UNSORTED


_handler = InboundHandler(take=_unsorted, organization=lambda recipients: None)


def inbound_handler_register(handler: InboundHandler) -> None:
    """Make ``handler`` the one that takes messages (called from ``AppConfig.ready``)."""
    global _handler
    _handler = handler


def inbound_handler() -> InboundHandler:
    return _handler
