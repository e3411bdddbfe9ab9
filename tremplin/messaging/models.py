"""Every e-mail in or out: the outbox (OutboxMessage) and the inbox (InboundMessage).

Nothing is sent except through an OutboxMessage row, and nothing received is
turned into an application without an InboundMessage row that keeps the raw
message.
"""

import uuid

from django.core.files.storage import Storage, storages
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    """One e-mail to send, sent once by the ``outbox_send`` task."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    to = models.CharField(_("to"), max_length=320)
    subject = models.CharField(_("subject"), max_length=500)
    body = models.TextField(_("body"))
    headers = models.JSONField(_("extra headers"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=8)
    kind = models.CharField(_("kind"), max_length=32, default="other")
    status = models.CharField(
        _("status"), max_length=8, choices=Status, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("sending since"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    message_id = models.CharField(_("Message-ID"), max_length=255, unique=True)
    application = models.ForeignKey(
        "applications.Application",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="outbox_messages",
        verbose_name=_("application"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("outgoing message")
        verbose_name_plural = _("outgoing messages")

    def __str__(self) -> str:
        return f"{self.subject} → {self.to}"


def private_storage() -> Storage:
    """Raw messages are candidates' data: the private storage, never under a URL."""
    return storages["private"]


def raw_upload_to(message: "InboundMessage", filename: str) -> str:
    """A generated name: nothing from the message itself."""
    return f"inbound/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.eml"


class InboundMessage(models.Model):
    """One e-mail received (by IMAP or the MTA pipe), kept raw, and what became of it."""

    class Channel(models.TextChoices):
        IMAP = "imap", _("IMAP mailbox")
        PIPE = "pipe", _("Mail server pipe")

    class Status(models.TextChoices):
        PROCESSED = "processed", _("Application created")
        UNSORTED = "unsorted", _("Unsorted: to assign to a vacancy")
        REFUSED = "refused", _("Refused")
        IGNORED = "ignored", _("Ignored")

    class Reason(models.TextChoices):
        NONE = "", _("—")
        NO_TAG = "no_tag", _("Sent to the general address, without a vacancy tag")
        UNKNOWN_ADDRESS = "unknown_address", _("Sent to an address of no organization")
        UNKNOWN_VACANCY = "unknown_vacancy", _("The tag names no vacancy")
        REPLY = "reply", _("A reply to a message we sent")
        VACANCY_NOT_OPEN = "vacancy_not_open", _("The vacancy is not open for applications")
        BOUNCE = "bounce", _("Delivery report (bounce)")
        AUTO_REPLY = "auto_reply", _("Automatic reply")
        NO_SENDER = "no_sender", _("No usable sender address")
        UNREADABLE = "unreadable", _("The message could not be read")
        INVALID = "invalid", _("The application was refused")

    channel = models.CharField(_("received through"), max_length=8, choices=Channel)
    status = models.CharField(_("status"), max_length=16, choices=Status, db_index=True)
    reason = models.CharField(_("reason"), max_length=24, choices=Reason, blank=True)
    detail = models.TextField(_("details"), blank=True)
    raw = models.FileField(
        _("raw message"), storage=private_storage, upload_to=raw_upload_to, max_length=200
    )
    raw_sha256 = models.CharField(_("SHA-256 of the raw message"), max_length=64, unique=True)
    raw_size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    message_id = models.CharField(_("Message-ID"), max_length=998, blank=True)
    from_name = models.CharField(_("sender name"), max_length=200, blank=True)
    from_address = models.CharField(_("sender address"), max_length=320, blank=True)
    recipients = models.JSONField(
        _("recipients"), default=list, blank=True, help_text=_("Delivered-To, To and Cc")
    )
    subject = models.CharField(_("subject"), max_length=500, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    acknowledge = models.BooleanField(
        _("acknowledge"),
        default=True,
        help_text=_("False for automatic mail, which gets no automatic answer (RFC 3834)."),
    )
    organization = models.ForeignKey(
        "vacancies.Organization",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="inbound_messages",
        verbose_name=_("organization"),
    )
    vacancy = models.ForeignKey(
        "vacancies.Vacancy",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inbound_messages",
        verbose_name=_("vacancy"),
    )
    application = models.ForeignKey(
        "applications.Application",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="inbound_messages",
        verbose_name=_("application"),
    )
    received_at = models.DateTimeField(_("received at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("incoming message")
        verbose_name_plural = _("incoming messages")
        constraints = [
            models.UniqueConstraint(
                fields=["message_id"],
                condition=~models.Q(message_id=""),
                name="inboundmessage_unique_message_id",
            )
        ]

    def __str__(self) -> str:
        return f"{self.subject or _('(no subject)')} ← {self.from_address or '?'}"
