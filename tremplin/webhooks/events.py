"""Recording an event: one Delivery row per endpoint that subscribed to it, written in the
caller's transaction (the outbox), each sent by the task worker once that transaction
commits. What a delivery says holds ids only: downstream systems fetch the rest through
the API, with a token, where each read is audited."""

import uuid
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tremplin.webhooks.models import PING, Delivery, Endpoint


def _slack_text(event: str, words: Mapping[str, str]) -> str:
    """The line a chat channel shows: the vacancy's title and the stage, never a person."""
    with translation.override(settings.LANGUAGE_CODE):
        texts = {
            "application.created": _("New application for %(vacancy)s"),
            "application.stage_changed": _("An application for %(vacancy)s moved to %(stage)s"),
            "vacancy.published": _("Vacancy published: %(vacancy)s"),
            "vacancy.closed": _("Vacancy closed: %(vacancy)s"),
            "candidate.erased": _("A candidate’s data was erased from Tremplin"),
            PING: _("Tremplin test message: this endpoint receives its events."),
        }
        return texts[event] % {"vacancy": "", "stage": "", **words}


def delivery_body(
    *,
    endpoint: Endpoint,
    event: str,
    event_id: uuid.UUID,
    at: Any,
    data: Mapping[str, Any],
    words: Mapping[str, str],
) -> dict[str, Any]:
    if endpoint.format == Endpoint.Format.SLACK:
        return {"text": _slack_text(event, words)}
    return {"event": event, "id": str(event_id), "created_at": at.isoformat(), "data": dict(data)}


def delivery_enqueue(*, delivery: Delivery) -> None:
    """Send ``delivery`` from the task worker once the caller's transaction commits (at its
    next attempt's time when it has one)."""
    from tremplin.webhooks.tasks import webhook_deliver_task

    task = webhook_deliver_task
    if delivery.next_attempt_at is not None and delivery.next_attempt_at > timezone.now():
        task = task.using(run_after=delivery.next_attempt_at)
    pk = delivery.pk
    transaction.on_commit(lambda: task.enqueue(pk), robust=True)


def endpoints_subscribed(*, organization_id: int, event: str) -> list[Endpoint]:
    """The organization's active endpoints that subscribed to ``event`` (a handful: read
    whole, the events list filtered here the same way on every database)."""
    return [
        endpoint
        for endpoint in Endpoint.objects.filter(organization_id=organization_id, active=True)
        if event in endpoint.events
    ]


def event_record(
    *,
    endpoints: list[Endpoint],
    event: str,
    data: Mapping[str, Any],
    words: Mapping[str, str] | None = None,
) -> list[Delivery]:
    """Record ``event`` for ``endpoints``, one delivery each; ``words`` fill the chat
    format's line."""
    if not endpoints:
        return []
    event_id, at = uuid.uuid4(), timezone.now()
    deliveries = Delivery.objects.bulk_create(
        Delivery(
            endpoint=endpoint,
            event=event,
            event_id=event_id,
            created_at=at,
            body=delivery_body(
                endpoint=endpoint,
                event=event,
                event_id=event_id,
                at=at,
                data=data,
                words=words or {},
            ),
        )
        for endpoint in endpoints
    )
    for delivery in deliveries:
        delivery_enqueue(delivery=delivery)
    return deliveries
