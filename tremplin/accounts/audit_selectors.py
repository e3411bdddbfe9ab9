"""Reads of the audit log, always scoped to one organization.

``core`` keeps the log and writes it (``core.audit.log_action``); which events an
organization's owners may read depends on its members, so the reads live here."""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date
from typing import Any

from django.apps import apps
from django.db.models import Q, QuerySet

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


def audit_events_for_organization(*, organization: Organization) -> QuerySet[AuditEvent]:
    """Every event an owner of ``organization`` may see, newest first: its own events, and
    the logins, failed logins and logouts of its current members."""
    members = User.objects.filter(memberships__organization=organization)
    emails = [email.lower() for email in members.values_list("email", flat=True)]
    account_events = Q(organization__isnull=True, verb__in=AUTH_VERBS) & (
        Q(actor__in=members) | Q(verb=AUTH_LOGIN_FAILED, data__email__in=emails)
    )
    return AuditEvent.objects.filter(Q(organization=organization) | account_events).order_by(
        "-at", "-pk"
    )


def audit_event_list(*, organization: Organization, filters: AuditFilters) -> QuerySet[AuditEvent]:
    """The organization's events that match ``filters`` (dates are inclusive, local time)."""
    events = audit_events_for_organization(organization=organization)
    if filters.actor:
        events = events.filter(actor_label__iexact=filters.actor)
    if filters.verb:
        events = events.filter(verb=filters.verb)
    if filters.verbs:
        events = events.filter(verb__in=filters.verbs)
    if filters.target_type:
        events = events.filter(target_type=filters.target_type)
    if filters.date_from is not None:
        events = events.filter(at__date__gte=filters.date_from)
    if filters.date_to is not None:
        events = events.filter(at__date__lte=filters.date_to)
    return events


def audit_verbs(*, organization: Organization) -> list[str]:
    """The actions present in the organization's log, sorted."""
    events = audit_events_for_organization(organization=organization)
    return sorted(set(events.order_by().values_list("verb", flat=True).distinct()))


def audit_target_types(*, organization: Organization) -> list[tuple[str, str]]:
    """The kinds of object present in the log, as (``app.model``, readable name) pairs."""
    events = audit_events_for_organization(organization=organization).exclude(target_type="")
    labels = set(events.order_by().values_list("target_type", flat=True).distinct())
    return sorted(((label, target_type_name(label)) for label in labels), key=lambda p: p[1])


def target_type_name(label: str) -> str:
    """The model's verbose name for ``app_label.model_name``, or the label if it is gone."""
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return label
    return str(model._meta.verbose_name).capitalize()


def audit_csv_rows(*, events: QuerySet[AuditEvent]) -> Iterator[list[Any]]:
    """One row per event, in the export's column order: time (ISO 8601, UTC), actor, verb,
    object type, object id, object, details (JSON)."""
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
