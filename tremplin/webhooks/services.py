"""Writes on webhooks: endpoints added, deleted, enabled again; a test message sent on
request; a delivery sent again. Each is recorded in the audit log."""

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tremplin.accounts.models import Organization, User
from tremplin.core.audit import log_action
from tremplin.core.choosing import several_of
from tremplin.webhooks.events import delivery_enqueue, event_record
from tremplin.webhooks.models import EVENTS, PING, Delivery, Endpoint
from tremplin.webhooks.signing import secret_make
from tremplin.webhooks.targets import target_check


def events_check(events: Sequence[str]) -> list[str]:
    return several_of(
        events,
        EVENTS,
        unknown=_("Unknown events: %(unknown)s. Choose among: %(known)s."),
        required=_("Choose at least one event."),
        code="events",
    )


@transaction.atomic
def endpoint_create(
    *,
    organization: Organization,
    url: str,
    events: Sequence[str],
    format: str = Endpoint.Format.TREMPLIN,
    by: User | None,
    ping: bool = False,
) -> Endpoint:
    """Add an endpoint; its ``secret`` is shown once to whoever added it. No delivery is
    sent unless ``ping`` asks for a test message."""
    if format not in Endpoint.Format.values:
        raise ValidationError(_("Choose a format of the list."), code="format")
    endpoint = Endpoint.objects.create(
        organization=organization,
        url=target_check(url),
        events=events_check(events),
        format=format,
        secret=secret_make(),
        created_by=by,
    )
    log_action(by, "webhook.create", endpoint, {"url": endpoint.url, "events": endpoint.events})
    if ping:
        endpoint_ping(endpoint=endpoint, by=by)
    return endpoint


@transaction.atomic
def endpoint_delete(*, endpoint: Endpoint, by: User | None) -> None:
    log_action(by, "webhook.delete", endpoint, {"url": endpoint.url})
    endpoint.delete()


@transaction.atomic
def endpoint_enable(*, endpoint: Endpoint, by: User | None) -> Endpoint:
    """Send to a disabled endpoint again (its failures forgotten)."""
    Endpoint.objects.filter(pk=endpoint.pk).update(
        active=True, disabled_at=None, failing_since=None
    )
    endpoint.refresh_from_db()
    log_action(by, "webhook.enable", endpoint, {"url": endpoint.url})
    return endpoint


@transaction.atomic
def endpoint_ping(*, endpoint: Endpoint, by: User | None) -> Delivery:
    """A test message, sent only because an owner asked for it."""
    (delivery,) = event_record(endpoints=[endpoint], event=PING, data={"endpoint": endpoint.pk})
    log_action(by, "webhook.ping", endpoint, {"url": endpoint.url})
    return delivery


@transaction.atomic
def delivery_resend(*, delivery: Delivery, by: User | None) -> Delivery:
    """Send ``delivery`` again: a new delivery (its own Tremplin-Delivery id) of the same
    event, with the same body."""
    endpoint = delivery.endpoint
    if not endpoint.active:
        raise ValidationError(
            _("This webhook is disabled: enable it before sending again."), code="disabled"
        )
    again = Delivery.objects.create(
        endpoint=endpoint, event=delivery.event, event_id=delivery.event_id, body=delivery.body
    )
    log_action(by, "webhook.resend", endpoint, {"delivery": str(delivery.uuid)})
    delivery_enqueue(delivery=again)
    return again
