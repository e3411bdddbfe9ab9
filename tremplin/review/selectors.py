"""Reads for structured review: what a reviewer may see, their queue of answers, the
aggregate table and each reviewer's progress.

Which applications are reviewed: those at any stage of the organization's pipeline that
is not final (by default received, screening, review, interview and offer). Hired
candidates and those not retained have left the review; withdrawn applications are never
shown to reviewers.
"""

import hashlib
import hmac
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as _

from tremplin.accounts.models import Membership, Organization, User
from tremplin.accounts.permissions import MANAGERS
from tremplin.applications.models import Answer, Application, Document, Stage
from tremplin.applications.selectors import question_wording, stage_label, stage_list
from tremplin.core.models import AuditEvent
from tremplin.review.models import AnswerScore, BlindLift, CriterionScore, Review
from tremplin.review.redaction import Identity, redact
from tremplin.vacancies.models import Criterion, CriterionText, Question, Vacancy

# Reviewers whose scores of one item differ by this much or more should talk it over.
DISAGREEMENT = 2
RECOMMENDATION_VALUES = {
    Review.Recommendation.STRONG_YES: 4,
    Review.Recommendation.YES: 3,
    Review.Recommendation.NO: 2,
    Review.Recommendation.STRONG_NO: 1,
}
REMINDER_VERB = "review.reminder"


# --- Who and what -------------------------------------------------------------------------


def is_manager(membership: Membership) -> bool:
    return membership.role in MANAGERS


def review_stages(*, organization: Organization) -> list[Stage]:
    """The stages of the organization's pipeline whose applications are reviewed: all but
    the final ones (hired, not retained, withdrawn)."""
    return [stage for stage in stage_list(organization=organization) if not stage.is_final]


def review_stage_keys(*, vacancy: Vacancy) -> list[str]:
    return [stage.key for stage in review_stages(organization=vacancy.organization)]


def review_stage_choices(*, organization: Organization) -> list[tuple[str, str]]:
    """The stages whose applications are reviewed, with their names."""
    return [(stage.key, stage.label()) for stage in review_stages(organization=organization)]


def application_stage_label(application: Application) -> str:
    stages = stage_list(organization=application.vacancy.organization)
    return stage_label(stages=stages, key=application.stage)


def reviewable_applications(*, vacancy: Vacancy) -> QuerySet[Application]:
    """The vacancy's applications in review, in candidate-number order."""
    return (
        vacancy.applications.filter(stage__in=review_stage_keys(vacancy=vacancy))
        .select_related("candidate", "candidate_number")
        .order_by("candidate_number__number", "created_at", "pk")
    )


def application_get_for_review(*, vacancy: Vacancy, pk: int) -> Application:
    """Application ``pk`` of ``vacancy`` if it is in review; else 404."""
    application = reviewable_applications(vacancy=vacancy).filter(pk=pk).first()
    if application is None:
        raise Http404("no such application in review")
    return application


def question_get_for_review(*, vacancy: Vacancy, pk: int) -> Question:
    question = vacancy.questions.prefetch_related("texts").filter(pk=pk).first()
    if question is None:
        raise Http404("no such question")
    return question


def criteria_for_review(*, vacancy: Vacancy) -> list[Criterion]:
    return list(vacancy.criteria.prefetch_related("texts").order_by("position", "pk"))


def questions_for_review(*, vacancy: Vacancy) -> list[Question]:
    return list(vacancy.questions.prefetch_related("texts").order_by("position", "pk"))


def criterion_text(*, criterion: Criterion, language: str | None = None) -> CriterionText | None:
    """The criterion's wording and scoring guide in ``language`` (default: the active one),
    else in any language it has."""
    language = language or translation.get_language() or ""
    texts = {text.language: text for text in criterion.texts.all()}
    for code in (language, *sorted(texts)):
        if code in texts:
            return texts[code]
    return None


def question_text(*, question: Question) -> str:
    return question_wording(question=question) or _("Question %(number)s") % {
        "number": question.position
    }


# --- Blind mode ---------------------------------------------------------------------------


def blind_lifts(*, vacancy: Vacancy) -> dict[str, BlindLift]:
    """The stages at which reviewers see names, with who lifted blind mode and when."""
    return {lift.stage: lift for lift in vacancy.blind_lifts.select_related("lifted_by")}


