"""The board's queries can use their indexes on PostgreSQL (EXPLAIN), so that a column and
the funnel cost the same at 100 applications as at 100,000. Sequential scans are switched
off for the query, as the planner rightly prefers them on a test's few rows."""

from collections.abc import Iterator

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from tremplin.applications import bulk, pipeline, selectors, services
from tremplin.applications.models import Application, BulkAction, StageChange
from tremplin.testing.applying import submit
from tremplin.testing.staff import team_make

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@pytest.fixture
def no_seqscan() -> Iterator[None]:
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
    yield
    with connection.cursor() as cursor:
        cursor.execute("RESET enable_seqscan")


def test_a_board_column_reads_its_first_cards_through_the_board_index(
    organization, vacancy, no_seqscan
):
    submit(vacancy)
    column = (
        Application.objects.filter(vacancy=vacancy, stage="received")
        .order_by("created_at", "pk")
        .values("pk")[: pipeline.BOARD_COLUMN_SIZE]
    )
    assert "application_board" in column.explain()


def test_the_first_cards_of_every_stage_are_numbered_down_the_board_index_at_once(
    organization, vacancy, no_seqscan
):
    received = [submit(vacancy, email=f"r{n}@example.org") for n in range(3)]
    team = team_make(organization, vacancy)
    services.application_move(application=received[1], to_stage="review", by=team.recruiter)
    with CaptureQueriesContext(connection) as captured:
        cards = pipeline.board_first_cards(vacancy=vacancy, stages=["received", "review"])
    assert len(captured) == 2
    assert [card.pk for card in cards["received"][0]] == [received[0].pk, received[2].pk]
    assert [card.pk for card in cards["review"][0]] == [received[1].pk]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + captured[0]["sql"])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    # One pass down the index, each stage's numbering stopped after its first cards.
    assert "Index Only Scan using application_board" in plan
    assert "Run Condition" in plan


def test_a_stage_s_next_cards_are_read_from_the_cursor_through_the_board_index(
    organization, vacancy, no_seqscan
):
    first, second = submit(vacancy, email="a@example.org"), submit(vacancy, email="b@example.org")
    after = pipeline.board_cursor(vacancy=vacancy, stage="received", after=str(first.pk))
    assert after is not None
    at = after.created_at
    page = (
        Application.objects.filter(vacancy=vacancy, stage="received", created_at__gte=at)
        .filter(Q(created_at__gt=at) | Q(pk__gt=after.pk))
        .order_by("created_at", "pk")
        .values("pk")[: pipeline.BOARD_COLUMN_SIZE + 1]
    )
    plan = page.explain()
    assert "application_board" in plan
    # The cursor bounds the index scan itself: the cards before it are never read.
    assert "created_at >=" in plan.split("Index Cond:")[1].splitlines()[0]
    cards, more = pipeline.board_cards(vacancy=vacancy, stage="received", after=after)
    assert [card.pk for card in cards] == [second.pk] and not more


def test_the_funnel_reads_the_stage_changes_of_the_vacancy_s_applications_by_index(
    organization, vacancy, no_seqscan
):
    team = team_make(organization, vacancy)
    application = submit(vacancy)
    services.application_move(application=application, to_stage="screening", by=team.recruiter)
    services.application_move(application=application, to_stage="review", by=team.recruiter)
    stages = selectors.stage_list(organization=organization)
    with CaptureQueriesContext(connection) as captured:
        reached = pipeline.applications_stage_reach(
            applications=Application.objects.filter(vacancy=vacancy),
            stages=stages,
            counts={"review": 1},
        )
    assert reached["screening"] == 1 and reached["review"] == 1
    assert len(captured) == 1
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + captured[0]["sql"])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    # The vacancy's applications through the board index, each one's stage changes by its
    # own index (not one probe per stage and application, as before).
    assert "application_board" in plan and "Seq Scan" not in plan
    assert "Index Cond: (application_id = applications_application.id)" in plan


def test_the_funnel_asks_whether_an_application_reached_a_stage_through_its_index(
    organization, vacancy, no_seqscan
):
    team = team_make(organization, vacancy)
    application = submit(vacancy)
    services.application_move(application=application, to_stage="screening", by=team.recruiter)
    reached = StageChange.objects.filter(application=application, to_stage="screening")
    assert "stagechange_reached" in reached.explain()


def test_the_recent_bulk_actions_of_a_vacancy_are_read_through_their_index(
    organization, vacancy, no_seqscan
):
    team = team_make(organization, vacancy)
    submit(vacancy)
    move = services.move_check(organization=organization, to_stage="screening")
    bulk.bulk_apply(
        vacancy=vacancy,
        pks=list(vacancy.applications.values_list("pk", flat=True)),
        seen={},
        move=move,
        kind="move",
        by=team.recruiter,
    )
    recent = BulkAction.objects.filter(vacancy=vacancy).order_by("-created_at")[:10]
    assert "bulkaction_recent" in recent.explain()
