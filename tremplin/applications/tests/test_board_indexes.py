"""The board's queries can use their indexes on PostgreSQL (EXPLAIN), so that a column and
the funnel cost the same at 100 applications as at 100,000. Sequential scans are switched
off for the query, as the planner rightly prefers them on a test's few rows."""

from collections.abc import Iterator

import pytest
from django.db import connection

from tremplin.applications import bulk, pipeline, services
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