def identity_visible(*, vacancy: Vacancy, application: Application, lifted: Iterable[str]) -> bool:
    """Whether review pages show this candidate's name and contact details."""
    return not vacancy.blind_review or application.stage in set(lifted)


def candidate_label(application: Application) -> str:
    """ "Candidate 7", the candidate's number in the vacancy (see candidate_number_give)."""
    number = getattr(getattr(application, "candidate_number", None), "number", None)
    if number is None:
        return _("Candidate")
    return _("Candidate %(number)s") % {"number": number}


def identity_of(application: Application) -> Identity:
    candidate = application.candidate
    return Identity.of(name=candidate.name, email=candidate.email, phone=candidate.phone)


@dataclass(frozen=True)
class DocumentForReview:
    role: str
    role_label: str
    text: str
    status: str
    notice: str = ""


def documents_for_review(*, application: Application, blind: bool) -> list[DocumentForReview]:
    """The current CV and letter as text, redacted in blind mode. Never the files: a file
    may carry a photo or contact details that text redaction cannot reach."""
    documents = application.documents.filter(superseded_at__isnull=True).order_by("role", "pk")
    identity = identity_of(application)
    shown: list[DocumentForReview] = []
    for document in documents:
        notice = ""
        text = document.text
        if document.extraction_status == Document.Extraction.PENDING:
            notice = _("The text of this document is still being extracted: come back shortly.")
        elif document.extraction_status == Document.Extraction.NO_TEXT:
            notice = _(
                "This document has no text layer (a scan?), so it cannot be shown here. "
                "Ask a recruiter."
            )
        elif document.extraction_status in (
            Document.Extraction.FAILED,
            Document.Extraction.NOT_EXTRACTED,
        ):
            notice = _("The text of this document could not be extracted. Ask a recruiter.")
        shown.append(
            DocumentForReview(
                role=document.role,
                role_label=str(document.get_role_display()),
                text=redact(text, identity=identity) if blind else text,
                status=document.extraction_status,
                notice=notice,
            )
        )
    return shown


def answers_for_application_review(
    *, application: Application, blind: bool
) -> list[tuple[Question, str]]:
    """Answers to the questions not reviewed blind, shown beside the application.
    Answers to blind questions are scored question by question instead."""
    identity = identity_of(application)
    answers = (
        application.answers.filter(question__blind_review=False)
        .select_related("question")
        .prefetch_related("question__texts")
    )
    return [
        (answer.question, redact(answer.text, identity=identity) if blind else answer.text)
        for answer in answers
    ]


# --- Application reviews ------------------------------------------------------------------


def review_get(*, application: Application, reviewer: User) -> Review | None:
    return (
        Review.objects.filter(application=application, reviewer=reviewer)
        .prefetch_related("scores")
        .first()
    )


def reviews_of_others(*, application: Application, reviewer: User) -> list[Review]:
    """Other reviewers' submitted reviews, only once ``reviewer`` has submitted theirs:
    before that, nothing of them leaves the database."""
    own = Review.objects.filter(
        application=application, reviewer=reviewer, submitted_at__isnull=False
    )
    if not own.exists():
        return []
    return submitted_reviews(application=application, exclude=reviewer)


def submitted_reviews(*, application: Application, exclude: User | None = None) -> list[Review]:
    reviews = (
        Review.objects.filter(application=application, submitted_at__isnull=False)
        .select_related("reviewer")
        .prefetch_related("scores")
        .order_by("submitted_at", "pk")
    )
    if exclude is not None:
        reviews = reviews.exclude(reviewer=exclude)
    return list(reviews)


# --- Question-by-question review ----------------------------------------------------------


def answer_order_key(*, reviewer_id: int, question_id: int, answer_id: int) -> str:
    """A reviewer's own shuffle of the answers to a question: the same on every visit,
    different for each reviewer and question."""
    return hashlib.sha256(f"{reviewer_id}:{question_id}:{answer_id}".encode()).hexdigest()


def answer_key(*, reviewer_id: int, answer_id: int) -> str:
    """An opaque name for an answer in a reviewer's form: neither the answer's nor the
    application's id, so answers cannot be matched across questions by their numbers."""
    message = f"review-answer:{reviewer_id}:{answer_id}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:24]


def reviews_needed(vacancy: Vacancy) -> int:
    return max(1, vacancy.reviews_per_answer)


