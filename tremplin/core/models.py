"""The audit log: who did what to which object, kept when the object is gone."""

from django.conf import settings
from django.db import models
from django.db.models.fields.json import KeyTransform
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Kept as text so the event outlives the account.
    actor_label = models.CharField(_("actor"), max_length=254, blank=True)
    organization = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("organization"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_events",
    )
    verb = models.CharField(_("action"), max_length=64, db_index=True)
    target_type = models.CharField(_("object type"), max_length=100, blank=True)
    target_id = models.CharField(_("object id"), max_length=64, blank=True)
    target_label = models.CharField(_("object"), max_length=300, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        indexes = [
            models.Index(fields=["target_type", "target_id"]),
            # An organization's log, newest first (the audit pages and their CSV): a page is
            # the first rows down this index, in the pages' very order.
            models.Index(
                fields=["organization", "-at", "-id"], name="auditevent_organization_at_id"
            ),
            # The actions and the kinds of object in an organization's log (the filters'
            # choices), read one value at a time by skipping through these.
            models.Index(fields=["organization", "verb"], name="auditevent_organization_verb"),
            models.Index(
                fields=["organization", "target_type"], name="auditevent_organization_type"
            ),
            # The account events of an organization's members (they have no organization):
            # theirs, and the failed logins with their addresses.
            models.Index(
                fields=["actor", "-at"],
                condition=models.Q(organization__isnull=True),
                name="auditevent_account_actor_at",
            ),
            models.Index(
                KeyTransform("email", "data"),
                condition=models.Q(verb="auth.login_failed"),
                name="auditevent_failed_login_email",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.verb} {self.target_label}"


class RateCounter(models.Model):
    """One rate limit's counter (tremplin/core/ratelimit.py), when the database holds them.

    ``key`` is a scope and a keyed hash of what is counted (never an address in clear);
    ``expires_at`` is in seconds since the epoch: the counter starts again after it.
    """

    key = models.CharField(primary_key=True, max_length=100)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.BigIntegerField(db_index=True)

    class Meta:
        verbose_name = _("rate counter")
        verbose_name_plural = _("rate counters")

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"
