"""The figures of the reports, each counted by the database: per organization, or per
vacancy. Every figure is a handful of grouped queries whose answer is bounded (weeks,
stages, sources, reviewers), however many applications there are.

No figure names a candidate: reports hold counts and durations only, so they are the same
for blind and open vacancies, and nothing in them needs erasing or auditing.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import (
    Avg,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce, TruncWeek
from django.utils import timezone

from tremplin.accounts.models import Organization
from tremplin.applications.models import Application, Stage, StageChange
from tremplin.applications.pipeline import applications_stage_counts, applications_stage_reach
from tremplin.applications.selectors import stage_list
from tremplin.reports.models import DiversityAnswer, DiversitySurvey
from tremplin.review.models import Review
from tremplin.review.results import reviewer_progress
from tremplin.review.selectors import review_stages
from tremplin.vacancies.models import Vacancy

WEEKS = 26  # how far back "applications over time" looks


@dataclass(frozen=True)
class Scope:
    """What a report covers: an organization's applications, or one vacancy's."""

    organization: Organization
    vacancy: Vacancy | None = None

    def applications(self) -> QuerySet[Application]:
        if self.vacancy is not None:
            return Application.objects.filter(vacancy=self.vacancy)
        return Application.objects.filter(vacancy__organization=self.organization)

    def stage_changes(self) -> QuerySet[StageChange]:
        if self.vacancy is not None:
            return StageChange.objects.filter(application__vacancy=self.vacancy)
        return StageChange.objects.filter(application__vacancy__organization=self.organization)


def week_start(moment: datetime) -> date:
    """The Monday of ``moment``'s week, in the current time zone."""
    day = timezone.localtime(moment).date()
    return day - timedelta(days=day.weekday())


def applications_by_week(*, scope: Scope, now: datetime | None = None) -> list[tuple[date, int]]:
    """The applications received in each of the last ``WEEKS`` weeks, oldest first, weeks
    with none included."""
    first = week_start(now or timezone.now()) - timedelta(weeks=WEEKS - 1)
    since = timezone.make_aware(datetime.combine(first, datetime.min.time()))
    counts = {
        timezone.localtime(row["week"]).date()
        if isinstance(row["week"], datetime)
        else row["week"]: row["count"]
        for row in scope.applications()
        .filter(created_at__gte=since)
        .annotate(week=TruncWeek("created_at"))
        .order_by()
        .values("week")
        .annotate(count=Count("pk"))
    }
    weeks = [first + timedelta(weeks=index) for index in range(WEEKS)]
    return [(week, counts.get(week, 0)) for week in weeks]


@dataclass(frozen=True)
class StageFigure:
    stage: Stage
    now: int  # applications at this stage now
    reached: int  # applications that were ever at this stage


def funnel(*, scope: Scope) -> list[StageFigure]:
    """The pipeline's stages in order, with how many applications are there and how many
    ever got there (two queries)."""
    stages = stage_list(organization=scope.organization)
    counts = applications_stage_counts(applications=scope.applications())
    reached = applications_stage_reach(
        applications=scope.applications(), stages=stages, counts=counts
    )
    return [
        StageFigure(stage=stage, now=counts.get(stage.key, 0), reached=reached[stage.key])
        for stage in stages
    ]


@dataclass(frozen=True)
class Duration:
    stage: Stage | None  # None: from the application to the hire
    count: int  # stays that ended (or hires)
    mean: timedelta | None


def _days_between(later: F | Coalesce, earlier: F | Coalesce) -> ExpressionWrapper:
    return ExpressionWrapper(later - earlier, output_field=DurationField())


def stage_durations(*, scope: Scope) -> list[Duration]:
    """How long applications stayed in each stage before they left it (stays that have
    not ended do not count), then how long from the application to a hire."""
    stages = [stage for stage in stage_list(organization=scope.organization) if not stage.is_final]
    changes = scope.stage_changes()
    entered = Coalesce(
        Subquery(
            StageChange.objects.filter(application=OuterRef("application"), at__lt=OuterRef("at"))
            .order_by("-at")
            .values("at")[:1]
        ),
        F("application__created_at"),
    )
    stays: dict[str, dict[str, Any]] = {
        row["from_stage"]: dict(row)
        for row in changes.filter(from_stage__in=[stage.key for stage in stages])
        .annotate(entered=entered)
        .order_by()
        .values("from_stage")
        .annotate(count=Count("pk"), mean=Avg(_days_between(F("at"), F("entered"))))
    }
    hired_keys = [
        stage.key
        for stage in stage_list(organization=scope.organization)
        if stage.kind == Stage.Kind.HIRED
    ]
    hires = changes.filter(to_stage__in=hired_keys).aggregate(
        count=Count("application", distinct=True),
        mean=Avg(_days_between(F("at"), F("application__created_at"))),
    )
    rows = [
        Duration(
            stage=stage,
            count=stays.get(stage.key, {}).get("count", 0),
            mean=stays.get(stage.key, {}).get("mean"),
        )
        for stage in stages
    ]
    return [*rows, Duration(stage=None, count=hires["count"], mean=hires["mean"])]