@dataclass
class PoolAnswer:
    """An answer that is scored in question-by-question review, and who scored it."""

    pk: int
    question_id: int
    application_id: int
    scorers: set[int] = field(default_factory=set)
    count: int = 0


def answer_pool(*, vacancy: Vacancy) -> list[PoolAnswer]:
    """The non-empty answers of the applications in review, with who has scored each."""
    answers = Answer.objects.filter(
        application__vacancy=vacancy, application__stage__in=review_stage_keys(vacancy=vacancy)
    ).exclude(text="")
    pool = {
        pk: PoolAnswer(pk=pk, question_id=question_id, application_id=application_id)
        for pk, question_id, application_id in answers.values_list(
            "pk", "question_id", "application_id"
        )
    }
    # Every score counts towards N, even one whose reviewer's account has since gone.
    for answer_id, reviewer_id in AnswerScore.objects.filter(answer_id__in=list(pool)).values_list(
        "answer_id", "reviewer_id"
    ):
        pool[answer_id].count += 1
        if reviewer_id is not None:
            pool[answer_id].scorers.add(reviewer_id)
    return list(pool.values())


def pool_todo(
    pool: Iterable[PoolAnswer], *, reviewer_id: int, question_id: int, needed: int
) -> list[PoolAnswer]:
    """The answers to ``question_id`` that still need reviews and that the reviewer has not
    scored: the least-reviewed first, then in the reviewer's own random order.

    An answer needs ``needed`` scores (``Vacancy.reviews_per_answer``) from different
    reviewers, so with fewer reviewers than that every answer gets one score from each
    (two reviewers and N=3: two scores per answer). Two reviewers scoring the last missing
    score at the same moment both count: an answer may end with one score more than N.
    """
    todo = [
        answer
        for answer in pool
        if answer.question_id == question_id
        and reviewer_id not in answer.scorers
        and answer.count < needed
    ]
    return sorted(
        todo,
        key=lambda answer: (
            answer.count,
            answer_order_key(reviewer_id=reviewer_id, question_id=question_id, answer_id=answer.pk),
        ),
    )


@dataclass
class AnswerQueue:
    """One reviewer's work on one question."""

    question: Question
    todo: list[Answer]
    done: list[tuple[Answer, AnswerScore]]
    numbers: dict[int, int]  # answer pk -> "Answer n", in the reviewer's order

    @property
    def next(self) -> Answer | None:
        return self.todo[0] if self.todo else None

    @property
    def total(self) -> int:
        return len(self.todo) + len(self.done)


def answer_queue(*, question: Question, reviewer: User) -> AnswerQueue:
    vacancy = question.vacancy
    pool = answer_pool(vacancy=vacancy)
    todo_ids = [
        answer.pk
        for answer in pool_todo(
            pool, reviewer_id=reviewer.pk, question_id=question.pk, needed=reviews_needed(vacancy)
        )
    ]
    own_scores = {
        score.answer_id: score
        for score in AnswerScore.objects.filter(
            reviewer=reviewer, answer__question=question, answer_id__in=[a.pk for a in pool]
        )
    }
    answers = Answer.objects.in_bulk([*todo_ids, *own_scores])
    ordered = sorted(
        [*todo_ids, *own_scores],
        key=lambda pk: answer_order_key(
            reviewer_id=reviewer.pk, question_id=question.pk, answer_id=pk
        ),
    )
    return AnswerQueue(
        question=question,
        todo=[answers[pk] for pk in todo_ids],
        done=[(answers[pk], own_scores[pk]) for pk in ordered if pk in own_scores],
        numbers={pk: number for number, pk in enumerate(ordered, start=1)},
    )


def answer_find_for_reviewer(*, question: Question, reviewer: User, key: str) -> Answer | None:
    """The answer to ``question`` in review whose opaque key (``answer_key``) is ``key``."""
    answers = (
        Answer.objects.filter(
            question=question,
            application__vacancy_id=question.vacancy_id,
            application__stage__in=review_stage_keys(vacancy=question.vacancy),
        )
        .exclude(text="")
        .select_related("application__candidate")
    )
    for answer in answers:
        if hmac.compare_digest(answer_key(reviewer_id=reviewer.pk, answer_id=answer.pk), key):
            return answer
    return None


def answer_text_for_review(answer: Answer) -> str:
    """Answers are always reviewed blind: the candidate's name and contacts are redacted."""
    return redact(answer.text, identity=identity_of(answer.application))


