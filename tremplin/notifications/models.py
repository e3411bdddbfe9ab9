"""What staff are told (a colleague mentioned them in a note, ...), and how they want to be
told by e-mail.

A notification copies nothing of what it is about: it names who did what, the
application's number and vacancy, and links to the page (a note's text stays on the
application, so erasing the candidate leaves nothing of it here; ``application_ref`` is how
``privacy`` finds a candidate's notifications to erase them too).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    class Kind(models.TextChoices):
        MENTION = "mention", _("Mention in a note")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        db_index=False,  # notification_unread and notification_list lead with it
    )
    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_label = models.CharField(_("by"), max_length=254, blank=True)
    # The application it is about, as a plain number: this app keeps no foreign key to it.
    application_ref = models.PositiveBigIntegerField(null=True, blank=True, db_index=True)
    # "#12, Beekeeper": the application's number and vacancy, never the candidate's name.
    reference = models.CharField(_("about"), max_length=300)
    path = models.CharField(_("page"), max_length=500)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    mailed_at = models.DateTimeField(_("mailed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            # The bell: a member's unread notifications at one organization.
            models.Index(
                fields=["recipient", "organization", "created_at"],
                condition=models.Q(read_at__isnull=True),
                name="notification_unread",
            ),
            # The notifications page, newest first.
            models.Index(
                fields=["recipient", "organization", "-created_at", "-id"],
                name="notification_list",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recipient_id}: {self.kind} {self.reference}"


class NotificationSettings(models.Model):
    """How a member wants to be told by e-mail (in the workspace, always)."""

    class Email(models.TextChoices):
        IMMEDIATE = "immediate", _("At once, one e-mail each")
        DIGEST = "digest", _("Once a day, in a digest")
        NEVER = "never", _("Never: only in the workspace")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    email = models.CharField(
        _("e-mail notifications"), max_length=12, choices=Email, default=Email.IMMEDIATE
    )
    digest_hour = models.PositiveSmallIntegerField(
        _("hour of the digest"),
        default=8,
        validators=[MaxValueValidator(23)],
        help_text=_("The hour of the day (0 to 23, the site’s time zone) the digest leaves."),
    )
    digest_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.email}"
