"""Incoming mail, kept: the raw message and its InboundMessage row, stored once.

Receiving keeps the raw message in the private storage and records an InboundMessage
in the same transaction as what the handler of the apps above makes of it (an
application, say: ``handler.py``), so a message is either wholly taken or not at all;
one already recorded (same raw bytes, or same Message-ID) is not taken twice.
"""

import hashlib
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from tremplin.messaging.addresses import reply_tokens
from tremplin.messaging.inbound.automatic import acknowledgement_allowed, automatic_ignore_reason
from tremplin.messaging.inbound.handler import Arrival, inbound_handler
from tremplin.messaging.inbound.parsing import ParsedMessage, message_parse
from tremplin.messaging.inbound.text import text_clean
from tremplin.messaging.models import InboundAttempt, InboundMessage, OutboxMessage

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Received:
    message: InboundMessage
    created: bool  # False: it had been recorded before, and nothing was done this time


def _recorded(*, sha256: str, message_id: str) -> InboundMessage | None:
    match = Q(raw_sha256=sha256)
    if message_id:
        match |= Q(message_id=message_id)
    return InboundMessage.objects.filter(match).order_by("pk").first()


def inbound_replied_to(parsed: ParsedMessage, recipients: Sequence[str]) -> OutboxMessage | None:
    """The message of ours this one answers, if any: by the reply token of the address it
    was sent to (``jobs+r-<token>@…``), else by its In-Reply-To and References headers."""
    replies = OutboxMessage.objects.select_related("application__vacancy__organization")
    tokens = reply_tokens(recipients=recipients)
    if tokens:
        for token in tokens:
            found = replies.filter(reply_token=token).order_by("-pk").first()
            if found is not None:
                return found
    ids = re.findall(r"<[^<>\s]+>", f"{parsed.header('In-Reply-To')} {parsed.header('References')}")
    if not ids:
        return None
    return replies.filter(message_id__in=ids).order_by("-pk").first()


def _record(
    *,
    raw: bytes,
    channel: str,
    parsed: ParsedMessage | None,
    fill: Callable[[InboundMessage], None],
) -> Received:
    """Store ``raw`` and its InboundMessage, let ``fill`` decide what becomes of it, commit.

    The raw file is removed again if anything fails, so a failure leaves nothing behind.
    """
    sha256 = hashlib.sha256(raw).hexdigest()
    message_id = parsed.message_id if parsed else ""
    existing = _recorded(sha256=sha256, message_id=message_id)
    if existing is not None:
        return Received(message=existing, created=False)

    row = InboundMessage(
        channel=channel,
        raw_sha256=sha256,
        raw_size=len(raw),
        message_id=message_id,
    )
    if parsed is not None:
        row.from_name = parsed.from_name[:200]
        row.from_address = parsed.from_address[:320]
        row.recipients = parsed.recipients
        row.subject = parsed.subject
        row.sent_at = parsed.sent_at
    row.raw.save("message.eml", ContentFile(raw), save=False)
    try:
        with transaction.atomic():
            fill(row)
            row.save()
    except IntegrityError:
        row.raw.delete(save=False)
        existing = _recorded(sha256=sha256, message_id=message_id)
        if existing is None:
            raise
        return Received(message=existing, created=False)  # another process took it meanwhile
    except BaseException:
        row.raw.delete(save=False)
        raise
    return Received(message=row, created=True)


def inbound_receive(
    *,
    raw: bytes,
    channel: str,
    envelope_sender: str | None = None,
    envelope_recipients: Sequence[str] = (),
) -> Received:
    """Take one raw e-mail: what the handler makes of it (an application, a reply on an
    application's thread, an unsorted row), or an ignored automatic message.

    What is no e-mail at all (an empty input, no header) or has no usable sender is
    kept as refused, for a person to look at. ``envelope_sender`` is the SMTP reverse
    path when the mail server gives it ("" for a bounce); ``envelope_recipients`` the
    addresses it delivered to. Raises only when something fails on the way (see
    ``inbound_take``), and then stores nothing.
    """
    parsed = message_parse(raw)
    if parsed.unreadable:
        return _record_refused(
            raw=raw, channel=channel, parsed=None, reason="unreadable", detail=parsed.unreadable
        )
    ignore = automatic_ignore_reason(parsed, envelope_sender=envelope_sender)
    if not ignore and not parsed.from_address:
        return _record_refused(
            raw=raw,
            channel=channel,
            parsed=parsed,
            reason="no_sender",
            detail="no usable sender address in From",
        )
    acknowledge = acknowledgement_allowed(parsed, envelope_sender=envelope_sender)
    recipients = _recipients(parsed, envelope_recipients)

    def fill(row: InboundMessage) -> None:
        row.recipients = recipients
        row.acknowledge = acknowledge
        if ignore:
            row.status = InboundMessage.Status.IGNORED
            row.reason = ignore
            return
        arrival = Arrival(
            parsed=parsed,
            recipients=recipients,
            acknowledge=acknowledge,
            replied_to=inbound_replied_to(parsed, recipients),
        )
        inbound_handler().take(row, arrival)

    received = _record(raw=raw, channel=channel, parsed=parsed, fill=fill)
    logger.info(
        "inbound %s %s: %s %s",
        received.message.pk,
        "recorded" if received.created else "already recorded",
        received.message.status,
        received.message.reason,
    )
    return received


