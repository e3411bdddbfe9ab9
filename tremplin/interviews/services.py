"""Writes about interviews: schedule one (with times to choose from, or a fixed time), the
candidate's choice, moving it, cancelling it, the candidate's request to move it, the
reminders of the day before, the panel's scorecards and their reminder, and revoking a
calendar feed.

Each change and its mail are one transaction: the outbox sends them after it commits, so a
change that fails sends nothing.
"""

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.accounts.models import User
from tremplin.applications.models import Application
from tremplin.applications.signals import interview_answered
from tremplin.core.audit import log_action
from tremplin.interviews import mails
from tremplin.interviews.models import (
    CalendarFeed,
    Interview,
    InterviewSlot,
    RescheduleRequest,
    Scorecard,
    ScorecardScore,
)
from tremplin.interviews.selectors import interview_has_happened, panel_has
from tremplin.review.services import scores_check, scores_write

REMINDER_BEFORE = timedelta(hours=24)
# The panel is reminded of missing scorecards this long after the interview began, once,
# and not for interviews older than SCORECARD_REMINDER_HORIZON (say, when this ships).
SCORECARD_REMINDER_AFTER = timedelta(hours=24)
SCORECARD_REMINDER_HORIZON = timedelta(days=14)


def interview_schedule(
    *,
    application: Application,
    by: User,
    kind: str,
    duration_minutes: int,
    location: str,
    panel: Sequence[User],
    starts: Sequence[datetime],
    timezone_name: str,
    fixed: bool,
) -> Interview:
    """Offer the candidate ``starts`` to choose from, or with ``fixed`` invite everyone to
    the one start given. The caller has validated the input (``forms.ScheduleForm``)."""
    with transaction.atomic():
        interview = Interview.objects.create(
            application=application,
            kind=kind,
            duration_minutes=duration_minutes,
            location=location,
            timezone=timezone_name,
            organizer=by,
            status=Interview.Status.SCHEDULED if fixed else Interview.Status.OFFERED,
            start=starts[0] if fixed else None,
        )
        interview.panel.set(panel)
        if not fixed:
            InterviewSlot.objects.bulk_create(
                InterviewSlot(interview=interview, start=start) for start in sorted(starts)
            )
        log_action(
            by,
            "interview.schedule",
            application,
            {"interview": interview.pk, "fixed": fixed, "slots": len(starts)},
        )
        mails.interview_mail(
            interview=interview, step=mails.INVITATION if fixed else mails.OFFER, sender=by
        )
    return interview


def interview_pick(*, interview: Interview, start: datetime) -> Interview:
    """The candidate picks one of the offered times: everyone gets the invitation. A second
    pick (a double click, a second tab) changes nothing."""
    with transaction.atomic():
        locked = Interview.objects.select_for_update().get(pk=interview.pk)
        if locked.status != Interview.Status.OFFERED:
            raise ValidationError(_("This interview’s time is already set."))
        if not locked.slots.filter(start=start).exists():
            raise ValidationError(_("Choose one of the times offered."))
        if start <= timezone.now():
            raise ValidationError(_("This time has passed: ask for another one below."))
        locked.start = start
        locked.status = Interview.Status.SCHEDULED
        locked.save(update_fields=["start", "status"])
        log_action(None, "interview.pick", locked.application, {"interview": locked.pk})
        mails.interview_mail(interview=locked, step=mails.INVITATION)
        _answered(locked, "picked")
    return locked


def _answered(interview: Interview, answer: str) -> None:
    """Tell who scheduled the interview and its panel (in the workspace, and by e-mail)."""
    recipients = list(interview.panel.order_by("pk"))
    if interview.organizer is not None and interview.organizer not in recipients:
        recipients.append(interview.organizer)
    interview_answered.send(
        Interview, application=interview.application, answer=answer, recipients=recipients
    )


def interview_reschedule(*, interview: Interview, start: datetime, by: User) -> Interview:
    """Move the interview to ``start``: the same UID, the next SEQUENCE, sent to everyone;
    the candidate's requests to move it are answered."""
    with transaction.atomic():
        locked = Interview.objects.select_for_update().get(pk=interview.pk)
        if locked.status == Interview.Status.CANCELLED:
            raise ValidationError(_("This interview is cancelled."))
        if start <= timezone.now():
            raise ValidationError(_("Choose a time in the future."))
        locked.start = start
        locked.status = Interview.Status.SCHEDULED
        locked.sequence = F("sequence") + 1
        locked.reminded_at = None
        locked.scorecards_reminded_at = None
        locked.save(
            update_fields=["start", "status", "sequence", "reminded_at", "scorecards_reminded_at"]
        )
        locked.refresh_from_db()
        locked.reschedule_requests.filter(handled_at=None).update(handled_at=timezone.now())
        log_action(by, "interview.reschedule", locked.application, {"interview": locked.pk})
        mails.interview_mail(interview=locked, step=mails.UPDATE, sender=by)
    return locked


def interview_cancel(*, interview: Interview, by: User) -> Interview:
    """Cancel: a CANCEL with the same UID and the next SEQUENCE to everyone (to the candidate
    only while they had not chosen a time: the panel had nothing in their calendars)."""
    with transaction.atomic():
        locked = Interview.objects.select_for_update().get(pk=interview.pk)
        if locked.status == Interview.Status.CANCELLED:
            raise ValidationError(_("This interview is already cancelled."))
        was_offered = locked.status == Interview.Status.OFFERED
        locked.status = Interview.Status.CANCELLED
        locked.sequence = F("sequence") + 1
        locked.save(update_fields=["status", "sequence"])
        locked.refresh_from_db()
        locked.reschedule_requests.filter(handled_at=None).update(handled_at=timezone.now())
        log_action(by, "interview.cancel", locked.application, {"interview": locked.pk})
        if was_offered:
            mails.interview_mail(interview=locked, step=mails.OFFER_WITHDRAWN, sender=by)
        else:
            mails.interview_mail(interview=locked, step=mails.CANCELLATION, sender=by)
    return locked


