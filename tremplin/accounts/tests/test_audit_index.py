"""The audit log's pages read an organization's newest events through their index on
PostgreSQL (EXPLAIN), so that the first page costs the same at 100 events as at 1,000,000.
Sequential scans are switched off for the query: on a test's few rows the planner rightly
prefers them."""

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tremplin.accounts.audit_selectors import (
    audit_events_for_organization,
    audit_target_types,
    audit_verbs,
)
from tremplin.accounts.models import Organization
from tremplin.core.audit import AUTH_LOGIN, log_action
from tremplin.core.models import AuditEvent

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@pytest.fixture
def no_seqscan() -> Iterator[None]:
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
    yield
    with connection.cursor() as cursor:
        cursor.execute("RESET enable_seqscan")


def test_an_organizations_newest_events_come_through_their_index(no_seqscan) -> None:
    organization = Organization.objects.create(name="Maison des communs", slug="communs")
    log_action(None, "vacancy.publish", None, organization=organization)
    newest = AuditEvent.objects.filter(organization=organization).order_by("-at")[:50]
    assert "auditevent_organization_at" in newest.explain()


@pytest.fixture
def busy_log() -> Organization:
    """An organization among others with a log of some thousands of events of a few kinds,
    and the planner's statistics on them: on a handful of rows any index would do."""
    organizations = [
        Organization.objects.create(name=f"Association {n}", slug=f"association-{n}")
        for n in range(20)
    ]
    start = datetime(2026, 1, 1, tzinfo=UTC)
    AuditEvent.objects.bulk_create(
        AuditEvent(
            organization=organizations[n % 20] if n % 50 else None,
            verb=AUTH_LOGIN if n % 50 == 0 else f"kind.{n % 30}",
            target_type=f"app.model{n % 7}",
            target_id=str(n),
            at=start + timedelta(minutes=n * 7919 % 20_000),  # not in insertion order
        )
        for n in range(20_000)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE core_auditevent")
    return organizations[1]


def plans_of(queries: list[dict[str, str]]) -> list[str]:
    plans = []
    with connection.cursor() as cursor:
        for query in queries:
            cursor.execute("EXPLAIN " + query["sql"])
            plans.append("\n".join(row[0] for row in cursor.fetchall()))
    return plans


def test_a_page_of_the_log_reads_the_organizations_events_down_the_index(
    busy_log, no_seqscan
) -> None:
    events = audit_events_for_organization(organization=busy_log)
    with CaptureQueriesContext(connection) as captured:
        page = events.slice(100, 151)
    # On a test's thousands of rows, walking the index on time alone and sorting the ties
    # costs about the same; with no sort allowed, the plan shows the index that needs none.
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("SET LOCAL enable_incremental_sort = off")
    assert len(page) == 51
    assert [event.at for event in page] == sorted((event.at for event in page), reverse=True)
    own = plans_of(captured.captured_queries)[0]
    assert "auditevent_organization_at_id" in own
    assert "Sort" not in own  # the first rows of the index, in the page's order


def test_the_filters_choices_skip_through_their_indexes(busy_log, no_seqscan) -> None:
    with CaptureQueriesContext(connection) as captured:
        assert len(audit_verbs(organization=busy_log)) == 3 + 3  # and the account events'
    plans = plans_of(captured.captured_queries)
    assert plans
    assert all("auditevent_organization_verb" in plan for plan in plans)
    with CaptureQueriesContext(connection) as captured:
        assert len(audit_target_types(organization=busy_log)) == 7
    plans = plans_of(captured.captured_queries)
    assert plans
    assert all("auditevent_organization_type" in plan for plan in plans)
