"""The audit log's pages read an organization's newest events through their index on
PostgreSQL (EXPLAIN), so that the first page costs the same at 100 events as at 1,000,000.
Sequential scans are switched off for the query: on a test's few rows the planner rightly
prefers them."""

from collections.abc import Iterator

import pytest
from django.db import connection

from tremplin.accounts.models import Organization
from tremplin.core.audit import log_action
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