def question_progress(*, vacancy: Vacancy, reviewer: User) -> dict[int, tuple[int, int]]:
    """For each question: (answers the reviewer scored, answers still waiting for them)."""
    pool = answer_pool(vacancy=vacancy)
    needed = reviews_needed(vacancy)
    progress: dict[int, tuple[int, int]] = {}
    for question_id in {answer.question_id for answer in pool}:
        scored = sum(1 for a in pool if a.question_id == question_id and reviewer.pk in a.scorers)
        left = len(pool_todo(pool, reviewer_id=reviewer.pk, question_id=question_id, needed=needed))
        progress[question_id] = (scored, left)
    return progress


# --- Aggregation --------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemStat:
    """Every reviewer's score of one item (a criterion or a question) for one candidate."""

    scores: tuple[int, ...] = ()

    @property
    def count(self) -> int:
        return len(self.scores)

    @property
    def mean(self) -> float | None:
        return statistics.fmean(self.scores) if self.scores else None

    @property
    def spread(self) -> int | None:
        """The highest score minus the lowest, when two reviewers or more scored it."""
        return max(self.scores) - min(self.scores) if len(self.scores) >= 2 else None

    @property
    def discuss(self) -> bool:
        return self.spread is not None and self.spread >= DISAGREEMENT


@dataclass
class AggregateRow:
    application: Application
    label: str
    name: str  # empty while the candidate is blind
    stage: str
    stage_label: str
    criteria: dict[int, ItemStat]
    questions: dict[int, ItemStat]
    reviews: int
    recommendations: Counter[str]
    reviewable: bool
    stage_position: int
    criterion_weights: dict[int, int] = field(default_factory=dict)

    @property
    def overall(self) -> float | None:
        """The mean of the criterion means (each counted by the criterion's weight) and
        the question means."""
        weighted = [
            (stat.mean, weight)
            for stat, weight in self._weighted_items()
            if stat.mean is not None and weight > 0
        ]
        total = sum(weight for _mean, weight in weighted)
        if not total:
            return None
        return sum(mean * weight for mean, weight in weighted) / total

    def _weighted_items(self) -> list[tuple[ItemStat, int]]:
        return [(stat, self.criterion_weights.get(pk, 1)) for pk, stat in self.criteria.items()] + [
            (stat, 1) for stat in self.questions.values()
        ]

    @property
    def spread(self) -> int | None:
        spreads = [
            stat.spread
            for stat in [*self.criteria.values(), *self.questions.values()]
            if stat.spread is not None
        ]
        return max(spreads) if spreads else None

    @property
    def discuss(self) -> bool:
        return self.spread is not None and self.spread >= DISAGREEMENT

    @property
    def recommendation_value(self) -> float | None:
        values = [
            RECOMMENDATION_VALUES[Review.Recommendation(key)] * count
            for key, count in self.recommendations.items()
        ]
        count = sum(self.recommendations.values())
        return sum(values) / count if count else None

    @property
    def recommendation_summary(self) -> list[tuple[str, int]]:
        labels = dict(Review.Recommendation.choices)
        return [
            (str(labels[key]), self.recommendations[key])
            for key in Review.Recommendation.values
            if self.recommendations.get(key)
        ]

    @property
    def number(self) -> int:
        number = getattr(getattr(self.application, "candidate_number", None), "number", None)
        return number if number is not None else 10**9

    def value(self, key: str) -> Any:
        """The value the column ``key`` sorts by."""
        if key == "candidate":
            return self.number
        if key == "stage":
            return self.stage_position
        if key == "overall":
            return self.overall
        if key == "reviews":
            return self.reviews
        if key == "spread":
            return self.spread
        if key == "recommendation":
            return self.recommendation_value
        if key.startswith("c") and key[1:].isdigit():
            stat = self.criteria.get(int(key[1:]))
            return stat.mean if stat else None
        if key.startswith("q") and key[1:].isdigit():
            stat = self.questions.get(int(key[1:]))
            return stat.mean if stat else None
        return None


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    full_label: str = ""


