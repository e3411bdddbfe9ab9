"""Writes for structured review: reviews, answer scores, candidate numbers, blind lifts and
reminders. Each significant act goes to the audit log."""

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.models import Membership, User
from tremplin.accounts.selectors import user_mail_language
from tremplin.applications.models import Answer, Application
from tremplin.core.audit import log_action
from tremplin.messaging.models import OutboxMessage
from tremplin.messaging.outbox import outbox_compose
from tremplin.review.models import AnswerScore, BlindLift, CandidateNumber, CriterionScore, Review
from tremplin.review.results import (
    REMINDER_VERB,
    ReviewerProgress,
    reviewer_progress,
    reviewer_progress_get,
)
from tremplin.review.selectors import review_stage_keys
from tremplin.vacancies.models import Vacancy
from tremplin.vacancies.selectors import vacancy_name, vacancy_title_for_language

SCORES = range(1, 6)
# A reviewer is not reminded twice within this time.
REMINDER_INTERVAL = timedelta(hours=1)


def candidate_number_give(*, application: Application) -> CandidateNumber:
    """Give a new application (one without a number: it is given when the application is
    created) the next candidate number of its vacancy, so that numbers follow arrival and
    exist before any review page is read. Numbers never change once given. The vacancy's
    row is locked while the number is chosen: two applications arriving at once cannot
    take the same one. No savepoint of its own: a failure fails the application's
    creation."""
    with transaction.atomic(savepoint=False):
        list(Vacancy.objects.select_for_update().filter(pk=application.vacancy_id).values("pk"))
        top = (
            CandidateNumber.objects.filter(vacancy_id=application.vacancy_id).aggregate(
                Max("number")
            )["number__max"]
            or 0
        )
        return CandidateNumber.objects.create(
            application=application, vacancy_id=application.vacancy_id, number=top + 1
        )


def scores_check(
    *,
    criteria: set[int],
    scores: Mapping[int, tuple[int | None, str]],
    recommendation: str,
    submit: bool,
) -> None:
    """The rules of a review's scores, which an interview's scorecard follows too: only the
    vacancy's ``criteria``, scores from 1 to 5, a known recommendation, and to submit, a
    score for every criterion and a recommendation. ValidationError otherwise."""
    if set(scores) - criteria:
        raise ValidationError(_("These criteria are not the vacancy’s."), code="criteria")
    if any(score is not None and score not in SCORES for score, _note in scores.values()):
        raise ValidationError(_("A score is a whole number from 1 to 5."), code="score")
    if recommendation and recommendation not in Review.Recommendation.values:
        raise ValidationError(_("Choose one of the recommendations."), code="recommendation")
    if submit and (
        not recommendation or any(scores.get(pk, (None, ""))[0] is None for pk in criteria)
    ):
        raise ValidationError(
            _("To submit, give every criterion a score and choose a recommendation."),
            code="incomplete",
        )


def scores_write(
    *,
    card_model: type[Any],
    key: Mapping[str, Any],
    score_model: type[Any],
    score_key: str,
    criteria: set[int],
    scores: Mapping[int, tuple[int | None, str]],
    recommendation: str,
    comment: str,
    submit: bool,
    already: str,
) -> Any:
    """Within the caller's transaction: lock (or create) the card at ``key`` (a review, an
    interview's scorecard), refuse it once submitted (``already`` says so), and store its
    recommendation, comment and a score per criterion, checked by ``scores_check`` first."""
    card, _created = card_model.objects.select_for_update().get_or_create(**key)
    if card.is_submitted:
        raise ValidationError(already, code="submitted")
    card.recommendation = recommendation
    card.comment = comment.strip()
    if submit:
        card.submitted_at = timezone.now()
    card.save()
    for criterion_id in criteria:
        score, note = scores.get(criterion_id, (None, ""))
        score_model.objects.update_or_create(
            **{score_key: card},
            criterion_id=criterion_id,
            defaults={"score": score, "note": note.strip()},
        )
    return card


def review_save(
    *,
    application: Application,
    reviewer: User,
    scores: Mapping[int, tuple[int | None, str]],
    recommendation: str,
    comment: str,
    submit: bool,
) -> Review:
    """Save ``reviewer``'s review of ``application`` as a draft, or submit it.

    ``scores`` maps criterion ids to (score or None, note). A submitted review is final; to
    submit, every criterion needs a score and the recommendation must be given. Raises
    ValidationError, writing nothing, when the review cannot be saved.
    """
    criteria = {criterion.pk for criterion in application.vacancy.criteria.all()}
    scores_check(criteria=criteria, scores=scores, recommendation=recommendation, submit=submit)
    with transaction.atomic():
        review = scores_write(
            card_model=Review,
            key={"application": application, "reviewer": reviewer},
            score_model=CriterionScore,
            score_key="review",
            criteria=criteria,
            scores=scores,
            recommendation=recommendation,
            comment=comment,
            submit=submit,
            already=str(_("You have already submitted this review: it can no longer be changed.")),
        )
        if submit:
            log_action(
                reviewer,
                "review.submit",
                review,
                {
                    "application": application.pk,
                    "recommendation": recommendation,
                    "scores": {str(pk): scores[pk][0] for pk in sorted(criteria)},
                },
                organization=application.vacancy.organization,
            )
    return review


