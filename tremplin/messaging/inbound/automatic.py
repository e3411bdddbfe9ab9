"""Mail written by machines (RFC 3834): what to ignore, and what not to answer.

Bounces and automatic replies never become applications: they are recorded as
ignored. Other automatic or bulk mail may be an application (a job board forwarding
one, say) but gets no automatic acknowledgement, so that two robots never answer
each other.
"""

from email.message import Message
from email.utils import parseaddr

from tremplin.messaging.inbound.parsing import ParsedMessage, header_text

BOUNCE = "bounce"
AUTO_REPLY = "auto_reply"
DAEMON_SENDERS = {"mailer-daemon", "postmaster"}
BULK_PRECEDENCE = {"bulk", "junk", "list"}


def _auto_submitted(message: Message) -> str:
    return header_text(message, "Auto-Submitted").split(";")[0].strip().lower()


def _empty_return_path(parsed: ParsedMessage, envelope_sender: str | None) -> bool:
    """True for a null reverse path: ``<>``, as bounces are sent (Postfix's pipe names it
    MAILER-DAEMON unless told otherwise)."""
    if envelope_sender is not None:
        address = parseaddr(envelope_sender.strip() or "<>")[1]
        return address == "" or address.lower() == "mailer-daemon"
    return_path = header_text(parsed.message, "Return-Path")
    return bool(return_path) and parseaddr(return_path)[1] == ""


def _from_daemon(parsed: ParsedMessage) -> bool:
    address = parsed.from_address or parseaddr(header_text(parsed.message, "From"))[1]
    return address.partition("@")[0].lower() in DAEMON_SENDERS


def automatic_ignore_reason(parsed: ParsedMessage, *, envelope_sender: str | None) -> str:
    """BOUNCE or AUTO_REPLY when the message must not become an application, else ""."""
    message = parsed.message
    if (
        _empty_return_path(parsed, envelope_sender)
        or _from_daemon(parsed)
        or message.get_content_type() == "multipart/report"
    ):
        return BOUNCE
    if (
        _auto_submitted(message) == "auto-replied"
        or header_text(message, "Precedence").lower() == "auto_reply"
        or header_text(message, "X-Autoreply")
        or header_text(message, "X-Autorespond")
    ):
        return AUTO_REPLY
    return ""


def acknowledgement_allowed(parsed: ParsedMessage, *, envelope_sender: str | None) -> bool:
    """False when RFC 3834 says not to answer automatically."""
    message = parsed.message
    return not (
        _auto_submitted(message) not in ("", "no")
        or header_text(message, "Precedence").lower() in BULK_PRECEDENCE
        or header_text(message, "List-Id")
        or automatic_ignore_reason(parsed, envelope_sender=envelope_sender)
    )
