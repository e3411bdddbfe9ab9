"""Reads for structured review: what a reviewer may see and their queue of answers. The
results page's reads (the aggregate table, each reviewer's progress) are in ``results``.

Which applications are reviewed: those at any stage of the organization's pipeline that
is not final (by default received, screening, review, interview and offer). Hired
candidates and those not retained have left the review; withdrawn applications are never
shown to reviewers.
"""

import hashlib
import hmac
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as _

from tremplin.accounts.models import Membership, Organization, User
from tremplin.accounts.policy import MANAGERS
from tremplin.applications.models import (
    Answer,
    Application,
    Document,
    ReviewerAssignment,
    Stage,
)
from tremplin.applications.selectors import question_wording, stage_label, stage_list
from tremplin.review.models import AnswerScore, BlindLift, Review
from tremplin.review.redaction import Identity, redact
from tremplin.vacancies.models import Criterion, CriterionText, Question, Vacancy

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


def review_stage_label(*, vacancy: Vacancy, stage: str) -> str:
    """The name of ``stage`` if the vacancy's applications are reviewed there; else 404."""
    labels = dict(review_stage_choices(organization=vacancy.organization))
    if stage not in labels:
        raise Http404("not a review stage")
    return labels[stage]


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


def assigned_to(*, vacancy: Vacancy, reviewer: User) -> set[int]:
    """The applications of ``vacancy`` that ``reviewer`` is assigned to review (at any
    stage). An assignment opens nothing: they may review the vacancy's others too."""
    return set(
        ReviewerAssignment.objects.filter(
            application__vacancy=vacancy, reviewer=reviewer
        ).values_list("application_id", flat=True)
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
    """What redaction takes out of this application's texts: the candidate's name, address
    and phone, and the words a recruiter listed (``Application.hidden_words``)."""
    candidate = application.candidate
    return Identity.of(
        name=candidate.name,
        email=candidate.email,
        phone=candidate.phone,
        words=application.hidden_words.splitlines(),
    )


@dataclass(frozen=True)
class DocumentForReview:
    pk: int
    role: str
    role_label: str
    text: str
    status: str
    notice: str = ""


def document_for_review(
    document: Document, *, identity: Identity, blind: bool
) -> DocumentForReview:
    """One document as text, redacted in blind mode, with why it has none if so."""
    notice = ""
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
    return DocumentForReview(
        pk=document.pk,
        role=document.role,
        role_label=str(document.get_role_display()),
        text=redact(document.text, identity=identity) if blind else document.text,
        status=document.extraction_status,
        notice=notice,
    )


def documents_for_review(*, application: Application, blind: bool) -> list[DocumentForReview]:
    """The current CV and letter as text, redacted in blind mode. Never the files: a file
    may carry a photo or contact details that text redaction cannot reach."""
    documents = application.documents.filter(superseded_at__isnull=True).order_by("role", "pk")
    identity = identity_of(application)
    return [document_for_review(document, identity=identity, blind=blind) for document in documents]


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


def results_visible_applications(
    *, vacancy: Vacancy, membership: Membership
) -> QuerySet[Application]:
    """The applications whose row the member sees, as a query (never a list of ids).

    Recruiters and owners see every application of the vacancy that is not withdrawn. A
    reviewer sees the applications in review that they have submitted a review of, and,
    once they have no answer left to score, those whose answers they scored."""
    visible = vacancy.applications.exclude(stage=Application.Stage.WITHDRAWN)
    if is_manager(membership):
        return visible
    user = membership.user
    reviewable = review_stage_keys(vacancy=vacancy)
    shown = Q(
        pk__in=Review.objects.filter(
            reviewer=user, submitted_at__isnull=False, application__vacancy=vacancy
        ).values("application_id")
    )
    # What answer_pool and pool_todo call an answer waiting for this reviewer.
    pool = Answer.objects.filter(
        application__vacancy=vacancy, application__stage__in=reviewable
    ).exclude(text="")
    waiting = (
        pool.exclude(review_scores__reviewer=user)
        .annotate(scores=Count("review_scores"))
        .filter(scores__lt=reviews_needed(vacancy))
    )
    if not waiting.exists():
        scored = AnswerScore.objects.filter(reviewer=user, answer__in=pool)
        shown |= Q(pk__in=scored.values("answer__application_id"))
    return visible.filter(shown, stage__in=reviewable)


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
