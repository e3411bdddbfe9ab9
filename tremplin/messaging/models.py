"""Every e-mail in or out: the outbox (OutboxMessage) and the inbox (InboundMessage).

Nothing is sent except through an OutboxMessage row, and nothing received is
turned into an application without an InboundMessage row that keeps the raw
message.
"""

import uuid

from django.conf import settings
from django.core.files.storage import Storage
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tremplin.core.storage import private_storage as applications_private_storage


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
    # Who wrote it (None: sent by Tremplin itself), and the token of its Reply-To address
    # (``jobs+r-<token>@…``) that files the candidate's answer on the application.
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    reply_token = models.CharField(_("reply token"), max_length=40, blank=True, db_index=True)
    # Text parts sent beside the body (an interview's iCalendar invitation): a list of
    # {"filename", "content_type", "params", "content"}, kept with the row until it is sent
    # and erased with it (see ``outbox.Attachment``).
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("outgoing message")
        verbose_name_plural = _("outgoing messages")

    def __str__(self) -> str:
        return f"{self.subject} → {self.to}"


def private_storage() -> Storage:
    """Raw messages are candidates' data: the private storage, never under a URL."""
    return applications_private_storage()


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
        THREADED = "threaded", _("Filed on the application’s thread")
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
        FAILED = "failed", _("Tremplin could not take it by itself")

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
    body_text = models.TextField(
        _("text"), blank=True, help_text=_("The text of a reply filed on an application")
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    acknowledge = models.BooleanField(
        _("acknowledge"),
        default=True,
        help_text=_("False for automatic mail, which gets no automatic answer (RFC 3834)."),
    )
    organization = models.ForeignKey(
        "accounts.Organization",
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


class InboundAttempt(models.Model):
    """Failed attempts at taking one message of the IMAP mailbox.

    A message that fails for a reason of its own is tried again at the next polls, then
    moved to the quarantine folder; its row goes once it is taken or set aside.
    """

    key = models.CharField(
        _("message"), max_length=998, unique=True, help_text=_("Message-ID, or folder and UID")
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    first_failed_at = models.DateTimeField(_("first failed at"), auto_now_add=True)
    last_failed_at = models.DateTimeField(_("last failed at"), auto_now=True)

    class Meta:
        verbose_name = _("failed attempt at an incoming message")
        verbose_name_plural = _("failed attempts at incoming messages")

    def __str__(self) -> str:
        return f"{self.key} ({self.attempts})"


class MessageTemplate(models.Model):
    """An organization's own wording of a kind of message, with a text per language.

    Acknowledgement has one template (used for every application); rejection has one
    general template plus, optionally, one per stage of the organization's pipeline (the
    stage the application leaves when it is not retained: ``stage``, a stage key; blank for
    the general one). An organization may keep several of each other kind (interview
    invitations, "still in progress" news, requests for references, offers, free messages).
    """

    class Kind(models.TextChoices):
        ACKNOWLEDGEMENT = "acknowledgement", _("Acknowledgement")
        REJECTION = "rejection", _("Rejection")
        INTERVIEW = "interview", _("Invitation to interview")
        PROGRESS = "progress", _("Still in progress")
        REFERENCES = "references", _("Request for references")
        OFFER = "offer", _("Offer")
        FREE = "free", _("Free message")

    # One template per organization (rejection: one per stage, and one general).
    SINGLE_KINDS = (Kind.ACKNOWLEDGEMENT, Kind.REJECTION)

    organization = models.ForeignKey(
        "accounts.Organization",
        on_delete=models.CASCADE,
        related_name="message_templates",
        verbose_name=_("organization"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind)
    name = models.CharField(_("name"), max_length=120)
    # A key of the organization's pipeline (rejections only); a stage removed since keeps
    # its key here, and its applications get the general text.
    stage = models.CharField(
        _("for the stage"),
        max_length=32,
        blank=True,
        default="",
        help_text=_("Rejections only: the stage the application leaves. Blank: any stage."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["kind", "stage", "name", "pk"]
        verbose_name = _("message template")
        verbose_name_plural = _("message templates")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "kind"],
                condition=models.Q(kind="acknowledgement"),
                name="messagetemplate_one_acknowledgement",
            ),
            models.UniqueConstraint(
                fields=["organization", "stage"],
                condition=models.Q(kind="rejection"),
                name="messagetemplate_one_rejection_per_stage",
            ),
            models.CheckConstraint(
                condition=models.Q(kind="rejection") | models.Q(stage=""),
                name="messagetemplate_stage_only_for_rejection",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class MessageTemplateText(models.Model):
    """A template's subject and body in one language, with ``{{ variables }}``."""

    template = models.ForeignKey(MessageTemplate, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("body"))

    class Meta:
        ordering = ["language"]
        verbose_name = _("message template text")
        verbose_name_plural = _("message template texts")
        constraints = [
            models.UniqueConstraint(
                fields=["template", "language"], name="messagetemplatetext_one_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.subject} ({self.language})"


class DraftMessage(models.Model):
    """A message to a candidate prepared for a recruiter to review, edit and send.

    A rejection always starts as a draft: nothing reaches the outbox until a person sends it.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        DISCARDED = "discarded", _("Discarded")

    application = models.ForeignKey(
        "applications.Application",
        on_delete=models.CASCADE,
        related_name="draft_messages",
        verbose_name=_("application"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=MessageTemplate.Kind)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("body"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.DRAFT, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("prepared by"),
    )
    outbox_message = models.OneToOneField(
        OutboxMessage,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="draft",
        verbose_name=_("sent as"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("draft message")
        verbose_name_plural = _("draft messages")

    def __str__(self) -> str:
        return self.subject
