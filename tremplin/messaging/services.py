"""Writes on messages: the outbox (queueing, sending) and the inbox (receiving, assigning).

Sending is at most once per attempt and never after success: a row is claimed by
a conditional UPDATE on its status before the SMTP conversation, and marked sent
right after it. A second task for the same row, or a worker restarted after the
row was sent, finds nothing to claim.

Receiving keeps the raw message in the private storage and records an
InboundMessage in the same transaction as the application it becomes, so a message
is either wholly taken or not at all; one already recorded (same raw bytes, or same
Message-ID) is not taken twice.
"""

import hashlib
import logging
import re
import smtplib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from email.utils import make_msgid, parseaddr
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.core.mail.utils import DNS_NAME
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.core.language import detect_language
from tremplin.messaging.inbound.automatic import acknowledgement_allowed, automatic_ignore_reason
from tremplin.messaging.inbound.parsing import ParsedMessage, UnreadableMessage, message_parse
from tremplin.messaging.inbound.routing import inbound_route
from tremplin.messaging.models import InboundMessage, OutboxMessage
from tremplin.vacancies.models import Vacancy

if TYPE_CHECKING:
    from tremplin.applications.models import Application

logger = logging.getLogger(__name__)

# A row left in "sending" for this long belongs to a worker that died mid-send.
STALE_CLAIM = timedelta(minutes=15)