@dataclass(frozen=True)
class Sources:
    ways: list[tuple[str, int]]  # every Application.Source, in its order
    boards: list[tuple[str, int]]  # the named job boards, most first


def sources(*, scope: Scope) -> Sources:
    """How applications came in (web form, e-mail, referral, job board), every way listed,
    and the job boards by name: one grouped query."""
    grouped = (
        scope.applications()
        .order_by()
        .values_list("source", "source_detail")
        .annotate(count=Count("pk"))
        .values_list("source", "source_detail", "count")
    )
    ways: Counter[str] = Counter()
    boards: Counter[str] = Counter()
    for source, detail, count in grouped:
        ways[source] += count
        if source == Application.Source.BOARD and detail:
            boards[detail] += count
    return Sources(
        ways=[(source, ways.get(source, 0)) for source in Application.Source.values],
        boards=sorted(boards.items(), key=lambda item: (-item[1], item[0])),
    )


@dataclass(frozen=True)
class ReviewFigure:
    reviewer: str  # the staff member's name, else their address
    submitted: int
    drafts: int
    expected: int  # reviews the reviewer is asked for: applications in review they are on


def _staff_name(user: object) -> str:
    return getattr(user, "get_full_name", lambda: "")() or getattr(user, "email", "")


def review_progress(*, scope: Scope) -> list[ReviewFigure]:
    """Each reviewer's reviews: submitted, started, and expected of them."""
    if scope.vacancy is not None:
        return [
            ReviewFigure(
                reviewer=_staff_name(progress.user),
                submitted=progress.reviews_submitted,
                drafts=progress.reviews_draft,
                expected=progress.reviews_expected,
            )
            for progress in reviewer_progress(vacancy=scope.vacancy)
        ]
    done: dict[int, dict[str, Any]] = {
        row["reviewer"]: dict(row)
        for row in Review.objects.filter(
            application__vacancy__organization=scope.organization, reviewer__isnull=False
        )
        .order_by()
        .values("reviewer")
        .annotate(
            submitted=Count("pk", filter=Q(submitted_at__isnull=False)),
            drafts=Count("pk", filter=Q(submitted_at__isnull=True)),
        )
    }
    keys = [stage.key for stage in review_stages(organization=scope.organization)]
    expected = dict(
        scope.applications()
        .filter(stage__in=keys, vacancy__reviewers__isnull=False)
        .order_by()
        .values_list("vacancy__reviewers")
        .annotate(count=Count("pk"))
        .values_list("vacancy__reviewers", "count")
    )
    users = get_user_model().objects.filter(pk__in=set(done) | set(expected)).order_by("email")
    return [
        ReviewFigure(
            reviewer=_staff_name(user),
            submitted=done.get(user.pk, {}).get("submitted", 0),
            drafts=done.get(user.pk, {}).get("drafts", 0),
            expected=max(expected.get(user.pk, 0), done.get(user.pk, {}).get("submitted", 0)),
        )
        for user in users
    ]


def diversity_enabled(*, organization: Organization) -> bool:
    return DiversitySurvey.objects.filter(organization=organization, enabled=True).exists()


def diversity_counts(*, scope: Scope) -> tuple[int, dict[str, dict[str, int]]]:
    """How many answered, and per question how many gave each answer ("" for none),
    counted by the database in one query."""
    answers = DiversityAnswer.objects.filter(organization=scope.organization)
    if scope.vacancy is not None:
        answers = answers.filter(vacancy=scope.vacancy)
    totals = answers.aggregate(
        total=Count("pk"),
        **{
            f"{question}__{value}": Count("pk", filter=Q(**{question: value}))
            for question in DiversityAnswer.QUESTIONS
            for value in [*DiversityAnswer.answers(question), ""]
        },
    )
    counts = {
        question: {
            value: totals[f"{question}__{value}"]
            for value in [*DiversityAnswer.answers(question), ""]
        }
        for question in DiversityAnswer.QUESTIONS
    }
    return totals["total"], counts
