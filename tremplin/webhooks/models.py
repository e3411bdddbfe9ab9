"""Outgoing webhooks: the endpoints an organization subscribes, and the outbox of deliveries.

A Delivery row is written in the same transaction as the change it reports (``receivers``),
and the task worker sends it after the commit (``delivery.delivery_send``): none is lost,
none is sent for a change that rolled back. Every attempt is kept (DeliveryAttempt), for the
log owners read. Deliveries hold ids only, never a person's name or address, so erasure
leaves nothing behind in them.
"""

from uuid import uuid4

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.models import Organization

EVENTS = (
    "application.created",
    "application.stage_changed",
    "vacancy.published",
    "vacancy.closed",
    "candidate.erased",
)
# Sent only when an owner asks for it: never on creation by itself.
PING = "ping"


class Endpoint(models.Model):
    class Format(models.TextChoices):
        TREMPLIN = "tremplin", _("Tremplin (signed JSON)")
        SLACK = "slack", _("Slack or Mattermost incoming webhook")

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="webhook_endpoints"
    )
    url = models.URLField(_("address"), max_length=2000)
    # Kept as given: every delivery is signed with it (HMAC key: its UTF-8 text).
    secret = models.CharField(max_length=100)
    events = models.JSONField(_("events"), default=list)
    format = models.CharField(_("format"), max_length=16, choices=Format, default=Format.TREMPLIN)
    active = models.BooleanField(_("active"), default=True)
    # The first failed attempt of the failures going on now; None once one succeeds.
    failing_since = models.DateTimeField(_("failing since"), null=True, blank=True)
    disabled_at = models.DateTimeField(_("disabled at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")

    def __str__(self) -> str:
        return self.url


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENDING = "sending", _("Sending")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")

    # The Tremplin-Delivery header: one per delivery; sending it again is a new delivery.
    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    endpoint = models.ForeignKey(Endpoint, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(_("event"), max_length=64)
    # The event's id, the body's "id": the same for every endpoint and every resend.
    event_id = models.UUIDField(default=uuid4, editable=False)
    body = models.JSONField(default=dict)
    status = models.CharField(
        _("status"), max_length=16, choices=Status, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    last_status = models.PositiveSmallIntegerField(_("answer"), null=True, blank=True)
    last_error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        indexes = [
            models.Index(fields=["endpoint", "-created_at"], name="delivery_endpoint_created"),
        ]

    def __str__(self) -> str:
        return f"{self.event} → {self.endpoint_id} ({self.status})"


class DeliveryAttempt(models.Model):
    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="tries")
    at = models.DateTimeField(_("at"), default=timezone.now)
    status = models.PositiveSmallIntegerField(_("answer"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), default=0)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("delivery attempt")
        verbose_name_plural = _("delivery attempts")

    def __str__(self) -> str:
        return f"{self.delivery_id} {self.at:%Y-%m-%d %H:%M:%S} {self.status or self.error}"