def _message_id() -> str:
    """A Message-ID in the sender's domain, stored before the first attempt."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2]
    return make_msgid(domain=domain or str(DNS_NAME))


def _enqueue_send(*, message: OutboxMessage) -> None:
    from tremplin.messaging.tasks import outbox_send_task

    task = outbox_send_task
    if message.next_attempt_at is not None and message.next_attempt_at > timezone.now():
        task = task.using(run_after=message.next_attempt_at)
    pk = message.pk
    transaction.on_commit(lambda: task.enqueue(pk))


def outbox_queue(
    *,
    to: str,
    subject: str,
    body: str,
    language: str,
    headers: Mapping[str, str] | None = None,
    application: "Application | None" = None,
    kind: str = "other",
) -> OutboxMessage:
    """Record one e-mail to send; its send task is enqueued when the caller's transaction commits.

    Headers such as ``Auto-Submitted`` go on the wire as given; the Message-ID is made now.
    """
    headers = dict(headers or {})
    if any("\n" in text or "\r" in text for text in [to, *headers, *headers.values()]):
        raise ValueError("a line break in an address or header would forge headers")
    message = OutboxMessage.objects.create(
        to=to.strip(),
        subject=" ".join(subject.split())[:500],
        body=body,
        headers=headers,
        language=language,
        kind=kind,
        application=application,
        message_id=_message_id(),
    )
    _enqueue_send(message=message)
    return message


def outbox_retry_delay(*, attempts: int) -> timedelta:
    """How long to wait after the ``attempts``-th failed attempt: doubling, capped."""
    base = settings.TREMPLIN_OUTBOX_RETRY_BASE_SECONDS
    cap = settings.TREMPLIN_OUTBOX_RETRY_MAX_SECONDS
    return timedelta(seconds=min(cap, base * 2 ** max(0, attempts - 1)))


def _email(message: OutboxMessage) -> EmailMessage:
    headers = {str(name): str(value) for name, value in message.headers.items()}
    headers["Message-ID"] = message.message_id
    if message.language:
        headers.setdefault("Content-Language", message.language)
    return EmailMessage(
        subject=message.subject,
        body=message.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.to],
        headers=headers,
    )


def _is_permanent(exc: Exception) -> bool:
    """True when retrying cannot help: the message cannot be built, or the server refuses
    every recipient or the content itself for good (5xx). Anything else, including a wrong
    password or a refused sender (mistakes in our settings), is retried until fixed."""
    if isinstance(exc, ValueError):
        return True
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in exc.recipients.values())
    return isinstance(exc, smtplib.SMTPDataError) and exc.smtp_code >= 500


def outbox_send(*, message_pk: int) -> str:
    """Send one outbox row if it is due and nobody else holds it; return its status after.

    On a failure the row goes back to "queued" with a later next attempt and a new
    task is enqueued for then, until TREMPLIN_OUTBOX_MAX_ATTEMPTS; then it is "failed".
    """
    now = timezone.now()
    claimed = (
        OutboxMessage.objects.filter(pk=message_pk, status=OutboxMessage.Status.QUEUED)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .update(status=OutboxMessage.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    )
    message = OutboxMessage.objects.filter(pk=message_pk).first()
    if message is None:
        return "missing"
    if not claimed:
        return str(message.status)

    try:
        _email(message).send()
    except Exception as exc:  # any failure of the SMTP conversation is retried or recorded
        error = f"{type(exc).__name__}: {exc}"[:2000]
        with transaction.atomic():
            if _is_permanent(exc) or message.attempts >= settings.TREMPLIN_OUTBOX_MAX_ATTEMPTS:
                logger.warning("outbox %s failed for good: %s", message.pk, error)
                OutboxMessage.objects.filter(
                    pk=message.pk, status=OutboxMessage.Status.SENDING
                ).update(status=OutboxMessage.Status.FAILED, last_error=error, claimed_at=None)
                return str(OutboxMessage.Status.FAILED)
            message.next_attempt_at = timezone.now() + outbox_retry_delay(attempts=message.attempts)
            logger.info("outbox %s: %s; retrying at %s", message.pk, error, message.next_attempt_at)
            OutboxMessage.objects.filter(pk=message.pk, status=OutboxMessage.Status.SENDING).update(
                status=OutboxMessage.Status.QUEUED,
                next_attempt_at=message.next_attempt_at,
                last_error=error,
                claimed_at=None,
            )
            _enqueue_send(message=message)
        return str(OutboxMessage.Status.QUEUED)

    OutboxMessage.objects.filter(pk=message.pk, status=OutboxMessage.Status.SENDING).update(
        status=OutboxMessage.Status.SENT, sent_at=timezone.now(), claimed_at=None, last_error=""
    )
    return str(OutboxMessage.Status.SENT)


def outbox_sweep(*, send_now: bool = False) -> int:
    """Give every due queued row a send task again (for tasks that were lost); return the count.

    A row stuck in "sending" past STALE_CLAIM (its worker died mid-send) is queued
    again first: it keeps its Message-ID, so a recipient's client can tell the rare
    duplicate from a new message. With ``send_now`` the rows are sent in this process.
    """
    now = timezone.now()
    OutboxMessage.objects.filter(
        status=OutboxMessage.Status.SENDING, claimed_at__lt=now - STALE_CLAIM
    ).update(status=OutboxMessage.Status.QUEUED, claimed_at=None, next_attempt_at=now)
    due = OutboxMessage.objects.filter(status=OutboxMessage.Status.QUEUED).filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )
    count = 0
    for message in due.order_by("pk").iterator():
        if send_now:
            outbox_send(message_pk=message.pk)
        else:
            with transaction.atomic():
                _enqueue_send(message=message)
        count += 1
    return count


def outbox_retry(*, message: OutboxMessage) -> OutboxMessage:
    """Queue a failed row again with a fresh count of attempts (a recruiter's decision)."""
    with transaction.atomic():
        updated = OutboxMessage.objects.filter(
            pk=message.pk, status=OutboxMessage.Status.FAILED
        ).update(status=OutboxMessage.Status.QUEUED, attempts=0, next_attempt_at=None)
        message.refresh_from_db()
        if updated:
            _enqueue_send(message=message)
    return message


# --- Incoming mail ---------------------------------------------------------------------


@dataclass(frozen=True)
class Received:
    message: InboundMessage
    created: bool  # False: it had been recorded before, and nothing was done this time


def _recorded(*, sha256: str, message_id: str) -> InboundMessage | None:
    match = Q(raw_sha256=sha256)
    if message_id:
        match |= Q(message_id=message_id)
    return InboundMessage.objects.filter(match).order_by("pk").first()


def _replied_to(parsed: ParsedMessage) -> OutboxMessage | None:
    """The message of ours this one answers, if any (In-Reply-To, References)."""
    ids = re.findall(r"<[^<>\s]+>", f"{parsed.header('In-Reply-To')} {parsed.header('References')}")
    if not ids:
        return None
    return (
        OutboxMessage.objects.filter(message_id__in=ids)
        .select_related("application__vacancy")
        .order_by("-pk")
        .first()
    )


def _vacancy_language(vacancy: Vacancy) -> str:
    languages = sorted(vacancy.texts.values_list("language", flat=True))
    if len(languages) == 1:
        return languages[0]
    if vacancy.application_language:
        return vacancy.application_language
    if settings.LANGUAGE_CODE in languages or not languages:
        return settings.LANGUAGE_CODE
    return languages[0]


def _candidate_language(parsed: ParsedMessage, vacancy: Vacancy) -> str:
    """The language the candidate wrote in, else the vacancy's."""
    return (
        detect_language(parsed.body_text)
        or detect_language(parsed.subject)
        or _vacancy_language(vacancy)
    )


def _application_from_message(
    *, parsed: ParsedMessage, vacancy: Vacancy, acknowledge: bool
) -> "Application":
    """``application_submit`` with what the message holds; raises ValidationError."""
    from tremplin.applications.models import Application
    from tremplin.applications.services import application_submit
    from tremplin.messaging.inbound.attachments import attachments_sort

    attachments = attachments_sort(parsed.attachments)
    return application_submit(
        vacancy=vacancy,
        name=parsed.from_name or parsed.from_address.partition("@")[0],
        email=parsed.from_address,
        files=attachments.files,
        letter_text="" if attachments.has_letter else parsed.body_text,
        source=Application.Source.EMAIL,
        language=_candidate_language(parsed, vacancy),
        acknowledge=acknowledge,
        notes=[*parsed.notes, *attachments.notes],
    )


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
    """Take one raw e-mail: an application, an unsorted row, or an ignored automatic message.

    Raises UnreadableMessage (storing nothing) when ``raw`` is not an e-mail or has no
    usable sender; ``inbound_record_unreadable`` keeps such a message if it must be kept.
    ``envelope_sender`` is the SMTP reverse path when the mail server gives it ("" for
    a bounce); ``envelope_recipients`` the addresses it delivered to.
    """
    parsed = message_parse(raw)
    ignore = automatic_ignore_reason(parsed, envelope_sender=envelope_sender)
    if not ignore and not parsed.from_address:
        raise UnreadableMessage("no usable sender address in From", reason="no_sender")
    acknowledge = acknowledgement_allowed(parsed, envelope_sender=envelope_sender)
    recipients = [address.strip().lower() for address in envelope_recipients if address.strip()]
    recipients += [address for address in parsed.recipients if address not in recipients]

    def fill(row: InboundMessage) -> None:
        row.recipients = recipients
        row.acknowledge = acknowledge
        if ignore:
            row.status = InboundMessage.Status.IGNORED
            row.reason = ignore
            return
        route = inbound_route(recipients=recipients)
        row.organization = route.organization
        row.vacancy = route.vacancy
        replied = _replied_to(parsed)
        if replied is not None:
            # A candidate answering our acknowledgement is writing to a person: an
            # application built from it would replace their letter with "Thank you!".
            row.status = InboundMessage.Status.UNSORTED
            row.reason = InboundMessage.Reason.REPLY
            row.application = replied.application
            if replied.application is not None:
                row.vacancy = replied.application.vacancy
                row.organization = replied.application.vacancy.organization
            return
        if route.reason or route.vacancy is None:
            row.status = InboundMessage.Status.UNSORTED
            row.reason = route.reason
            row.detail = route.detail
            return
        try:
            with transaction.atomic():
                application = _application_from_message(
                    parsed=parsed, vacancy=route.vacancy, acknowledge=acknowledge
                )
        except ValidationError as exc:
            row.status = InboundMessage.Status.REFUSED
            row.reason = InboundMessage.Reason.INVALID
            row.detail = " ".join(exc.messages)
        else:
            row.status = InboundMessage.Status.PROCESSED
            row.application = application

    received = _record(raw=raw, channel=channel, parsed=parsed, fill=fill)
    logger.info(
        "inbound %s %s: %s %s",
        received.message.pk,
        "recorded" if received.created else "already recorded",
        received.message.status,
        received.message.reason,
    )
    return received


def inbound_record_unreadable(*, raw: bytes, channel: str, reason: str, detail: str) -> Received:
    """Keep a message that cannot be taken (from a mailbox, which cannot bounce it), as refused."""
    try:
        parsed: ParsedMessage | None = message_parse(raw)
    except UnreadableMessage:
        parsed = None

    def fill(row: InboundMessage) -> None:
        row.status = InboundMessage.Status.REFUSED
        row.reason = reason
        row.detail = detail
        row.acknowledge = False

    return _record(raw=raw, channel=channel, parsed=parsed, fill=fill)


def inbound_raw(*, message: InboundMessage) -> bytes:
    with message.raw.open("rb") as file:
        return file.read()


def inbound_assign(*, message: InboundMessage, vacancy: Vacancy) -> "Application":
    """Make the application an unsorted message was meant to be, for ``vacancy``.

    Raises ValidationError (changing nothing) when the message is not unsorted, the
    vacancy belongs to another organization, or the application itself is refused.
    """
    with transaction.atomic():
        locked = InboundMessage.objects.select_for_update().get(pk=message.pk)
        if locked.status != InboundMessage.Status.UNSORTED:
            raise ValidationError(
                _("This message is not waiting to be assigned: it is “%(status)s”.")
                % {"status": locked.get_status_display()},
                code="not_unsorted",
            )
        if locked.organization_id and vacancy.organization_id != locked.organization_id:
            raise ValidationError(
                _("The vacancy belongs to another organization than the message was sent to."),
                code="other_organization",
            )
        parsed = message_parse(inbound_raw(message=locked))
        application = _application_from_message(
            parsed=parsed, vacancy=vacancy, acknowledge=locked.acknowledge
        )
        locked.status = InboundMessage.Status.PROCESSED
        locked.vacancy = vacancy
        locked.organization = vacancy.organization
        locked.application = application
        locked.save(update_fields=["status", "vacancy", "organization", "application"])
    message.refresh_from_db()
    return application