def _recipients(parsed: ParsedMessage, envelope_recipients: Sequence[str]) -> list[str]:
    """The envelope's recipients (cleaned as the headers' are), then the headers'."""
    recipients = [
        "".join(text_clean(address).split()).lower()
        for address in envelope_recipients
        if address.strip()
    ]
    recipients = [address for address in recipients if address][:50]
    return recipients + [address for address in parsed.recipients if address not in recipients]


def _record_refused(
    *, raw: bytes, channel: str, parsed: ParsedMessage | None, reason: str, detail: str
) -> Received:
    def fill(row: InboundMessage) -> None:
        row.status = InboundMessage.Status.REFUSED
        row.reason = reason
        row.detail = detail
        row.acknowledge = False

    received = _record(raw=raw, channel=channel, parsed=parsed, fill=fill)
    logger.info("inbound %s refused: %s", received.message.pk, detail)
    return received


def failure_is_transient(exc: BaseException) -> bool:
    """True when taking a message failed for a reason that passes (the database or the file
    storage out of reach), so it is worth trying the same message again; False when the
    message itself makes something fail, which trying again will not cure."""
    return isinstance(exc, (OperationalError, InterfaceError, OSError))


def failure_text(exc: BaseException) -> str:
    """The failure in one line, for the row or the log."""
    return " ".join(f"{type(exc).__name__}: {text_clean(str(exc))}".split())[:500]


def inbound_record_failed(*, raw: bytes, channel: str, detail: str) -> Received:
    """Keep a message that could not be taken by itself, unsorted, with ``detail`` saying why.

    It goes to the unsorted list of the organization it was sent to, when that can be
    told, for a person to read the original. When even its headers cannot be stored,
    the raw message is kept with the reason alone.
    """
    parsed = message_parse(raw)
    organization = None
    try:
        organization = inbound_handler().organization(parsed.recipients)
    except Exception as exc:
        if failure_is_transient(exc):
            raise

    def fill(row: InboundMessage) -> None:
        row.status = InboundMessage.Status.UNSORTED
        row.reason = InboundMessage.Reason.FAILED
        row.detail = detail
        row.organization = organization
        row.acknowledge = not parsed.unreadable and acknowledgement_allowed(
            parsed, envelope_sender=None
        )

    try:
        return _record(
            raw=raw, channel=channel, parsed=None if parsed.unreadable else parsed, fill=fill
        )
    except Exception as exc:
        if failure_is_transient(exc):
            raise
        logger.warning("inbound: storing the headers failed too (%s)", failure_text(exc))
        return _record(raw=raw, channel=channel, parsed=None, fill=fill)


def inbound_take(
    *,
    raw: bytes,
    channel: str,
    envelope_sender: str | None = None,
    envelope_recipients: Sequence[str] = (),
) -> Received:
    """``inbound_receive``; when the message itself makes that fail, keep it unsorted with
    the reason. Raises only on a transient failure (``failure_is_transient``), after which
    nothing is stored and the same message can be given again."""
    try:
        return inbound_receive(
            raw=raw,
            channel=channel,
            envelope_sender=envelope_sender,
            envelope_recipients=envelope_recipients,
        )
    except Exception as exc:
        if failure_is_transient(exc):
            raise
        logger.exception("inbound: the message could not be taken; keeping it unsorted")
        return inbound_record_failed(
            raw=raw,
            channel=channel,
            detail=_("It could not be taken automatically: %(error)s")
            % {"error": failure_text(exc)},
        )


def inbound_attempt_fail(*, key: str, error: BaseException) -> int:
    """Count one more failed attempt at the mailbox message ``key``; return the count."""
    key = text_clean(key)[:998]
    with transaction.atomic():
        attempt, _created = InboundAttempt.objects.select_for_update().get_or_create(key=key)
        attempt.attempts = min(attempt.attempts + 1, 32_000)
        attempt.last_error = failure_text(error)
        attempt.save()
    return attempt.attempts


def inbound_attempt_forget(*, key: str) -> None:
    """The message ``key`` was taken or set aside: its failed attempts no longer matter."""
    InboundAttempt.objects.filter(key=text_clean(key)[:998]).delete()


def inbound_raw(*, message: InboundMessage) -> bytes:
    with message.raw.open("rb") as file:
        return file.read()
