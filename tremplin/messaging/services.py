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
import secrets
import smtplib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from email.utils import formataddr, make_msgid, parseaddr
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.core.mail.utils import DNS_NAME
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.core.audit import log_action
from tremplin.core.language import detect_language
from tremplin.messaging import rendering
from tremplin.messaging.inbound.automatic import acknowledgement_allowed, automatic_ignore_reason
from tremplin.messaging.inbound.parsing import ParsedMessage, UnreadableMessage, message_parse
from tremplin.messaging.inbound.routing import inbound_route, reply_tokens
from tremplin.messaging.inbound.text import text_clean
from tremplin.messaging.models import (
    DraftMessage,
    InboundAttempt,
    InboundMessage,
    MessageTemplate,
    MessageTemplateText,
    OutboxMessage,
)
from tremplin.vacancies.models import Organization, Vacancy

if TYPE_CHECKING:
    from tremplin.applications.models import Application

logger = logging.getLogger(__name__)

# Mail Tremplin writes by itself (RFC 3834), which out-of-office replies should not answer.
AUTOMATIC_HEADERS = {"Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All"}
# A row left in "sending" for this long belongs to a worker that died mid-send.
STALE_CLAIM = timedelta(minutes=15)
# The text of a reply filed on an application is kept up to this length (the raw message
# is kept whole).
REPLY_TEXT_MAX_CHARS = 100_000


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
    sender: Any = None,
    reply_token: str = "",
) -> OutboxMessage:
    """Record one e-mail to send; its send task is enqueued when the caller's transaction commits.

    Headers such as ``Auto-Submitted`` go on the wire as given; the Message-ID is made now.
    ``sender`` is the member of staff who wrote it; ``reply_token`` the token of its
    Reply-To address (see ``application_message_send``).
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
        sender=sender if getattr(sender, "is_authenticated", False) else None,
        reply_token=reply_token,
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


def _replied_to(parsed: ParsedMessage, recipients: Sequence[str]) -> OutboxMessage | None:
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
        route = inbound_route(recipients=recipients)
        row.organization = route.organization
        row.vacancy = route.vacancy
        replied = _replied_to(parsed, recipients)
        if replied is not None:
            # A candidate answering one of our messages is writing to a person: it goes
            # on the application's thread (an application built from it would replace
            # their letter with "Thank you!"); a reply to anything else waits unsorted.
            row.reason = InboundMessage.Reason.REPLY
            row.application = replied.application
            if replied.application is None:
                row.status = InboundMessage.Status.UNSORTED
                return
            row.status = InboundMessage.Status.THREADED
            # A reply is contact: the retention of a talent pool counts from it.
            replied.application.last_contact_at = timezone.now()
            replied.application.save(update_fields=["last_contact_at"])
            row.vacancy = replied.application.vacancy
            row.organization = replied.application.vacancy.organization
            row.body_text = parsed.body_text[:REPLY_TEXT_MAX_CHARS]
            if parsed.attachments:
                row.detail = _("Attached: %(names)s") % {
                    "names": ", ".join(attachment.name for attachment in parsed.attachments)
                }
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


def _failure_text(exc: BaseException) -> str:
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
        organization = inbound_route(recipients=parsed.recipients).organization
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
        logger.warning("inbound: storing the headers failed too (%s)", _failure_text(exc))
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
            % {"error": _failure_text(exc)},
        )


def inbound_attempt_fail(*, key: str, error: BaseException) -> int:
    """Count one more failed attempt at the mailbox message ``key``; return the count."""
    key = text_clean(key)[:998]
    with transaction.atomic():
        attempt, _created = InboundAttempt.objects.select_for_update().get_or_create(key=key)
        attempt.attempts = min(attempt.attempts + 1, 32_000)
        attempt.last_error = _failure_text(error)
        attempt.save()
    return attempt.attempts


def inbound_attempt_forget(*, key: str) -> None:
    """The message ``key`` was taken or set aside: its failed attempts no longer matter."""
    InboundAttempt.objects.filter(key=text_clean(key)[:998]).delete()


def inbound_raw(*, message: InboundMessage) -> bytes:
    with message.raw.open("rb") as file:
        return file.read()


def inbound_assign(*, message: InboundMessage, vacancy: Vacancy, by: Any = None) -> "Application":
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
        if parsed.unreadable:
            raise UnreadableMessage(parsed.unreadable)
        try:
            with transaction.atomic():
                application = _application_from_message(
                    parsed=parsed, vacancy=vacancy, acknowledge=locked.acknowledge
                )
        except ValidationError:
            raise
        except Exception as exc:  # the message itself makes the intake fail, as it did on arrival
            if failure_is_transient(exc):
                raise
            logger.exception("inbound %s could not be assigned", locked.pk)
            raise ValidationError(
                _("This e-mail could not be made an application: %(error)s")
                % {"error": _failure_text(exc)},
                code="failed",
            ) from exc
        locked.status = InboundMessage.Status.PROCESSED
        locked.vacancy = vacancy
        locked.organization = vacancy.organization
        locked.application = application
        locked.save(update_fields=["status", "vacancy", "organization", "application"])
        if by is not None:
            log_action(by, "inbound.assign", locked, {"application": application.pk})
    message.refresh_from_db()
    return application


# --- Messages to candidates, templates and drafts (the staff workspace) ------------------


def application_message_send(
    *, application: "Application", subject: str, body: str, kind: str, sender: Any
) -> OutboxMessage:
    """Queue a message to the candidate, written (or reviewed) by ``sender``.

    ``{{ variables }}`` in the subject and body are filled in; an unknown one raises
    ValidationError and nothing is queued. It carries a Reply-To address with a reply
    token (when the organization has an address), so the answer comes back to the
    application's thread; the Message-ID matches it too.
    """
    from tremplin.messaging.selectors import message_variables, reply_address

    variables = message_variables(application=application, sender=sender)
    errors = [*rendering.template_errors(subject), *rendering.template_errors(body)]
    if not subject.strip():
        errors.insert(0, _("Write a subject."))
    if not body.strip():
        errors.insert(0, _("Write the message."))
    if errors:
        raise ValidationError(list(dict.fromkeys(errors)), code="message")
    token = secrets.token_hex(12)
    headers: dict[str, str] = {}
    organization = application.vacancy.organization
    address = reply_address(organization=organization, token=token)
    if address:
        headers["Reply-To"] = formataddr((organization.name, address))
    message = outbox_queue(
        to=application.candidate.email,
        subject=rendering.template_render(subject, variables),
        body=rendering.template_render(body, variables),
        language=application.language,
        headers=headers,
        application=application,
        kind=kind,
        sender=sender,
        reply_token=token,
    )
    log_action(
        sender,
        "message.send",
        application,
        {"kind": kind, "subject": message.subject, "outbox_message": message.pk},
    )
    return message


def _template_texts_check(
    *, kind: str, texts: Mapping[str, tuple[str, str]]
) -> dict[str, tuple[str, str]]:
    """The texts with something in them, once each is complete and uses known variables."""
    languages = dict(settings.LANGUAGES)
    kept: dict[str, tuple[str, str]] = {}
    errors: list[str] = []
    for language, (subject, body) in texts.items():
        if language not in languages:
            raise ValueError(f"unknown language {language!r}")
        subject, body = " ".join(subject.split()), body.strip()
        if not subject and not body:
            continue
        name = languages[language]
        if not subject or not body:
            errors.append(
                _("The %(language)s text needs both a subject and a body.") % {"language": name}
            )
            continue
        for problem in [*rendering.template_errors(subject), *rendering.template_errors(body)]:
            errors.append(f"{name}: {problem}")
        if kind == MessageTemplate.Kind.ACKNOWLEDGEMENT and not rendering.template_uses(
            body, "status_url"
        ):
            errors.append(
                _(
                    "%(language)s: the acknowledgement must give the candidate their private "
                    "link, %(variable)s."
                )
                % {"language": name, "variable": "{{ status_url }}"}
            )
        kept[language] = (subject, body + "\n")
    if not kept and not errors:
        errors.append(_("Write the template in at least one language."))
    if errors:
        raise ValidationError(list(dict.fromkeys(errors)), code="template")
    return kept


def message_template_save(
    *,
    organization: Organization,
    kind: str,
    name: str,
    texts: Mapping[str, tuple[str, str]],
    by: Any,
    template: MessageTemplate | None = None,
) -> MessageTemplate:
    """Create or change a template; ValidationError (changing nothing) when it is not valid.

    ``texts`` maps a language code to (subject, body); a language left empty has no text
    of the organization's, so Tremplin's default text is used in that language.
    """
    if kind not in MessageTemplate.Kind.values:
        raise ValidationError(_("Choose a kind of message."), code="kind")
    kept = _template_texts_check(kind=kind, texts=texts)
    name = " ".join(name.split()) or str(MessageTemplate.Kind(kind).label)
    with transaction.atomic():
        if kind in MessageTemplate.SINGLE_KINDS:
            others = MessageTemplate.objects.filter(organization=organization, kind=kind)
            if template is not None:
                others = others.exclude(pk=template.pk)
            if others.exists():
                raise ValidationError(
                    _(
                        "Your organization already has a template of this kind: change that "
                        "one instead."
                    ),
                    code="single",
                )
        created = template is None
        if template is None:
            template = MessageTemplate(organization=organization)
        template.kind = kind
        template.name = name[:120]
        template.save()
        template.texts.exclude(language__in=list(kept)).delete()
        for language, (subject, body) in kept.items():
            MessageTemplateText.objects.update_or_create(
                template=template, language=language, defaults={"subject": subject, "body": body}
            )
        log_action(
            by,
            "message_template.create" if created else "message_template.change",
            template,
            {"kind": kind, "languages": sorted(kept)},
        )
    return template


def message_template_delete(*, template: MessageTemplate, by: Any) -> None:
    with transaction.atomic():
        log_action(by, "message_template.delete", template, {"kind": template.kind})
        template.delete()


def draft_prepare(
    *,
    application: "Application",
    kind: str,
    by: Any = None,
    template: MessageTemplate | None = None,
) -> DraftMessage:
    """A draft of a ``kind`` message to the candidate, in their language, from the
    organization's template (``template`` when given) or Tremplin's default text."""
    from tremplin.messaging.selectors import message_text_for, message_variables

    organization = application.vacancy.organization
    if template is not None and (template.organization_id != organization.pk):
        raise ValueError("the template belongs to another organization")
    subject, body = message_text_for(
        organization=organization, kind=kind, language=application.language, template=template
    )
    variables = message_variables(application=application, sender=by)
    draft = DraftMessage.objects.create(
        application=application,
        kind=kind,
        language=application.language,
        subject=" ".join(_render_leniently(subject, variables).split())[:300],
        body=_render_leniently(body, variables),
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    return draft


def _render_leniently(text: str, variables: Mapping[str, str]) -> str:
    """Fill the variables; a template saved before a variable was retired keeps its text."""
    try:
        return rendering.template_render(text, variables)
    except ValidationError:
        return text


def draft_update(*, draft: DraftMessage, subject: str, body: str) -> DraftMessage:
    """Save the recruiter's edits of a draft still to send; ValidationError otherwise."""
    with transaction.atomic():
        locked = DraftMessage.objects.select_for_update().get(pk=draft.pk)
        _draft_still_open(locked)
        errors = [*rendering.template_errors(subject), *rendering.template_errors(body)]
        if not subject.strip() or not body.strip():
            errors.insert(0, _("The message needs a subject and a text."))
        if errors:
            raise ValidationError(errors, code="message")
        locked.subject = " ".join(subject.split())[:300]
        locked.body = body
        locked.save(update_fields=["subject", "body", "updated_at"])
    draft.refresh_from_db()
    return draft


