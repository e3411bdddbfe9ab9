"""The scorecards' queries go through their indexes on PostgreSQL (EXPLAIN): the summary per
criterion, the application page's count and the day-after reminder cost the same with
100,000 interviews as with one. Sequential scans are switched off for the query, as the
planner rightly prefers them on a test's few rows."""

from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.db import connection
from django.db.models import Avg, Count
from django.utils import timezone

from tremplin.interviews.models import Interview, Scorecard, ScorecardScore
from tremplin.interviews.services import SCORECARD_REMINDER_AFTER, SCORECARD_REMINDER_HORIZON
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


@pytest.fixture
def interview(organization, vacancy) -> Interview:
    team = team_make(organization, vacancy)
    interview = Interview.objects.create(
        application=submit(vacancy),
        kind=Interview.Kind.PHONE,
        duration_minutes=30,
        timezone="Europe/Paris",
        status=Interview.Status.SCHEDULED,
        start=timezone.now() - timedelta(hours=2),
    )
    interview.panel.set([team.recruiter, team.reviewer])
    Scorecard.objects.create(interview=interview, panel_member=team.recruiter)
    return interview


def test_the_summary_per_criterion_reads_one_interview_s_scores_through_indexes(
    interview, no_seqscan
):
    summary = (
        ScorecardScore.objects.filter(
            scorecard__interview=interview,
            scorecard__submitted_at__isnull=False,
            score__isnull=False,
        )
        .values("criterion_id")
        .annotate(count=Count("pk"), mean=Avg("score"))
        .order_by()
    )
    plan = summary.explain()
    assert "Seq Scan" not in plan
    assert "interviews_scorecard" in plan and "interviews_scorecardscore" in plan
    assert plan.count("Index") >= 2


def test_the_submitted_count_of_an_interview_s_scorecards_uses_an_index(interview, no_seqscan):
    plan = Scorecard.objects.filter(interview=interview, submitted_at__isnull=False).explain()
    assert "Seq Scan" not in plan
    assert "Index" in plan


def test_the_day_after_reminder_finds_its_interviews_through_an_index_on_their_start(
    interview, no_seqscan
):
    now = timezone.now()
    due = (
        Interview.objects.filter(
            status=Interview.Status.SCHEDULED,
            scorecards_reminded_at=None,
            start__gt=now - SCORECARD_REMINDER_HORIZON,
            start__lte=now - SCORECARD_REMINDER_AFTER,
        )
        .order_by("start")
        .values_list("pk", flat=True)[:1000]
    )
    plan = due.explain()
    assert "Seq Scan" not in plan
    # The due index (status, start) or the one on start alone: the time range bounds it.
    assert "Index Cond" in plan
    assert "start" in plan.split("Index Cond")[1].split("\n")[0]