@dataclass
class Aggregate:
    criteria: list[tuple[Criterion, str]]
    questions: list[tuple[Question, str]]
    rows: list[AggregateRow]
    sort: str
    descending: bool

    @property
    def columns(self) -> list[Column]:
        columns = [Column("candidate", _("Candidate")), Column("stage", _("Stage"))]
        for number, (criterion, text) in enumerate(self.criteria, start=1):
            columns.append(Column(f"c{criterion.pk}", _("C%(n)s") % {"n": number}, text))
        for number, (question, text) in enumerate(self.questions, start=1):
            columns.append(Column(f"q{question.pk}", _("Q%(n)s") % {"n": number}, text))
        columns += [
            Column("overall", _("Overall mean")),
            Column("reviews", _("Reviews")),
            Column("spread", _("Largest spread")),
            Column("recommendation", _("Recommendations")),
        ]
        return columns


def aggregate_sort_keys(*, vacancy: Vacancy) -> set[str]:
    keys = {"candidate", "stage", "overall", "reviews", "spread", "recommendation"}
    keys |= {f"c{pk}" for pk in vacancy.criteria.values_list("pk", flat=True)}
    keys |= {f"q{pk}" for pk in vacancy.questions.values_list("pk", flat=True)}
    return keys


def aggregate_rows_sorted(
    rows: Sequence[AggregateRow], *, key: str, descending: bool
) -> list[AggregateRow]:
    """Rows ordered by one column; rows with nothing to show for it come last either way,
    and ties keep candidate-number order."""
    by_number = sorted(rows, key=lambda row: row.number)
    present = [row for row in by_number if row.value(key) is not None]
    missing = [row for row in by_number if row.value(key) is None]
    present.sort(key=lambda row: row.value(key), reverse=descending)
    return present + missing


def aggregate(
    *, vacancy: Vacancy, membership: Membership, sort: str = "candidate", descending: bool = False
) -> Aggregate:
    """Per candidate: mean and spread per criterion and per question, overall mean, number
    of reviews and recommendations. Only submitted reviews count.

    Recruiters and owners see every application of the vacancy that is not withdrawn. A
    reviewer sees the applications in review that they have submitted a review of, and,
    once they have no answer left to score, those whose answers they scored.
    """
    user = membership.user
    criteria = criteria_for_review(vacancy=vacancy)
    questions = questions_for_review(vacancy=vacancy)
    applications = list(
        vacancy.applications.exclude(stage=Application.Stage.WITHDRAWN)
        .select_related("candidate", "candidate_number")
        .order_by("candidate_number__number", "created_at", "pk")
    )
    stages = stage_list(organization=vacancy.organization)
    reviewable = set(review_stage_keys(vacancy=vacancy))
    positions = {stage.key: position for position, stage in enumerate(stages)}
    if not is_manager(membership):
        applications = [a for a in applications if a.stage in reviewable]
        reviewed = set(
            Review.objects.filter(
                reviewer=user, submitted_at__isnull=False, application__vacancy=vacancy
            ).values_list("application_id", flat=True)
        )
        pool = answer_pool(vacancy=vacancy)
        needed = reviews_needed(vacancy)
        finished = not any(
            pool_todo(pool, reviewer_id=user.pk, question_id=question.pk, needed=needed)
            for question in questions
        )
        if finished:
            reviewed |= {answer.application_id for answer in pool if user.pk in answer.scorers}
        applications = [a for a in applications if a.pk in reviewed]

    application_ids = [a.pk for a in applications]
    criterion_scores: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for application_id, criterion_id, score in CriterionScore.objects.filter(
        review__application_id__in=application_ids,
        review__submitted_at__isnull=False,
        score__isnull=False,
    ).values_list("review__application_id", "criterion_id", "score"):
        if score is not None:
            criterion_scores[application_id][criterion_id].append(score)
    question_scores: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for application_id, question_id, score in AnswerScore.objects.filter(
        answer__application_id__in=application_ids
    ).values_list("answer__application_id", "answer__question_id", "score"):
        question_scores[application_id][question_id].append(score)
    review_counts: Counter[int] = Counter()
    recommendations: dict[int, Counter[str]] = defaultdict(Counter)
    for application_id, recommendation in Review.objects.filter(
        application_id__in=application_ids, submitted_at__isnull=False
    ).values_list("application_id", "recommendation"):
        review_counts[application_id] += 1
        if recommendation:
            recommendations[application_id][recommendation] += 1

    lifted = set(blind_lifts(vacancy=vacancy))
    weights = {criterion.pk: criterion.weight for criterion in criteria}
    rows: list[AggregateRow] = []
    for application in applications:
        visible = identity_visible(vacancy=vacancy, application=application, lifted=lifted)
        row = AggregateRow(
            application=application,
            label=candidate_label(application),
            name=application.candidate.name or application.candidate.email if visible else "",
            stage=application.stage,
            stage_label=stage_label(stages=stages, key=application.stage),
            criteria={
                criterion.pk: ItemStat(tuple(criterion_scores[application.pk][criterion.pk]))
                for criterion in criteria
            },
            questions={
                question.pk: ItemStat(tuple(question_scores[application.pk][question.pk]))
                for question in questions
            },
            reviews=review_counts[application.pk],
            recommendations=recommendations[application.pk],
            reviewable=application.stage in reviewable,
            stage_position=positions.get(application.stage, len(positions)),
            criterion_weights=weights,
        )
        rows.append(row)

    return Aggregate(
        criteria=[
            (criterion, text.text if (text := criterion_text(criterion=criterion)) else "")
            for criterion in criteria
        ],
        questions=[(question, question_text(question=question)) for question in questions],
        rows=aggregate_rows_sorted(rows, key=sort, descending=descending),
        sort=sort,
        descending=descending,
    )