def _draft_still_open(draft: DraftMessage) -> None:
    if draft.status != DraftMessage.Status.DRAFT:
        raise ValidationError(
            _("This message was already %(status)s: nothing was done.")
            % {"status": draft.get_status_display().lower()},
            code="closed",
        )


def draft_send(
    *, draft: DraftMessage, by: Any, subject: str | None = None, body: str | None = None
) -> OutboxMessage:
    """Send a reviewed draft (with the recruiter's last edits, when given), once."""
    with transaction.atomic():
        locked = (
            DraftMessage.objects.select_for_update()
            .select_related("application__candidate", "application__vacancy__organization")
            .get(pk=draft.pk)
        )
        _draft_still_open(locked)
        message = application_message_send(
            application=locked.application,
            subject=locked.subject if subject is None else subject,
            body=locked.body if body is None else body,
            kind=locked.kind,
            sender=by,
        )
        locked.subject = message.subject[:300]
        locked.body = message.body
        locked.status = DraftMessage.Status.SENT
        locked.outbox_message = message
        locked.save(update_fields=["subject", "body", "status", "outbox_message", "updated_at"])
    draft.refresh_from_db()
    return message


def draft_discard(*, draft: DraftMessage, by: Any) -> None:
    with transaction.atomic():
        locked = DraftMessage.objects.select_for_update().get(pk=draft.pk)
        _draft_still_open(locked)
        locked.status = DraftMessage.Status.DISCARDED
        locked.save(update_fields=["status", "updated_at"])
        log_action(by, "message.discard", locked.application, {"kind": locked.kind})
    draft.refresh_from_db()


def drafts_discard_open(*, application: "Application", kind: str) -> int:
    """Discard the drafts of ``kind`` still waiting for ``application`` (e.g. a rejection,
    when the application is moved out of "not retained"); return how many."""
    return DraftMessage.objects.filter(
        application=application, kind=kind, status=DraftMessage.Status.DRAFT
    ).update(status=DraftMessage.Status.DISCARDED, updated_at=timezone.now())
