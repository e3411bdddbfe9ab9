"""Reads for the review results page: the aggregate table of scores per candidate and each
reviewer's progress (which reminders are based on)."""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import connection
from django.db.models import F, FilteredRelation, Min, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.accounts.models import Membership, User
from tremplin.applications.models import Answer, Application, Candidate, StageChange
from tremplin.applications.selectors import stage_label, stage_list
from tremplin.core.models import AuditEvent
from tremplin.review.models import AnswerScore, CriterionScore, Review
from tremplin.review.selectors import (
    answer_pool,
    blind_lifts,
    criteria_for_review,
    criterion_text,
    pool_todo,
    question_text,
    questions_for_review,
    results_visible_applications,
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
    """One candidate's line of the table, as the database computed it."""

    application_id: int
    candidate_number: int | None
    stage: str
    stage_label: str
    reviewable: bool
    criteria: dict[int, ItemStat]
    questions: dict[int, ItemStat]
    reviews: int
    recommendations: Counter[str]
    # The mean of the criterion means (each counted by the criterion's weight) and the
    # question means; the largest spread of any item.
    overall: float | None
    spread: int | None
    name: str = ""  # empty while the candidate is blind

    @property
    def label(self) -> str:
        """ "Candidate 7", as selectors.candidate_label says it."""
        if self.candidate_number is None:
            return _("Candidate")
        return _("Candidate %(number)s") % {"number": self.candidate_number}

    @property
    def discuss(self) -> bool:
        return self.spread is not None and self.spread >= DISAGREEMENT

    @property
    def stats(self) -> list[ItemStat]:
        """The cells of the criteria, then of the questions, in the columns' order."""
        return [*self.criteria.values(), *self.questions.values()]

    @property
    def recommendation_summary(self) -> list[tuple[str, int]]:
        labels = dict(Review.Recommendation.choices)
        return [
            (str(labels[key]), self.recommendations[key])
            for key in Review.Recommendation.values
            if self.recommendations.get(key)
        ]


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    full_label: str = ""


# Rows of the results table per page.
RESULTS_PAGE_SIZE = 50
STATS = ("n", "mean", "low", "high")


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


# One statement per page of the table (see _table_sql); the names in braces are our tables,
# columns and clauses, every value a parameter.
TABLE_SQL = """WITH visible (id, stage, number) AS ({visible}
), shown AS (SELECT id, stage, number, COUNT(*) OVER () AS total FROM visible{cut_shown}
), reviews AS (SELECT id, application_id, recommendation FROM {review}
  WHERE submitted_at IS NOT NULL AND application_id IN (SELECT id FROM shown)
), scores AS (
  SELECT r.application_id AS application_id, 'c' AS kind, s.criterion_id AS item,
    CASE s.criterion_id {weights} END AS weight, s.score AS score FROM reviews r
  JOIN {criterion_score} s ON s.review_id = r.id
  WHERE s.score IS NOT NULL AND s.criterion_id IN ({criteria})
  UNION ALL SELECT w.application_id, 'q', w.question_id, 1, s.score FROM shown
  JOIN {answer} w ON w.application_id = shown.id JOIN {answer_score} s ON s.answer_id = w.id
  WHERE w.question_id IN ({questions})
), items AS (SELECT application_id, kind, item, weight, COUNT(*) AS n, AVG(score) AS mean,
    MIN(score) AS low, MAX(score) AS high FROM scores GROUP BY application_id, kind, item, weight
), stats AS (SELECT application_id, {pivot}
    SUM(mean * weight) / NULLIF(SUM(weight), 0) AS overall,
    MAX(CASE WHEN n >= 2 THEN high - low END) AS spread FROM items GROUP BY application_id
), opinions AS (SELECT application_id, COUNT(*) AS reviews, {counts}
    AVG(CASE recommendation {values} END) AS recommendation FROM reviews GROUP BY application_id
), page AS (SELECT id, stage, number, total, {columns} overall, spread,
    COALESCE(reviews, 0) AS reviews, {totals} recommendation FROM shown
  LEFT JOIN stats ON stats.application_id = shown.id
  LEFT JOIN opinions ON opinions.application_id = shown.id{cut_page}
) SELECT page.*, (SELECT {name} FROM {application} a JOIN {candidate} c
  ON c.id = a.candidate_id WHERE a.id = page.id) AS name FROM page{ordering}"""


def _in(values: list[Any]) -> str:
    return ", ".join(["%s"] * len(values)) or "NULL"


def _table_sql(
    *,
    vacancy: Vacancy,
    visible: QuerySet[Application],
    items: list[tuple[str, int]],
    weights: dict[int, int],
    stage_keys: list[str],
    named_stages: list[str],
    order: str,
    descending: bool,
    offset: int,
) -> tuple[str, list[Any]]:
    """A page of the table. Per candidate and item (``("c", criterion pk)`` or ``("q",
    question pk)``, columns ``i<position>_<n|mean|low|high>``): how many scores, their
    mean, the lowest and the highest; the overall mean, the largest spread, the number of
    reviews and of each recommendation, and the total of rows. Ordered by ``order`` (a
    column of ``page``, never outside text), rows without a value last either way, ties in
    candidate-number order; the name only where identities show.

    Sorted by candidate or stage, the page is cut before anything is aggregated, so only
    its rows are; sorted by a figure, every visible candidate's is computed, in SQL."""
    scoped = order in {"number", "stage"}
    by_stage = stage_keys if order == "stage" else []
    if order == "stage":
        whens = "".join(f"WHEN %s THEN {position} " for position in range(len(stage_keys)))
        order = f"CASE stage {whens}ELSE {len(stage_keys)} END"
    direction = "DESC" if descending else "ASC"
    ordering = f" ORDER BY {order} {direction} NULLS LAST, number ASC NULLS LAST, id ASC"
    cut = f"{ordering} LIMIT {RESULTS_PAGE_SIZE} OFFSET {int(offset)}"
    criteria = [pk for kind, pk in items if kind == "c"]
    questions = [pk for kind, pk in items if kind == "q"]
    recommendations = Review.Recommendation.values
    stats = [(f"i{position}_{stat}", stat) for position in range(len(items)) for stat in STATS]
    name = "COALESCE(NULLIF(c.name, ''), c.email)"
    if vacancy.blind_review:  # blind candidates' names never leave the database
        name = f"CASE WHEN a.stage IN ({_in(named_stages)}) THEN {name} END"
    # Its own vacancy's number: the join reads the index on (vacancy, number).
    own = FilteredRelation("candidate_number", condition=Q(candidate_number__vacancy=vacancy))
    rows = visible.order_by().annotate(own=own).values_list("pk", "stage", "own__number")
    visible_sql, visible_params = rows.query.sql_with_params()
    table = connection.ops.quote_name
    sql = TABLE_SQL.format(
        application=table(Application._meta.db_table),
        candidate=table(Candidate._meta.db_table),
        review=table(Review._meta.db_table),
        criterion_score=table(CriterionScore._meta.db_table),
        answer_score=table(AnswerScore._meta.db_table),
        answer=table(Answer._meta.db_table),
        visible=visible_sql,
        cut_shown=cut if scoped else "",
        weights="".join(f"WHEN %s THEN {int(weights[pk])} " for pk in criteria) + "ELSE 0",
        criteria=_in(criteria),
        questions=_in(questions),
        pivot="".join(
            f"MAX({stat}) FILTER (WHERE kind = %s AND item = %s) AS {column}, "
            for column, stat in stats
        ),
        counts="".join(
            f"COUNT(*) FILTER (WHERE recommendation = %s) AS r_{key}, " for key in recommendations
        ),
        values=" ".join(f"WHEN %s THEN {value}" for value in RECOMMENDATION_VALUES.values()),
        columns="".join(f"{column}, " for column, _stat in stats),
        totals="".join(f"COALESCE(r_{key}, 0) AS r_{key}, " for key in recommendations),
        cut_page=ordering if scoped else cut,
        name=name,
        ordering=ordering,
    )
    params = [
        *visible_params,
        *(by_stage if scoped else []),
        *criteria,
        *criteria,
        *questions,
        *(value for kind, pk in items for value in (kind, pk) * len(STATS)),
        *recommendations,
        *(key.value for key in RECOMMENDATION_VALUES),
        *by_stage,
        *(named_stages if vacancy.blind_review else []),
        *by_stage,
    ]
    return sql, params


def _stat(record: dict[str, Any], position: int) -> ItemStat:
    mean = record[f"i{position}_mean"]
    return ItemStat(
        count=record[f"i{position}_n"] or 0,
        mean=None if mean is None else float(mean),
        low=record[f"i{position}_low"],
        high=record[f"i{position}_high"],
    )


def aggregate(
    *,
    vacancy: Vacancy,
    membership: Membership,
    sort: str = "candidate",
    descending: bool = False,
    page: int = 1,
) -> Aggregate:
    """Per candidate: mean and spread per criterion and per question, overall mean, number
    of reviews and recommendations, a page at a time, sorted by any column (``sort``, a
    column key; an unknown one sorts by candidate). Only submitted reviews count.

    The database counts, averages, finds the lowest and highest score, sorts and cuts the
    page in one statement (``_table_sql``); Python reads the page's rows only. Who sees
    which rows: ``selectors.results_visible_applications``.
    """
    criteria = criteria_for_review(vacancy=vacancy)
    questions = questions_for_review(vacancy=vacancy)
    stages = stage_list(organization=vacancy.organization)
    reviewable = review_stage_keys(vacancy=vacancy)
    visible = results_visible_applications(vacancy=vacancy, membership=membership)
    items = [("c", criterion.pk) for criterion in criteria]
    items += [("q", question.pk) for question in questions]
    orders = {"candidate": "number", "stage": "stage", "overall": "overall"}
    orders |= {"reviews": "reviews", "spread": "spread", "recommendation": "recommendation"}
    orders |= {f"{kind}{pk}": f"i{position}_mean" for position, (kind, pk) in enumerate(items)}
    if sort not in orders:
        sort, descending = "candidate", False
    named = [] if not vacancy.blind_review else list(blind_lifts(vacancy=vacancy))
    page = max(page, 1)
    while True:
        sql, params = _table_sql(
            vacancy=vacancy,
            visible=visible,
            items=items,
            weights={criterion.pk: criterion.weight for criterion in criteria},
            stage_keys=[stage.key for stage in stages],
            named_stages=named,
            order=orders[sort],
            descending=descending,
            offset=(page - 1) * RESULTS_PAGE_SIZE,
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            names = [column[0] for column in cursor.description]
            records = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
        if records or page == 1:
            break
        # Past the last page: show the last one.
        page = max(1, -(-visible.count() // RESULTS_PAGE_SIZE))

    return Aggregate(
        criteria=[
            (criterion, text.text if (text := criterion_text(criterion=criterion)) else "")
            for criterion in criteria
        ],
        questions=[(question, question_text(question=question)) for question in questions],
        rows=[_row(record, criteria, questions, stages, reviewable) for record in records],
        sort=sort,
        descending=descending,
        total=records[0]["total"] if records else 0,
        page=page,
    )


def _row(
    record: dict[str, Any],
    criteria: list[Criterion],
    questions: list[Question],
    stages: list[Any],
    reviewable: list[str],
) -> AggregateRow:
    offset = len(criteria)
    overall = record["overall"]
    return AggregateRow(
        application_id=record["id"],
        candidate_number=record["number"],
        stage=record["stage"],
        stage_label=stage_label(stages=stages, key=record["stage"]),
        reviewable=record["stage"] in reviewable,
        criteria={criterion.pk: _stat(record, i) for i, criterion in enumerate(criteria)},
        questions={question.pk: _stat(record, offset + i) for i, question in enumerate(questions)},
        reviews=record["reviews"],
        recommendations=Counter(
            {key: record[f"r_{key}"] for key in Review.Recommendation.values if record[f"r_{key}"]}
        ),
        overall=None if overall is None else float(overall),
        spread=record["spread"],
        name=record["name"] or "",
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