# --- Progress -----------------------------------------------------------------------------


@dataclass
class ReviewerProgress:
    user: User
    membership: Membership | None
    assigned: bool
    reviews_submitted: int
    reviews_draft: int
    reviews_expected: int
    answers_scored: int
    answers_left: int
    last_reminder: datetime | None

    @property
    def has_work_left(self) -> bool:
        return self.reviews_submitted < self.reviews_expected or self.answers_left > 0


def reviewer_progress(*, vacancy: Vacancy) -> list[ReviewerProgress]:
    """Each assigned reviewer's progress, and that of anyone else who reviewed.

    Every assigned reviewer is expected to review every application in review; answers are
    shared out as ``pool_todo`` says, so "answers left" shrinks as others score them.
    """
    applications = reviewable_applications(vacancy=vacancy)
    expected = applications.count()
    assigned = set(vacancy.reviewers.values_list("pk", flat=True))
    reviews = Review.objects.filter(application__in=applications, reviewer__isnull=False)
    submitted = Counter(
        reviews.filter(submitted_at__isnull=False).values_list("reviewer_id", flat=True)
    )
    drafts = Counter(
        reviews.filter(submitted_at__isnull=True).values_list("reviewer_id", flat=True)
    )
    pool = answer_pool(vacancy=vacancy)
    scorers = {pk for answer in pool for pk in answer.scorers}
    user_ids = assigned | set(submitted) | set(drafts) | scorers
    users = User.objects.filter(pk__in=user_ids).order_by("email")
    memberships = {
        membership.user_id: membership
        for membership in Membership.objects.filter(
            organization_id=vacancy.organization_id, user_id__in=user_ids
        )
    }
    needed = reviews_needed(vacancy)
    question_ids = sorted({answer.question_id for answer in pool})
    reminders: dict[int, datetime] = {}
    for event in AuditEvent.objects.filter(
        verb=REMINDER_VERB, target_type="vacancies.vacancy", target_id=str(vacancy.pk)
    ).order_by("at"):
        reviewer_id = event.data.get("reviewer")
        if isinstance(reviewer_id, int):
            reminders[reviewer_id] = event.at
    progress = []
    for user in users:
        progress.append(
            ReviewerProgress(
                user=user,
                membership=memberships.get(user.pk),
                assigned=user.pk in assigned,
                reviews_submitted=submitted[user.pk],
                reviews_draft=drafts[user.pk],
                reviews_expected=expected if user.pk in assigned else submitted[user.pk],
                answers_scored=sum(1 for answer in pool if user.pk in answer.scorers),
                answers_left=sum(
                    len(pool_todo(pool, reviewer_id=user.pk, question_id=pk, needed=needed))
                    for pk in question_ids
                )
                if user.pk in assigned
                else 0,
                last_reminder=reminders.get(user.pk),
            )
        )
    return progress


def reviewer_progress_get(*, vacancy: Vacancy, membership: Membership) -> ReviewerProgress:
    """One member's progress on the vacancy; 404 unless they are assigned to it."""
    for progress in reviewer_progress(vacancy=vacancy):
        if (
            progress.membership is not None
            and progress.membership.pk == membership.pk
            and progress.assigned
        ):
            return progress
    raise Http404("this member does not review this vacancy")
