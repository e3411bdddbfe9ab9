"""The outbox: every e-mail Tremplin sends is an OutboxMessage row, queued here and sent once.

Sending is at most once per attempt and never after success: a row is claimed by
a conditional UPDATE on its status before the SMTP conversation, and marked sent
right after it. A second task for the same row, or a worker restarted after the
row was sent, finds nothing to claim.

``outbox_compose`` is the one way to write a message in its reader's language: it runs the
caller's composition with that language active, then queues what it returns.
"""

import logging
import smtplib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from email.message import MIMEPart
from email.utils import make_msgid, parseaddr
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.utils import DNS_NAME
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone, translation

from tremplin.core.audit import Actor
from tremplin.messaging.models import OutboxMessage

if TYPE_CHECKING:
    from tremplin.applications.models import Application

logger = logging.getLogger(__name__)

# Mail Tremplin writes by itself (RFC 3834), which out-of-office replies should not answer.
AUTOMATIC_HEADERS = {"Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All"}
# A row left in "sending" for this long belongs to a worker that died mid-send.
STALE_CLAIM = timedelta(minutes=15)


@dataclass(frozen=True)
class Attachment:
    """A text part sent beside the body, such as ``text/calendar; method=REQUEST``:
    ``content_type`` is "text/<subtype>", ``params`` its parameters (``{"method": "REQUEST"}``)."""

    filename: str
    content_type: str
    content: str
    params: dict[str, str] = field(default_factory=dict)

    def part(self) -> MIMEPart:
        maintype, _, subtype = self.content_type.partition("/")
        if maintype != "text" or not subtype:
            raise ValueError(f"only text attachments are supported, not {self.content_type}")
        part = MIMEPart()
        part.set_content(
            self.content,
            subtype=subtype,
            params=dict(self.params),
            disposition="attachment",
            filename=self.filename,
        )
        return part


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
    sender: Actor = None,
    reply_token: str = "",
    attachments: Sequence[Attachment] = (),
    not_before: datetime | None = None,
) -> OutboxMessage:
    """Record one e-mail to send; its send task is enqueued when the caller's transaction commits.

    Headers such as ``Auto-Submitted`` go on the wire as given; the Message-ID is made now.
    ``sender`` is the member of staff who wrote it; ``reply_token`` the token of its
    Reply-To address (see ``application_message_send``); ``attachments`` text parts sent
    beside the body. With ``not_before`` it is not sent before then (an undo window), and
    ``outbox_withdraw`` can take it back until then.
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
        # By id: an Actor is any user class to the type checker; the key names accounts' User.
        sender_id=sender.pk if sender is not None and sender.is_authenticated else None,
        reply_token=reply_token,
        attachments=[asdict(attachment) for attachment in attachments],
        next_attempt_at=not_before,
    )
    _enqueue_send(message=message)
    return message


def outbox_withdraw(*, pks: Sequence[int]) -> int:
    """Take back queued messages not yet due (inside their undo window): their rows are
    deleted, so no worker can claim them; return how many. A message being sent, sent, or
    due already is left as it is (the caller compares the count)."""
    _total, by_model = OutboxMessage.objects.filter(
        pk__in=list(pks), status=OutboxMessage.Status.QUEUED, next_attempt_at__gt=timezone.now()
    ).delete()
    return by_model.get(OutboxMessage._meta.label, 0)


def outbox_compose(
    *,
    to: str,
    language: str,
    compose: Callable[[], tuple[str, str]],
    headers: Mapping[str, str] | None = None,
    application: "Application | None" = None,
    kind: str = "other",
    sender: Actor = None,
    reply_token: str = "",
    attachments: Sequence[Attachment] = (),
) -> OutboxMessage:
    """Write one e-mail in ``language`` and queue it (``outbox_queue``).

    ``compose`` returns the subject and body; it runs with ``language`` active, so what it
    translates, renders (``render_to_string``) or reverses (links with the language in
    their path) is in the reader's language.
    """
    with translation.override(language):
        subject, body = compose()
    return outbox_queue(
        to=to,
        subject=subject,
        body=body,
        language=language,
        headers=headers,
        application=application,
        kind=kind,
        sender=sender,
        reply_token=reply_token,
        attachments=attachments,
    )


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
    email = EmailMessage(
        subject=message.subject,
        body=message.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.to],
        headers=headers,
    )
    for stored in message.attachments:
        email.attach(Attachment(**stored).part())
    return email


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
