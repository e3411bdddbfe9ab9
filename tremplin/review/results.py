"""Reads for the review results page: the aggregate table of scores per candidate and each
reviewer's progress (which reminders are based on)."""

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Avg, Count, F, Max, Min, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.accounts.models import Membership, User
from tremplin.applications.models import Application, StageChange
from tremplin.applications.selectors import stage_label, stage_list
from tremplin.core.models import AuditEvent
from tremplin.review.models import AnswerScore, CriterionScore, Review
from tremplin.review.selectors import (
    answer_pool,
    blind_lifts,
    candidate_label,
    criteria_for_review,
    criterion_text,
    identity_visible,
    is_manager,
    pool_todo,
    question_text,
    questions_for_review,
    review_stage_keys,
    reviewable_applications,
    reviews_needed,
)
from tremplin.vacancies.models import Criterion, Question, Vacancy

# Reviewers whose scores of one item differ by this much or more should talk it over.
DISAGREEMENT = 2
RECOMMENDATION_VALUES = {
    Review.Recommendation.STRONG_YES: 4,
    Review.Recommendation.YES: 3,
    Review.Recommendation.NO: 2,
    Review.Recommendation.STRONG_NO: 1,
}
REMINDER_VERB = "review.reminder"


# --- Aggregation --------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemStat:
    """Every reviewer's score of one item (a criterion or a question) for one candidate, as
    the database sums it up: how many, their mean, the lowest and the highest."""

    count: int = 0
    mean: float | None = None
    low: int | None = None
    high: int | None = None

    @property
    def spread(self) -> int | None:
        """The highest score minus the lowest, when two reviewers or more scored it."""
        if self.count < 2 or self.low is None or self.high is None:
            return None
        return self.high - self.low

    @property
    def discuss(self) -> bool:
        return self.spread is not None and self.spread >= DISAGREEMENT


@dataclass
class AggregateRow:
    application_id: int
    candidate_number: int | None
    stage: str
    criteria: dict[int, ItemStat]
    questions: dict[int, ItemStat]
    reviews: int
    recommendations: Counter[str]
    reviewable: bool
    stage_position: int
    criterion_weights: dict[int, int] = field(default_factory=dict)
    # Filled for the rows of the page shown only.
    application: Application | None = None
    label: str = ""
    name: str = ""  # empty while the candidate is blind
    stage_label: str = ""

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
        return self.candidate_number if self.candidate_number is not None else 10**9

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


# Rows of the results table per page.
RESULTS_PAGE_SIZE = 50


@dataclass
class Aggregate:
    criteria: list[tuple[Criterion, str]]
    questions: list[tuple[Question, str]]
    rows: list[AggregateRow]  # the page's
    sort: str
    descending: bool
    total: int = 0
    page: int = 1

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // RESULTS_PAGE_SIZE))

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


def _item_stats(rows: Any, *, item: str) -> dict[int, dict[int, ItemStat]]:
    """Per application and item, the count, mean, lowest and highest score, grouped and
    computed by the database."""
    stats: dict[int, dict[int, ItemStat]] = defaultdict(dict)
    for row in rows.values("application", item).annotate(
        n=Count("score"), mean=Avg("score"), low=Min("score"), high=Max("score")
    ):
        stats[row["application"]][row[item]] = ItemStat(
            count=row["n"], mean=row["mean"], low=row["low"], high=row["high"]
        )
    return stats


