"""Interviews: one per meeting with a candidate about an application, the time slots
offered to the candidate, the candidate's requests to move it, and the panel's
scorecards.

An interview keeps one iCalendar UID for its whole life and a SEQUENCE that goes up at each
change, so that calendar apps update the event the invitations put in them instead of adding
a second one (RFC 5545 and RFC 5546).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tremplin.applications.models import Application
from tremplin.review.models import SCORE_RANGE, Review
from tremplin.vacancies.models import Criterion

MIN_SLOTS = 2
MAX_SLOTS = 8


def _uid() -> str:
    return f"{uuid.uuid4()}@tremplin"


class Interview(models.Model):
    class Kind(models.TextChoices):
        VIDEO = "video", _("Video call")
        PHONE = "phone", _("Phone call")
        ONSITE = "onsite", _("On site")

    class Status(models.TextChoices):
        OFFERED = "offered", _("Waiting for the candidate to choose a time")
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="interviews"
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind)
    duration_minutes = models.PositiveSmallIntegerField(_("length in minutes"))
    location = models.CharField(_("address or link"), max_length=500, blank=True)
    timezone = models.CharField(_("time zone"), max_length=64)
    panel = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="interviews", verbose_name=_("panel")
    )
    organizer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("scheduled by"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status)
    start = models.DateTimeField(_("start"), null=True, blank=True, db_index=True)
    uid = models.CharField(_("calendar UID"), max_length=100, unique=True, default=_uid)
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0)
    reminded_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    scorecards_reminded_at = models.DateTimeField(
        _("scorecard reminder sent at"), null=True, blank=True
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")
        indexes = [models.Index(fields=["status", "start"], name="interview_due_idx")]

    def __str__(self) -> str:
        return f"{self.application_id}: {self.kind} {self.start or '?'}"


class InterviewSlot(models.Model):
    """A time offered to the candidate, who picks one of them."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="slots")
    start = models.DateTimeField(_("start"))

    class Meta:
        ordering = ["start"]
        verbose_name = _("offered time")
        verbose_name_plural = _("offered times")
        constraints = [
            models.UniqueConstraint(fields=["interview", "start"], name="interviewslot_unique")
        ]

    def __str__(self) -> str:
        return f"{self.interview_id}: {self.start}"


class RescheduleRequest(models.Model):
    """The candidate asks to move the interview, with their reason."""

    interview = models.ForeignKey(
        Interview, on_delete=models.CASCADE, related_name="reschedule_requests"
    )
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(_("asked on"), auto_now_add=True)
    handled_at = models.DateTimeField(_("handled on"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("request to reschedule")
        verbose_name_plural = _("requests to reschedule")

    def __str__(self) -> str:
        return f"{self.interview_id}: {self.created_at}"


class CalendarFeed(models.Model):
    """A staff member's calendar feed: its secret address is signed with ``generation``, so
    revoking it (the next generation) makes every earlier address fail."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    generation = models.PositiveIntegerField(_("generation"), default=0)
    revoked_at = models.DateTimeField(_("last revoked on"), null=True, blank=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return f"{self.user_id}#{self.generation}"


class Scorecard(models.Model):
    """One panel member's scorecard of an interview: the vacancy's criteria scored on
    review's scale, review's recommendations, and a comment. A draft until submitted, final
    once submitted (the member then sees the others', as in review)."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="scorecards")
    panel_member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("panel member"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="interview_scorecards",
    )
    recommendation = models.CharField(
        _("overall recommendation"), max_length=16, choices=Review.Recommendation, blank=True
    )
    comment = models.TextField(_("overall note"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["submitted_at", "pk"]
        verbose_name = _("interview scorecard")
        verbose_name_plural = _("interview scorecards")
        constraints = [
            models.UniqueConstraint(
                fields=["interview", "panel_member"], name="scorecard_one_per_panel_member"
            )
        ]

    def __str__(self) -> str:
        return f"{self.panel_member_id} → interview {self.interview_id}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class ScorecardScore(models.Model):
    """A scorecard's score (1–5, as in review) of one criterion, with an optional note."""

    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["criterion__position", "criterion__pk"]
        verbose_name = _("scorecard score")
        verbose_name_plural = _("scorecard scores")
        constraints = [
            models.UniqueConstraint(
                fields=["scorecard", "criterion"], name="scorecardscore_one_per_criterion"
            ),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | SCORE_RANGE,
                name="scorecardscore_score_from_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.score}"