def reschedule_request_make(*, interview: Interview, reason: str) -> RescheduleRequest:
    """The candidate asks for another time; the recruiter sees it on the application."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Tell the organization why you need another time."))
    if interview.status == Interview.Status.CANCELLED:
        raise ValidationError(_("This interview is cancelled."))
    with transaction.atomic():
        request = RescheduleRequest.objects.create(interview=interview, reason=reason[:2000])
        log_action(
            None, "interview.reschedule_request", interview.application, {"interview": interview.pk}
        )
        _answered(interview, "move")
    return request


def interview_reminders_send(*, now: datetime | None = None) -> int:
    """Remind the candidate and the panel of every interview starting within the next 24
    hours, once: each interview is claimed by a conditional UPDATE before its mail is
    queued, so two runs at once cannot both send it. Returns the interviews reminded."""
    now = now or timezone.now()
    due = Interview.objects.filter(
        status=Interview.Status.SCHEDULED,
        reminded_at=None,
        start__gt=now,
        start__lte=now + REMINDER_BEFORE,
    ).values_list("pk", flat=True)
    sent = 0
    for pk in list(due[:1000]):
        with transaction.atomic():
            claimed = Interview.objects.filter(pk=pk, reminded_at=None).update(reminded_at=now)
            if not claimed:
                continue
            interview = Interview.objects.select_related(
                "application__candidate", "application__vacancy__organization"
            ).get(pk=pk)
            mails.interview_mail(interview=interview, step=mails.REMINDER)
            sent += 1
    return sent


def scorecard_save(
    *,
    interview: Interview,
    member: User,
    scores: Mapping[int, tuple[int | None, str]],
    recommendation: str,
    comment: str,
    submit: bool,
) -> Scorecard:
    """Save ``member``'s scorecard of ``interview`` as a draft, or submit it (final).

    The rules are review's (``review.services.review_save``): ``scores`` maps the vacancy's
    criterion ids to (score 1-5 or None, note); to submit, every criterion needs a score and
    a recommendation is chosen. Only the panel, once the interview has begun. Raises
    ValidationError, writing nothing, when the scorecard cannot be saved.
    """
    if not panel_has(interview=interview, user=member):
        raise ValidationError(
            _("Only the members of the interview’s panel fill its scorecards."), code="panel"
        )
    if not interview_has_happened(interview):
        raise ValidationError(
            _("The scorecard opens once the interview has taken place."), code="early"
        )
    criteria = set(interview.application.vacancy.criteria.values_list("pk", flat=True))
    scores_check(criteria=criteria, scores=scores, recommendation=recommendation, submit=submit)
    with transaction.atomic():
        scorecard = scores_write(
            card_model=Scorecard,
            key={"interview": interview, "panel_member": member},
            score_model=ScorecardScore,
            score_key="scorecard",
            criteria=criteria,
            scores=scores,
            recommendation=recommendation,
            comment=comment,
            submit=submit,
            already=_("You have already submitted this scorecard: it can no longer be changed."),
        )
        if submit:
            log_action(
                member,
                "interview.scorecard_submit",
                interview.application,
                {
                    "interview": interview.pk,
                    "scorecard": scorecard.pk,
                    "recommendation": recommendation,
                    "scores": {str(pk): scores[pk][0] for pk in sorted(criteria)},
                },
            )
    return scorecard


def scorecard_reminders_send(*, now: datetime | None = None) -> int:
    """Remind each panel member whose scorecard is not submitted a day after the interview
    began, once per interview (claimed by a conditional UPDATE, as the reminders of the day
    before). Returns how many members were reminded."""
    now = now or timezone.now()
    due = (
        Interview.objects.filter(
            status=Interview.Status.SCHEDULED,
            scorecards_reminded_at=None,
            start__gt=now - SCORECARD_REMINDER_HORIZON,
            start__lte=now - SCORECARD_REMINDER_AFTER,
        )
        .order_by("start")
        .values_list("pk", flat=True)
    )
    sent = 0
    for pk in list(due[:1000]):
        with transaction.atomic():
            claimed = Interview.objects.filter(pk=pk, scorecards_reminded_at=None).update(
                scorecards_reminded_at=now
            )
            if not claimed:
                continue
            interview = Interview.objects.select_related(
                "application__candidate", "application__vacancy__organization"
            ).get(pk=pk)
            done = Scorecard.objects.filter(interview=interview, submitted_at__isnull=False)
            late = interview.panel.exclude(pk__in=done.values("panel_member_id")).order_by("pk")
            for member in late:
                mails.scorecard_reminder_mail(interview=interview, member=member)
                sent += 1
    return sent


def calendar_feed_revoke(*, user: User) -> CalendarFeed:
    """Make the member's feed address a new one: the old one stops working."""
    with transaction.atomic():
        feed, _created = CalendarFeed.objects.select_for_update().get_or_create(user=user)
        feed.generation = F("generation") + 1
        feed.revoked_at = timezone.now()
        feed.save(update_fields=["generation", "revoked_at"])
        feed.refresh_from_db()
        log_action(user, "calendar_feed.revoke", None, {}, organization=None)
    return feed
