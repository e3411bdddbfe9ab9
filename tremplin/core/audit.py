"""``log_action``: the one call that writes the audit log (``log_actions``: many events at
once, for a batch)."""

import json
from collections.abc import Iterable, Mapping
from datetime import timedelta
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import NotSupportedError, models
from django.db.models import Expression, F, Value
from django.db.models.functions import Concat
from django.db.models.signals import post_delete
from django.dispatch import Signal
from django.utils import timezone

from tremplin.core.models import AuditEvent

# Who did something: a signed-in user, or None for the system (a command, a task, mail
# arriving) or a candidate, who has no account (leaving the talent pool, say). The log
# records None as "system". This floor cannot name the accounts app's User: a function that
# needs a member of staff's name, e-mail or id takes ``tremplin.accounts.models.User | None``.
type Actor = AbstractBaseUser | None

# Keys whose values never reach the log, however deep they sit in ``data``.
SECRET_KEYS = ("password", "token", "secret", "key", "otp")
MASK = "********"

# Account events are logged without an organization (an account may belong to several);
# an organization's log shows those of its members.
AUTH_LOGIN = "auth.login"
AUTH_LOGIN_FAILED = "auth.login_failed"
AUTH_LOGOUT = "auth.logout"
AUTH_VERBS = (AUTH_LOGIN, AUTH_LOGIN_FAILED, AUTH_LOGOUT)


def _masked(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {
            str(key): MASK
            if any(word in str(key).lower() for word in SECRET_KEYS)
            else _masked(item)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [_masked(item) for item in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def log_action(
    actor: Actor,
    verb: str,
    target: models.Model | None = None,
    data: Mapping[str, Any] | None = None,
    *,
    organization: Any = None,
    label: str | None = None,
) -> AuditEvent:
    """Record that ``actor`` (a user, or None for the system or a candidate) did ``verb`` to
    ``target``.

    ``data`` is stored with secrets masked. The organization is taken from the target when
    it has one (``target.organization`` or ``target.vacancy.organization``). ``label``
    replaces the target's name in the row, for events that must not hold it (a correction
    of that very name).
    """
    event = _event(actor, verb, target, data, organization=organization, label=label)
    event.save(force_insert=True)
    return event


def _event(
    actor: Actor,
    verb: str,
    target: models.Model | None,
    data: Mapping[str, Any] | None,
    *,
    organization: Any,
    label: str | None,
) -> AuditEvent:
    """The event ``log_action`` writes, not yet saved."""
    user = actor if actor is not None and actor.is_authenticated else None
    if organization is None and target is not None:
        organization = getattr(target, "organization", None)
        if organization is None and getattr(target, "vacancy", None) is not None:
            organization = target.vacancy.organization  # type: ignore[attr-defined]
    return AuditEvent(
        # By id: the foreign key names the accounts app's User, which this floor cannot.
        actor_id=user.pk if user is not None else None,
        actor_label=str(user) if user is not None else "system",
        organization=organization,
        verb=verb,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_label=(label if label is not None else str(target) if target is not None else "")[
            :300
        ],
        data=_masked(dict(data or {})),
    )


# Events written by ``log_actions`` (one INSERT: no post_save): sent with ``events`` (the
# AuditEvent rows, saved) in the transaction that writes them, for the floors above that
# follow the audit log (webhooks) to read them all at once.
audit_events_written = Signal()


def log_actions(
    actor: Actor, entries: Iterable[tuple[str, Mapping[str, Any] | None, Any]]
) -> list[AuditEvent]:
    """``log_action`` for many events about no target at once, in one INSERT: one event per
    (verb, data, organization) of ``entries``, by ``actor``. Sends ``audit_events_written``
    with the events instead of a post_save each. Returns the events in the entries' order."""
    events = AuditEvent.objects.bulk_create(
        _event(actor, verb, None, data, organization=organization, label=None)
        for verb, data, organization in entries
    )
    if events:
        audit_events_written.send(sender=AuditEvent, events=events)
    return events


# A person reading the same thing again within this time is one read, not one per page view
# (a reload, coming back after moving the application, a sort).
READ_WINDOW = timedelta(minutes=30)


def log_read(
    actor: Actor, verb: str, target: models.Model, data: Mapping[str, Any] | None = None
) -> AuditEvent | None:
    """Record that ``actor`` read ``target`` (a candidate's data or documents), unless they
    already did within READ_WINDOW: the new event, or None when the earlier one stands."""
    user_id = actor.pk if actor is not None and actor.is_authenticated else None
    earlier = AuditEvent.objects.filter(
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        verb=verb,
        actor_id=user_id,
        at__gte=timezone.now() - READ_WINDOW,
    )
    if earlier.exists():
        return None
    return log_action(actor, verb, target, data)


# What a redacted event keeps of its details: nothing that can name the person.
REDACTION_KEPT_KEYS = frozenset({"from", "to", "reason", "role", "counts"})


class _RedactedData(Expression):
    """The event's details reduced to REDACTION_KEPT_KEYS, marked ``"redacted": true``: the
    same in SQL for every row an UPDATE touches (details that are not an object: none kept)."""

    output_field = models.JSONField()

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, tuple[Any, ...]]:
        raise NotSupportedError(f"audit events cannot be redacted on {connection.vendor}")

    def as_postgresql(self, compiler: Any, connection: Any) -> tuple[str, tuple[Any, ...]]:
        return (
            """(CASE WHEN jsonb_typeof("data") = 'object' THEN COALESCE(
                (SELECT jsonb_object_agg(item.key, item.value) FROM jsonb_each("data") AS item
                 WHERE item.key = ANY(%s)), '{}') ELSE '{}' END || '{"redacted": true}'::jsonb)""",
            (sorted(REDACTION_KEPT_KEYS),),
        )

    def as_sqlite(self, compiler: Any, connection: Any) -> tuple[str, tuple[Any, ...]]:
        return (
            """json_set(CASE WHEN json_type("data") = 'object' THEN COALESCE(
                (SELECT json_group_object(item.key, item.value) FROM json_each("data") AS item
                 WHERE item.key IN (SELECT value FROM json_each(%s))), '{}') ELSE '{}' END,
                '$.redacted', json('true'))""",
            (json.dumps(sorted(REDACTION_KEPT_KEYS)),),
        )


def audit_events_redact(events: models.QuerySet[AuditEvent]) -> int:
    """Keep ``events`` (who did what, when) but no longer about whom: the object's label
    becomes its type and number, the details lose everything but a few neutral keys.
    One UPDATE, however many they are. Returns how many were redacted; redacting again
    changes nothing more."""
    return events.update(
        target_label=Concat(
            F("target_type"),
            Value(" #"),
            F("target_id"),
            Value(" (erased)"),
            output_field=models.CharField(),
        ),
        data=_RedactedData(),
    )


def _deleted_redact(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    audit_events_redact(
        AuditEvent.objects.filter(target_type=sender._meta.label_lower, target_id=str(instance.pk))
    )


def audit_follow_deletions(watched: Iterable[type[models.Model]]) -> None:
    """Redact the events about each row of ``watched`` as it is deleted one at a time (the
    admin, a vacancy or organization deleted with everything in it), so the log names no
    one whose data is gone. Erasures delete in bulk and redact in one UPDATE instead."""
    for model in watched:
        post_delete.connect(
            _deleted_redact, sender=model, dispatch_uid=f"audit_{model._meta.label}"
        )
