"""What staff are told (a colleague mentioned them in a note, ...), and how they want to be
told by e-mail.

A notification copies nothing of what it is about: it names who did what, the
application's number and vacancy, and links to the page (a note's text stays on the
application, so erasing the candidate leaves nothing of it here; ``application_ref`` is how
``privacy`` finds a candidate's notifications to erase them too).
"""

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tremplin.vacancies.models import Vacancy

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class Notification(models.Model):
    class Kind(models.TextChoices):
        MENTION = "mention", _("Mention in a note")
        APPLICATION = "application", _("New application on a vacancy you follow")
        INTERVIEW_PICKED = "interview_picked", _("A candidate chose an interview time")
        INTERVIEW_MOVE = "interview_move", _("A candidate asks to move an interview")
        REVIEWS_DUE = "reviews_due", _("Reviews waiting for you")
        IDENTITY_REPORTED = "identity_report", _("A text that still shows who the candidate is")

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

    def sentence(self) -> str:
        """What happened, in the active language, from the number and title it keeps."""
        about = {"about": self.reference, "who": self.actor_label}
        if self.kind == self.Kind.MENTION and self.actor_label:
            return gettext("%(who)s mentioned you in a note on application %(about)s.") % about
        texts: dict[str, str] = {
            self.Kind.MENTION: gettext("You were mentioned in a note on application %(about)s."),
            self.Kind.APPLICATION: gettext("A new application arrived: %(about)s."),
            self.Kind.INTERVIEW_PICKED: gettext(
                "The candidate of application %(about)s chose a time for their interview."
            ),
            self.Kind.INTERVIEW_MOVE: gettext(
                "The candidate of application %(about)s asks to move their interview."
            ),
            self.Kind.REVIEWS_DUE: gettext("Reviews are waiting for you: %(about)s."),
            self.Kind.IDENTITY_REPORTED: gettext(
                "A reviewer reports that a text of application %(about)s still shows who the "
                "candidate is: list the words to hide from reviewers."
            ),
        }
        return texts.get(self.kind, "%(about)s") % about


class Email(models.TextChoices):
    IMMEDIATE = "immediate", _("At once, one e-mail each")
    DIGEST = "digest", _("Once a day, in a digest")
    NEVER = "never", _("Never: only in the workspace")


def _email_choice(label: "StrOrPromise") -> "models.CharField[str, str]":
    return models.CharField(label, max_length=12, choices=Email, default=Email.IMMEDIATE)


class NotificationSettings(models.Model):
    """How a member wants to be told by e-mail, per kind (in the workspace, always)."""

    Email = Email

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    email_mention = _email_choice(_("mentions in a note"))
    email_application = _email_choice(_("new applications on vacancies you follow"))
    email_interview = _email_choice(_("candidates’ answers to interviews"))
    email_review = _email_choice(_("reviews waiting for you"))
    email_blind = _email_choice(_("texts reviewers report as showing who the candidate is"))
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
        return f"{self.user_id}: {self.email_mention}"

    def email_for(self, kind: str) -> str:
        """The e-mail choice that applies to a notification of ``kind``."""
        return str(getattr(self, PREFERENCE_OF_KIND[kind]))


# Which preference field each kind of notification follows (an interview's two answers, one).
PREFERENCE_OF_KIND: dict[str, str] = {
    Notification.Kind.MENTION: "email_mention",
    Notification.Kind.APPLICATION: "email_application",
    Notification.Kind.INTERVIEW_PICKED: "email_interview",
    Notification.Kind.INTERVIEW_MOVE: "email_interview",
    Notification.Kind.REVIEWS_DUE: "email_review",
    Notification.Kind.IDENTITY_REPORTED: "email_blind",
}
PREFERENCE_FIELDS = (
    "email_mention",
    "email_application",
    "email_interview",
    "email_review",
    "email_blind",
)


class VacancyFollow(models.Model):
    """A recruiter or owner follows a vacancy: each new application on it notifies them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vacancy_follows"
    )
    vacancy = models.ForeignKey(
        Vacancy,
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,  # vacancy_follow_once leads with it
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("followed vacancy")
        verbose_name_plural = _("followed vacancies")
        constraints = [
            # Unique, and the index that finds a vacancy's followers as applications arrive.
            models.UniqueConstraint(fields=["vacancy", "user"], name="vacancy_follow_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} follows {self.vacancy_id}"
