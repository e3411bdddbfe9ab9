"""Reads for the pipeline: the board of a vacancy, page by page per stage, and the funnel,
counted by the database for a vacancy or any set of applications (the reports' too)."""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from tremplin.applications.models import Application, Document, Stage, StageChange
from tremplin.messaging.models import DraftMessage, InboundMessage, OutboxMessage
from tremplin.vacancies.models import Vacancy

# Cards shown per column of the board; the rest of a stage is a page of its own.
BOARD_COLUMN_SIZE = 50


@dataclass
class BoardColumn:
    stage: Stage
    total: int  # applications at this stage, all pages together
    cards: list[Application] = field(default_factory=list)
    page: int = 1

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // BOARD_COLUMN_SIZE))


def _board_applications(*, vacancy: Vacancy) -> QuerySet[Application]:
    current = Document.objects.filter(application=OuterRef("pk"), superseded_at__isnull=True)
    last_in = (
        InboundMessage.objects.filter(
            application=OuterRef("pk"), status=InboundMessage.Status.THREADED
        )
        .order_by("-received_at")
        .values("received_at")[:1]
    )
    last_out = (
        OutboxMessage.objects.filter(application=OuterRef("pk"))
        .order_by("-created_at")
        .values("created_at")[:1]
    )
    return (
        Application.objects.filter(vacancy=vacancy)
        .select_related("candidate")
        .annotate(
            letter_other_language=Exists(current.filter(language_mismatch=True)),
            without_text=Exists(
                current.filter(
                    extraction_status__in=[
                        Document.Extraction.NO_TEXT,
                        Document.Extraction.FAILED,
                        Document.Extraction.NOT_EXTRACTED,
                    ]
                )
            ),
            draft_waiting=Exists(
                DraftMessage.objects.filter(
                    application=OuterRef("pk"), status=DraftMessage.Status.DRAFT
                )
            ),
            last_reply_at=Subquery(last_in),
            last_sent_at=Subquery(last_out),
            # Since when it is at its stage: its last move there, or its receipt.
            stage_since=Coalesce(
                Subquery(
                    StageChange.objects.filter(
                        application=OuterRef("pk"), to_stage=OuterRef("stage")
                    )
                    .order_by("-at")
                    .values("at")[:1]
                ),
                "created_at",
            ),
            later_submission=Subquery(
                Application.objects.filter(duplicate_of=OuterRef("pk"))
                .order_by("-created_at", "-pk")
                .values("pk")[:1]
            ),
        )
        .order_by("created_at", "pk")
    )


def stage_counts(*, vacancy: Vacancy) -> dict[str, int]:
    """How many of the vacancy's applications are at each stage now (one query)."""
    return applications_stage_counts(applications=Application.objects.filter(vacancy=vacancy))


def applications_stage_counts(*, applications: QuerySet[Application]) -> dict[str, int]:
    """How many of ``applications`` are at each stage now (one query)."""
    return dict(
        applications.order_by()
        .values_list("stage")
        .annotate(count=Count("pk"))
        .values_list("stage", "count")
    )


def pipeline_board(
    *,
    vacancy: Vacancy,
    stages: Sequence[Stage],
    counts: dict[str, int],
    only: str | None = None,
    page: int = 1,
) -> list[BoardColumn]:
    """The vacancy's applications by stage, in pipeline order, oldest first in each, at
    most ``BOARD_COLUMN_SIZE`` per column; an application at a stage the pipeline no longer
    has comes last, under its key. With ``only``, that stage's column alone, at ``page``.
    One query per column, whatever the number of applications."""
    columns = [BoardColumn(stage=stage, total=counts.get(stage.key, 0)) for stage in stages]
    known = {stage.key for stage in stages}
    for key in sorted(set(counts) - known):
        stage = Stage(
            organization=vacancy.organization,
            key=key,
            position=len(columns),
            kind=Stage.Kind.IN_PROGRESS,
        )
        columns.append(BoardColumn(stage=stage, total=counts[key]))
    if only is not None:
        columns = [column for column in columns if column.stage.key == only]
    now = timezone.now()
    for column in columns:
        column.page = min(max(page, 1), column.pages) if only is not None else 1
        start = (column.page - 1) * BOARD_COLUMN_SIZE
        if column.total:
            cards = _board_applications(vacancy=vacancy).filter(stage=column.stage.key)
            column.cards = list(cards[start : start + BOARD_COLUMN_SIZE])
        for application in column.cards:
            reply, sent = application.last_reply_at, application.last_sent_at  # type: ignore[attr-defined]
            application.new_reply = bool(reply and (sent is None or reply > sent))  # type: ignore[attr-defined]
            since = application.stage_since  # type: ignore[attr-defined]
            application.days_in_stage = (now - since).days  # type: ignore[attr-defined]
    return columns


@dataclass(frozen=True)
class FunnelRow:
    stage: Stage
    now: int  # applications at this stage now
    reached: int  # applications that were at this stage at some time


def pipeline_funnel(
    *, vacancy: Vacancy, stages: Sequence[Stage], counts: dict[str, int]
) -> list[FunnelRow]:
    """Per stage, how many applications are there now and how many ever got there."""
    reached = applications_stage_reach(
        applications=Application.objects.filter(vacancy=vacancy), stages=stages
    )
    return [
        FunnelRow(stage=stage, now=counts.get(stage.key, 0), reached=reached[stage.key])
        for stage in stages
    ]


def applications_stage_reach(
    *, applications: QuerySet[Application], stages: Sequence[Stage]
) -> dict[str, int]:
    """Per stage key, how many of ``applications`` ever got there, counted by the database
    in one query (an application counts once per stage however often it went there; every
    application went through the first stage)."""
    went = StageChange.objects.filter(application=OuterRef("pk"))
    reached = applications.order_by().aggregate(
        total=Count("pk"),
        **{
            f"stage_{index}": Count(
                "pk", filter=Q(stage=stage.key) | Q(Exists(went.filter(to_stage=stage.key)))
            )
            for index, stage in enumerate(stages)
        },
    )
    return {
        stage.key: reached["total"]
        if stage.kind == Stage.Kind.RECEIVED
        else reached[f"stage_{index}"]
        for index, stage in enumerate(stages)
    }


def vacancy_pipeline_counts(*, vacancies: Sequence[Vacancy]) -> dict[int, dict[str, int]]:
    """For each vacancy: all its applications, the new ones (received), and those that came
    from an address which had applied to it before (likely duplicates)."""
    counts: dict[int, dict[str, int]] = {
        vacancy.pk: {"total": 0, "received": 0, "duplicates": 0} for vacancy in vacancies
    }
    rows = (
        Application.objects.filter(vacancy__in=list(vacancies))
        .values("vacancy_id")
        .annotate(
            total=Count("pk"),
            received=Count("pk", filter=Q(stage=Application.Stage.RECEIVED)),
            duplicate_count=Count("pk", filter=Q(duplicate_of__isnull=False)),
        )
    )
    for row in rows:
        counts[row["vacancy_id"]] = {
            "total": row["total"],
            "received": row["received"],
            "duplicates": row["duplicate_count"],
        }
    return counts
