"""The bell's count, the notifications page and erasure read through their indexes on
PostgreSQL (EXPLAIN), so that they cost the same at 10 notifications as at 1,000,000.
Sequential scans are switched off for the query, as the planner rightly prefers them on a
test's few rows."""

from collections.abc import Iterator

import pytest
from django.db import connection
from django.utils import timezone

from tremplin.notifications.models import Notification, VacancyFollow
from tremplin.notifications.selectors import BELL_MAX, notifications_of
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
def team(organization, vacancy):
    team = team_make(organization, vacancy)
    Notification.objects.create(
        recipient=team.recruiter,
        organization=organization,
        kind="mention",
        application_ref=1,
        reference="#1",
        path="/en/",
    )
    return team


def test_the_bell_counts_through_the_unread_index(organization, team, no_seqscan):
    # Most of a member's notifications are read: the partial index holds only the others.
    Notification.objects.bulk_create(
        Notification(
            recipient=team.recruiter,
            organization=organization,
            kind="mention",
            reference="#1",
            path="/en/",
            read_at=timezone.now(),
        )
        for _ in range(500)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE notifications_notification")
    unread = Notification.objects.filter(
        recipient=team.recruiter, organization=organization, read_at=None
    ).order_by()[: BELL_MAX + 1]
    assert "notification_unread" in unread.explain()


def test_the_page_reads_its_first_rows_through_the_list_index(organization, team, no_seqscan):
    first = notifications_of(recipient=team.recruiter, organization=organization)[:50]
    assert "notification_list" in first.explain()


def test_erasure_finds_an_applications_notifications_through_its_index(team, no_seqscan):
    about = Notification.objects.filter(application_ref__in=[1, 2])
    assert "application_ref" in about.explain()


def test_a_vacancys_followers_are_found_through_the_follow_index(vacancy, team, no_seqscan):
    VacancyFollow.objects.create(user=team.recruiter, vacancy=vacancy)
    followers = VacancyFollow.objects.filter(vacancy_id__in=[vacancy.pk]).values_list(
        "vacancy_id", "user_id"
    )
    assert "vacancy_follow_once" in followers.explain()
    # And the page's "do I follow these?" for one page of vacancies.
    mine = VacancyFollow.objects.filter(vacancy_id__in=[vacancy.pk], user=team.recruiter)
    assert "vacancy_follow_once" in mine.explain()
