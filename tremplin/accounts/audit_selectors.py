"""Reads of the audit log, always scoped to one organization.

``core`` keeps the log and writes it (``core.audit.log_action``); which events an
organization's owners may read depends on its members, so the reads live here."""

import heapq
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import islice
from typing import Any

from django.apps import apps
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone

from tremplin.accounts.models import Organization, User
from tremplin.core.audit import AUTH_LOGIN_FAILED, AUTH_VERBS
from tremplin.core.models import AuditEvent


@dataclass(frozen=True, kw_only=True)
class AuditFilters:
    actor: str = ""
    verb: str = ""
    verbs: tuple[str, ...] = ()  # a kind of event: any of these actions
    target_type: str = ""
    date_from: date | None = None
    date_to: date | None = None


@dataclass(frozen=True)
class AuditEvents:
    """The events an owner of an organization may see, newest first: its own events, and
    the logins, failed logins and logouts of its current members (account events, which
    have no organization).

    Each kind is read apart, in time order down its own index, and the kinds are merged
    here: one query with an OR (or a UNION) of them has the database read and sort every
    event of the organization, for a page of fifty."""

    parts: tuple[QuerySet[AuditEvent], ...]

    def count(self) -> int:
        return sum(part.count() for part in self.parts)

    def slice(self, start: int, stop: int) -> list[AuditEvent]:
        """Events ``start`` to ``stop`` (excluded), newest first: a query per kind for the
        keys, one for the rows."""
        keys = heapq.merge(
            *(part.values_list("at", "pk")[:stop] for part in self.parts), reverse=True
        )
        wanted = [pk for _, pk in islice(keys, start, stop)]
        found = AuditEvent.objects.in_bulk(wanted)
        return [found[pk] for pk in wanted]

    def iterator(self, chunk_size: int = 2000) -> Iterator[AuditEvent]:
        """Every event, newest first, read a chunk at a time (constant memory)."""
        return heapq.merge(
            *(part.iterator(chunk_size=chunk_size) for part in self.parts),
            key=lambda event: (event.at, event.pk),
            reverse=True,
        )


def audit_events_for_organization(
    *, organization: Organization, filters: AuditFilters | None = None, below: int | None = None
) -> AuditEvents:
    """The events an owner of ``organization`` may see that match ``filters`` (dates are
    inclusive, local time), older than event ``below`` if given, newest first."""
    members = list(
        User.objects.filter(memberships__organization=organization).values_list("pk", "email")
    )
    accounts = AuditEvent.objects.filter(organization__isnull=True)
    parts = (
        AuditEvent.objects.filter(organization=organization),
        accounts.filter(actor__in=[pk for pk, _ in members], verb__in=AUTH_VERBS),
        accounts.filter(
            verb=AUTH_LOGIN_FAILED, data__email__in=[email.lower() for _, email in members]
        ),
    )
    return AuditEvents(
        parts=tuple(_matching(part, filters, below).order_by("-at", "-pk") for part in parts)
    )


def _matching(
    events: QuerySet[AuditEvent], filters: AuditFilters | None, below: int | None
) -> QuerySet[AuditEvent]:
    if below is not None:
        events = events.filter(pk__lt=below)
    if filters is None:
        return events
    if filters.actor:
        events = events.filter(actor_label__iexact=filters.actor)
    if filters.verb:
        events = events.filter(verb=filters.verb)
    if filters.verbs:
        events = events.filter(verb__in=filters.verbs)
    if filters.target_type:
        events = events.filter(target_type=filters.target_type)
    # Bounds on the time itself, not on its date: the index on (organization, at) serves them.
    zone = timezone.get_current_timezone()
    if filters.date_from is not None:
        events = events.filter(at__gte=datetime.combine(filters.date_from, time(), zone))
    if filters.date_to is not None:
        day_after = filters.date_to + timedelta(days=1)
        events = events.filter(at__lt=datetime.combine(day_after, time(), zone))
    return events


def _kinds(column: str, *, organization: Organization) -> list[str]:
    """The distinct values of ``column`` among the organization's events, read by skipping
    through the index on (organization, column): one probe per value, however many events
    there are. ``column`` is one of this module's, never a caller's text."""
    table = connection.ops.quote_name(AuditEvent._meta.db_table)
    field = connection.ops.quote_name(column)
    scope = f"{connection.ops.quote_name('organization_id')} = %s"
    sql = (
        f"WITH RECURSIVE kinds(value) AS ("  # noqa: S608 (quoted names of our own columns)
        f"SELECT MIN({field}) FROM {table} WHERE {scope} "
        f"UNION ALL SELECT (SELECT MIN({field}) FROM {table} WHERE {scope} "
        f"AND {field} > kinds.value) FROM kinds WHERE kinds.value IS NOT NULL) "
        f"SELECT value FROM kinds WHERE value IS NOT NULL"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [organization.pk, organization.pk])
        return [value for (value,) in cursor.fetchall()]


def audit_verbs(*, organization: Organization) -> list[str]:
    """The actions in the organization's log, and the account events' (logins, failed
    logins, logouts: they have no organization), sorted."""
    return sorted({*_kinds("verb", organization=organization), *AUTH_VERBS})


def audit_target_types(*, organization: Organization) -> list[tuple[str, str]]:
    """The kinds of object in the log, as (``app.model``, readable name) pairs (account
    events have none)."""
    labels = set(_kinds("target_type", organization=organization)) - {""}
    return sorted(((label, target_type_name(label)) for label in labels), key=lambda p: p[1])


def target_type_name(label: str) -> str:
    """The model's verbose name for ``app_label.model_name``, or the label if it is gone."""
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return label
    return str(model._meta.verbose_name).capitalize()


def audit_csv_rows(*, events: AuditEvents) -> Iterator[list[Any]]:
    """One row per event, in the export's column order: time (ISO 8601, UTC), actor, verb,
    object type, object id, object, details (JSON).

    Read in one transaction: its cursors then fetch as the rows go out. Outside one, each
    cursor would be held past its commit, which has PostgreSQL read the whole result first."""
    with transaction.atomic():
        for event in events.iterator(chunk_size=500):
            yield [
                event.at.astimezone(UTC).isoformat(timespec="seconds"),
                event.actor_label,
                event.verb,
                event.target_type,
                event.target_id,
                event.target_label,
                json.dumps(event.data, ensure_ascii=False, sort_keys=True),
            ]