def aggregate(
    *,
    vacancy: Vacancy,
    membership: Membership,
    sort: str = "candidate",
    descending: bool = False,
    page: int = 1,
) -> Aggregate:
    """Per candidate: mean and spread per criterion and per question, overall mean, number
    of reviews and recommendations, a page at a time. Only submitted reviews count.

    The database counts, averages and finds the lowest and highest score of every item for
    every application in a handful of grouped queries; the rows are then ordered by the
    column asked for, and only the page shown loads its applications.

    Recruiters and owners see every application of the vacancy that is not withdrawn. A
    reviewer sees the applications in review that they have submitted a review of, and,
    once they have no answer left to score, those whose answers they scored.
    """
    user = membership.user
    criteria = criteria_for_review(vacancy=vacancy)
    questions = questions_for_review(vacancy=vacancy)
    visible = vacancy.applications.exclude(stage=Application.Stage.WITHDRAWN)
    stages = stage_list(organization=vacancy.organization)
    reviewable = set(review_stage_keys(vacancy=vacancy))
    positions = {stage.key: position for position, stage in enumerate(stages)}
    if not is_manager(membership):
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
        visible = visible.filter(stage__in=reviewable, pk__in=reviewed)

    criterion_stats = _item_stats(
        CriterionScore.objects.filter(
            review__application__in=visible,
            review__submitted_at__isnull=False,
            score__isnull=False,
        ).annotate(application=F("review__application_id")),
        item="criterion_id",
    )
    question_stats = _item_stats(
        AnswerScore.objects.filter(answer__application__in=visible).annotate(
            application=F("answer__application_id")
        ),
        item="answer__question_id",
    )
    review_counts: Counter[int] = Counter()
    recommendations: dict[int, Counter[str]] = defaultdict(Counter)
    for row in (
        Review.objects.filter(application__in=visible, submitted_at__isnull=False)
        .values("application_id", "recommendation")
        .annotate(n=Count("pk"))
    ):
        review_counts[row["application_id"]] += row["n"]
        if row["recommendation"]:
            recommendations[row["application_id"]][row["recommendation"]] += row["n"]

    weights = {criterion.pk: criterion.weight for criterion in criteria}
    rows = [
        AggregateRow(
            application_id=pk,
            candidate_number=number,
            stage=stage,
            criteria={
                criterion.pk: criterion_stats[pk].get(criterion.pk, ItemStat())
                for criterion in criteria
            },
            questions={
                question.pk: question_stats[pk].get(question.pk, ItemStat())
                for question in questions
            },
            reviews=review_counts[pk],
            recommendations=recommendations[pk],
            reviewable=stage in reviewable,
            stage_position=positions.get(stage, len(positions)),
            criterion_weights=weights,
        )
        for pk, stage, number in visible.values_list("pk", "stage", "candidate_number__number")
    ]
    ordered = aggregate_rows_sorted(rows, key=sort, descending=descending)
    pages = max(1, -(-len(ordered) // RESULTS_PAGE_SIZE))
    page = min(max(page, 1), pages)
    shown = ordered[(page - 1) * RESULTS_PAGE_SIZE : page * RESULTS_PAGE_SIZE]
    _page_rows_fill(shown, vacancy=vacancy, stages=stages)

    return Aggregate(
        criteria=[
            (criterion, text.text if (text := criterion_text(criterion=criterion)) else "")
            for criterion in criteria
        ],
        questions=[(question, question_text(question=question)) for question in questions],
        rows=shown,
        sort=sort,
        descending=descending,
        total=len(ordered),
        page=page,
    )


def _page_rows_fill(rows: Sequence[AggregateRow], *, vacancy: Vacancy, stages: Any) -> None:
    """The applications of the rows shown, with their labels and, unless blind, names."""
    applications = Application.objects.select_related("candidate", "candidate_number").in_bulk(
        [row.application_id for row in rows]
    )
    lifted = set(blind_lifts(vacancy=vacancy))
    for row in rows:
        application = applications[row.application_id]
        visible = identity_visible(vacancy=vacancy, application=application, lifted=lifted)
        row.application = application
        row.label = candidate_label(application)
        row.name = application.candidate.name or application.candidate.email if visible else ""
        row.stage_label = stage_label(stages=stages, key=application.stage)


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
    # Since when the longest-waiting application in review has waited for this reviewer's
    # review (it entered its stage then); None when none waits.
    waiting_since: datetime | None = None
    late: bool = False  # it has waited longer than the organization's reminder delay

    @property
    def has_work_left(self) -> bool:
        return self.reviews_submitted < self.reviews_expected or self.answers_left > 0

    @property
    def waiting_days(self) -> int:
        return 0 if self.waiting_since is None else (timezone.now() - self.waiting_since).days


def _waiting_since(applications: QuerySet[Application], *, reviewer_id: int) -> datetime | None:
    """When the application of ``applications`` that has waited longest for the reviewer's
    submitted review entered its stage (one query)."""
    entered = Coalesce(
        Subquery(
            StageChange.objects.filter(application=OuterRef("pk")).order_by("-at").values("at")[:1]
        ),
        F("created_at"),
    )
    waiting = applications.exclude(
        reviews__reviewer_id=reviewer_id, reviews__submitted_at__isnull=False
    ).order_by()
    since: datetime | None = waiting.annotate(entered=entered).aggregate(since=Min("entered"))[
        "since"
    ]
    return since


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
    delay = timedelta(days=vacancy.organization.review_reminder_days)
    progress = []
    for user in users:
        since = (
            _waiting_since(applications, reviewer_id=user.pk)
            if user.pk in assigned and submitted[user.pk] < expected
            else None
        )
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
                waiting_since=since,
                late=since is not None and delay.days > 0 and timezone.now() - since >= delay,
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
