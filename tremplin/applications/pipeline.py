"""Reads for the pipeline: the board of a vacancy, its first cards per stage (every stage
in two queries) and the rest of a stage a page at a time (keyset pagination on the
(vacancy, stage, created_at, id) index, so that a page costs the same at its 5,000th card
as at its first), and the funnel, counted by the database for a vacancy or any set of
applications (the reports' too)."""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery, Window
from django.db.models.functions import Coalesce, RowNumber
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tremplin.applications.models import Application, Document, Stage, StageChange
from tremplin.messaging.models import DraftMessage, InboundMessage, OutboxMessage
from tremplin.vacancies.models import Vacancy

# Cards shown per column of the board, oldest first; "Show more" brings the stage's next
# ones, as many again, from the last card shown.
BOARD_COLUMN_SIZE = 20


@dataclass
class BoardColumn:
    stage: Stage
    total: int  # applications at this stage, all pages together
    cards: list[Application] = field(default_factory=list)
    after: int | None = None  # the card this page goes on from; None: the stage's start
    more_after: int | None = None  # the last card shown, when more follow it

    @property
    def remaining(self) -> int:
        """How many follow the cards shown (exact on the stage's first page)."""
        return max(0, self.total - len(self.cards)) if self.after is None else 0


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


def board_cursor(*, vacancy: Vacancy, stage: str, after: str | None) -> Application | None:
    """The card a page of a stage goes on from (``?after=ID``): one of the vacancy's
    applications at that stage; None for anything else (the page starts at the stage's
    first card)."""
    if not after or not after.isdigit():
        return None
    return (
        Application.objects.filter(vacancy=vacancy, stage=stage, pk=int(after))
        .only("pk", "created_at")
        .first()
    )


def _cards_decorate(found: list[Application]) -> None:
    """What each card shows beyond its row: a new reply, its days at the stage, its labels."""
    now = timezone.now()
    for application in found:
        reply, sent = application.last_reply_at, application.last_sent_at  # type: ignore[attr-defined]
        application.new_reply = bool(reply and (sent is None or reply > sent))  # type: ignore[attr-defined]
        since = application.stage_since  # type: ignore[attr-defined]
        days = application.days_in_stage = (now - since).days  # type: ignore[attr-defined]
        # Worked out here once rather than by {% blocktranslate %} on each card, which cost
        # more than the rest of a card.
        name = application.candidate.name or application.candidate.email
        application.name = name  # type: ignore[attr-defined]
        application.select_label = _("Select %(name)s") % {"name": name}  # type: ignore[attr-defined]
        application.days_label = ngettext(  # type: ignore[attr-defined]
            "%(days)s day at this stage", "%(days)s days at this stage", days
        ) % {"days": days}


def board_cards(
    *, vacancy: Vacancy, stage: str, after: Application | None = None
) -> tuple[list[Application], bool]:
    """At most ``BOARD_COLUMN_SIZE`` of the vacancy's applications at ``stage``, oldest first,
    from the first or from the one after ``after``; and whether more follow. One query, read
    through the board index from the cursor on (never counting the cards before it)."""
    cards = _board_applications(vacancy=vacancy).filter(stage=stage)
    if after is not None:
        at = after.created_at
        cards = cards.filter(created_at__gte=at).filter(Q(created_at__gt=at) | Q(pk__gt=after.pk))
    found = list(cards[: BOARD_COLUMN_SIZE + 1])
    _cards_decorate(found)
    return found[:BOARD_COLUMN_SIZE], len(found) > BOARD_COLUMN_SIZE


def board_first_cards(
    *, vacancy: Vacancy, stages: Sequence[str]
) -> dict[str, tuple[list[Application], bool]]:
    """``board_cards`` from the start of each of ``stages`` at once, in two queries however
    many stages: which cards come first in each stage (numbered per stage down the board
    index), then those cards with what they show."""
    if not stages:
        return {}
    position = Window(RowNumber(), partition_by=[F("stage")], order_by=[F("created_at"), F("pk")])
    first = (
        Application.objects.filter(vacancy=vacancy, stage__in=stages)
        .annotate(position=position)
        .filter(position__lte=BOARD_COLUMN_SIZE + 1)
        .order_by()
        .values_list("pk", flat=True)
    )
    found = list(_board_applications(vacancy=vacancy).filter(pk__in=list(first)))
    _cards_decorate(found)
    by_stage: dict[str, list[Application]] = {stage: [] for stage in stages}
    for application in found:
        by_stage[application.stage].append(application)
    return {
        stage: (cards[:BOARD_COLUMN_SIZE], len(cards) > BOARD_COLUMN_SIZE)
        for stage, cards in by_stage.items()
    }


def pipeline_board(
    *,
    vacancy: Vacancy,
    stages: Sequence[Stage],
    counts: dict[str, int],
    only: str | None = None,
    after: Application | None = None,
) -> list[BoardColumn]:
    """The vacancy's applications by stage, in pipeline order, the first
    ``BOARD_COLUMN_SIZE`` of each; an application at a stage the pipeline no longer has comes
    last, under its key. With ``only``, that stage's column alone, going on after ``after``.
    Two queries for the cards, whatever the number of stages and applications."""
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
    filled = [column for column in columns if column.total]
    if only is not None and after is not None:
        cards = {only: board_cards(vacancy=vacancy, stage=only, after=after)}
        for column in filled:
            column.after = after.pk
    else:
        cards = board_first_cards(vacancy=vacancy, stages=[c.stage.key for c in filled])
    for column in filled:
        column.cards, more = cards[column.stage.key]
        if more:
            column.more_after = column.cards[-1].pk
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
        applications=Application.objects.filter(vacancy=vacancy), stages=stages, counts=counts
    )
    return [
        FunnelRow(stage=stage, now=counts.get(stage.key, 0), reached=reached[stage.key])
        for stage in stages
    ]


def applications_stage_reach(
    *,
    applications: QuerySet[Application],
    stages: Sequence[Stage],
    counts: dict[str, int] | None = None,
) -> dict[str, int]:
    """Per stage key, how many of ``applications`` ever got there: those there now (``counts``,
    from ``applications_stage_counts``, else counted here), and those that moved there once
    and are elsewhere now, each once however often it went there; every application went
    through the first stage. The database counts, in one query over the applications' stage
    changes (two without ``counts``), not once per stage and application."""
    if counts is None:
        counts = applications_stage_counts(applications=applications)
    left = dict(
        applications.order_by()
        .annotate(went=F("stage_changes__to_stage"))
        .filter(went__isnull=False)
        .exclude(went=F("stage"))
        .values_list("went")
        .annotate(count=Count("pk", distinct=True))
        .values_list("went", "count")
    )
    total = sum(counts.values())
    return {
        stage.key: total
        if stage.kind == Stage.Kind.RECEIVED
        else counts.get(stage.key, 0) + left.get(stage.key, 0)
        for stage in stages
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