def answer_score_save(*, answer: Answer, reviewer: User, score: int, note: str) -> AnswerScore:
    """Record (or change) ``reviewer``'s score of one answer."""
    if score not in SCORES:
        raise ValidationError(_("A score is a whole number from 1 to 5."), code="score")
    if answer.application.stage not in review_stage_keys(vacancy=answer.application.vacancy):
        raise ValidationError(_("This application is no longer in review."), code="stage")
    with transaction.atomic():
        answer_score, created = AnswerScore.objects.update_or_create(
            answer=answer, reviewer=reviewer, defaults={"score": score, "note": note.strip()}
        )
        log_action(
            reviewer,
            "review.answer_score",
            answer_score,
            {
                "question": answer.question_id,
                "application": answer.application_id,
                "score": score,
                "changed": not created,
            },
            organization=answer.application.vacancy.organization,
        )
    return answer_score


def blind_lift(*, vacancy: Vacancy, stage: str, by: User) -> BlindLift:
    """Show candidates' names to reviewers for the applications at ``stage``."""
    if stage not in review_stage_keys(vacancy=vacancy):
        raise ValidationError(_("Blind mode can only be lifted for a review stage."), code="stage")
    with transaction.atomic():
        lift, created = BlindLift.objects.get_or_create(
            vacancy=vacancy, stage=stage, defaults={"lifted_by": by}
        )
        if created:
            log_action(
                by,
                "review.blind_lift",
                vacancy,
                {"stage": stage},
                label=vacancy_name(vacancy=vacancy),
            )
    return lift


def blind_restore(*, vacancy: Vacancy, stage: str, by: User) -> None:
    """Hide names again at ``stage`` (reviewers who saw them may remember them)."""
    with transaction.atomic():
        deleted, _rows = BlindLift.objects.filter(vacancy=vacancy, stage=stage).delete()
        if deleted:
            log_action(
                by,
                "review.blind_restore",
                vacancy,
                {"stage": stage},
                label=vacancy_name(vacancy=vacancy),
            )


def reviewer_remind_check(*, vacancy: Vacancy, membership: Membership) -> ReviewerProgress:
    """The reviewer's progress, when a reminder may go: 404 for a member not assigned,
    ValidationError when nothing is left or a reminder went less than an hour ago."""
    progress = reviewer_progress_get(vacancy=vacancy, membership=membership)
    user = membership.user
    if not progress.has_work_left:
        raise ValidationError(
            _("%(email)s has nothing left to review for this vacancy."),
            code="done",
            params={"email": user.email},
        )
    if progress.last_reminder and timezone.now() - progress.last_reminder < REMINDER_INTERVAL:
        raise ValidationError(
            _("%(email)s was reminded less than an hour ago."),
            code="recent",
            params={"email": user.email},
        )
    return progress


def reviewer_remind(*, vacancy: Vacancy, membership: Membership, by: User | None) -> OutboxMessage:
    """Queue an e-mail to a reviewer about what is left, in their language; ``by`` None: the
    automatic reminder, signed by the organization."""
    progress = reviewer_remind_check(vacancy=vacancy, membership=membership)
    user = membership.user
    language = user_mail_language(user)

    def compose() -> tuple[str, str]:
        title = vacancy_title_for_language(vacancy=vacancy, language=language)
        path = reverse(
            "staff_review:vacancy",
            kwargs={"org": vacancy.organization.slug, "vacancy": vacancy.slug},
        )
        context = {
            "title": title,
            "organization": vacancy.organization,
            "sender": by.display_name if by else vacancy.organization.name,
            "progress": progress,
            "url": settings.SITE_URL + path,
        }
        subject = gettext("Reviews waiting for you: %(title)s") % {"title": title}
        return subject, render_to_string("review/email/reminder.txt", context)

    with transaction.atomic():
        message = outbox_compose(
            to=user.email, language=language, compose=compose, kind="review_reminder"
        )
        log_action(
            by,
            REMINDER_VERB,
            vacancy,
            {"reviewer": user.pk, "email": user.email, "outbox": message.pk},
            label=vacancy_name(vacancy=vacancy),
        )
    return message


def reviewers_remind_due() -> int:
    """Remind every assigned reviewer who has left an application waiting longer than their
    organization's delay, unless reminded within that delay already; how many were."""
    now = timezone.now()
    vacancies = (
        Vacancy.objects.filter(organization__review_reminder_days__gt=0, reviewers__isnull=False)
        .select_related("organization")
        .distinct()
        .order_by("pk")
    )
    sent = 0
    for vacancy in vacancies.iterator(chunk_size=100):
        delay = timedelta(days=vacancy.organization.review_reminder_days)
        for progress in reviewer_progress(vacancy=vacancy):
            recent = progress.last_reminder is not None and now - progress.last_reminder < delay
            if progress.late and progress.membership is not None and not recent:
                reviewer_remind(vacancy=vacancy, membership=progress.membership, by=None)
                sent += 1
    return sent
