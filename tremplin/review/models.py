"""Structured review: reviewers' scores of applications and of answers, and blind mode.

A Review is one reviewer's scores of one application against the vacancy's criteria, plus
an overall recommendation; it is a draft until submitted, and final once submitted (the
reviewer then sees the others' scores, so changing one's own would no longer be
independent). An AnswerScore is one reviewer's score of one answer in question-by-question
review. A CandidateNumber is the name a candidate goes by in blind review, stable within
the vacancy. A BlindLift shows candidates' names to reviewers at one stage of a vacancy.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tremplin.applications.models import Answer, Application
from tremplin.vacancies.models import Criterion, Vacancy

SCORE_RANGE = models.Q(score__gte=1, score__lte=5)


class CandidateNumber(models.Model):
    """ "Candidate 7": how reviewers refer to an application in blind review."""

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="candidate_number"
    )
    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="+")
    number = models.PositiveIntegerField(_("candidate number"))

    class Meta:
        ordering = ["vacancy", "number"]
        verbose_name = _("candidate number")
        verbose_name_plural = _("candidate numbers")
        constraints = [
            models.UniqueConstraint(
                fields=["vacancy", "number"], name="candidatenumber_unique_per_vacancy"
            )
        ]

    def __str__(self) -> str:
        return f"{self.vacancy_id}#{self.number}"


class Review(models.Model):
    """One reviewer's scores for one application."""

    class Recommendation(models.TextChoices):
        STRONG_YES = "strong_yes", _("Strong yes")
        YES = "yes", _("Yes")
        NO = "no", _("No")
        STRONG_NO = "strong_no", _("Strong no")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="application_reviews",
    )
    recommendation = models.CharField(
        _("overall recommendation"), max_length=16, choices=Recommendation, blank=True
    )
    comment = models.TextField(_("overall note"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer"], name="review_one_per_reviewer_and_application"
            )
        ]
        indexes = [
            # The results table: the submitted reviews of a vacancy's applications, read from
            # the index alone (their ids lead to the scores).
            models.Index(
                fields=["application", "id", "recommendation"],
                condition=models.Q(submitted_at__isnull=False),
                name="review_submitted_application",
            )
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} → {self.application_id}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class CriterionScore(models.Model):
    """A review's score (1–5) of one criterion, with an optional note."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["criterion__position", "criterion__pk"]
        verbose_name = _("criterion score")
        verbose_name_plural = _("criterion scores")
        constraints = [
            models.UniqueConstraint(
                fields=["review", "criterion"], name="criterionscore_one_per_review_and_criterion"
            ),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | SCORE_RANGE,
                name="criterionscore_score_from_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.score}"


class AnswerScore(models.Model):
    """One reviewer's score (1–5) of one answer, in question-by-question review."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="review_scores")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="answer_scores",
    )
    score = models.PositiveSmallIntegerField(_("score"))
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("answer score")
        verbose_name_plural = _("answer scores")
        constraints = [
            models.UniqueConstraint(
                fields=["answer", "reviewer"], name="answerscore_one_per_reviewer_and_answer"
            ),
            models.CheckConstraint(condition=SCORE_RANGE, name="answerscore_score_from_1_to_5"),
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} → answer {self.answer_id}: {self.score}"


class BlindLift(models.Model):
    """Reviewers see candidates' names for the applications at ``stage`` of the vacancy."""

    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="blind_lifts")
    stage = models.CharField(_("stage"), max_length=32)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lifted by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    lifted_at = models.DateTimeField(_("lifted at"), auto_now_add=True)

    class Meta:
        ordering = ["vacancy", "stage"]
        verbose_name = _("blind mode lifted")
        verbose_name_plural = _("blind mode lifted")
        constraints = [
            models.UniqueConstraint(fields=["vacancy", "stage"], name="blindlift_one_per_stage")
        ]

    def __str__(self) -> str:
        return f"{self.vacancy} · {self.stage}"
