"""/api/v1/webhooks: list, create, delete endpoints, and their delivery log, through the
webhooks app's services. Webhooks are the owners' (as in the workspace): a recruiter's
token is refused here whatever its scopes."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Router, Status

from tremplin.accounts.models import Membership
from tremplin.api.auth import ApiError, ApiRequest, TokenAuth
from tremplin.api.common import PAGE_DEFAULT, membership, page, refusal
from tremplin.api.schemas import (
    DeliveryOut,
    DeliveryPage,
    Error,
    WebhookCreated,
    WebhookIn,
    WebhookOut,
    WebhookPage,
)
from tremplin.webhooks.models import Delivery, Endpoint
from tremplin.webhooks.selectors import delivery_get, delivery_list, endpoint_get, endpoint_list
from tremplin.webhooks.services import delivery_resend, endpoint_create, endpoint_delete

router = Router(tags=["webhooks"])
MANAGE = TokenAuth("webhooks:manage")
ERRORS: dict[int, Any] = {400: Error, 401: Error, 403: Error, 404: Error, 422: Error, 429: Error}


def _owner(request: Any) -> Membership:
    found = membership(request)
    if found.role != Membership.Role.OWNER:
        raise ApiError(403, "role", _("Only the organization’s owners manage its webhooks."))
    return found


def _out(endpoint: Endpoint) -> dict[str, Any]:
    return {
        "id": endpoint.pk,
        "url": endpoint.url,
        "events": endpoint.events,
        "format": endpoint.format,
        "active": endpoint.active,
        "disabled_at": endpoint.disabled_at,
        "created_at": endpoint.created_at,
    }


def _delivery(delivery: Delivery) -> dict[str, Any]:
    return {
        "id": delivery.pk,
        "uuid": str(delivery.uuid),
        "event": delivery.event,
        "event_id": str(delivery.event_id),
        "status": delivery.status,
        "attempts": delivery.attempts,
        "last_status": delivery.last_status,
        "last_error": delivery.last_error,
        "created_at": delivery.created_at,
        "delivered_at": delivery.delivered_at,
        "next_attempt_at": delivery.next_attempt_at,
    }


def _endpoint(request: Any, id: int) -> Endpoint:
    try:
        return endpoint_get(organization=_owner(request).organization, pk=id)
    except Http404:
        raise ApiError(404, "not_found", _("No such webhook.")) from None


@router.get("/webhooks", response={200: WebhookPage, **ERRORS}, auth=MANAGE)
def webhook_list(
    request: ApiRequest, cursor: str | None = None, limit: int = PAGE_DEFAULT
) -> dict[str, Any]:
    rows, next_cursor = page(
        endpoint_list(organization=_owner(request).organization), cursor=cursor, limit=limit
    )
    return {"items": [_out(row) for row in rows], "next": next_cursor}


@router.post("/webhooks", response={201: WebhookCreated, **ERRORS}, auth=MANAGE)
def webhook_create(request: ApiRequest, payload: WebhookIn) -> Status[dict[str, Any]]:
    """Add an endpoint. Its ``secret`` signs every delivery and is shown this once. No
    delivery is sent now unless ``ping`` asks for a test message."""
    try:
        endpoint = endpoint_create(
            organization=_owner(request).organization,
            url=payload.url,
            events=payload.events,
            format=payload.format,
            by=request.api_token.user,
            ping=payload.ping,
        )
    except ValidationError as error:
        raise refusal(error) from error
    return Status(201, {**_out(endpoint), "secret": endpoint.secret})


@router.get("/webhooks/{id}", response={200: WebhookOut, **ERRORS}, auth=MANAGE)
def webhook_get(request: ApiRequest, id: int) -> dict[str, Any]:
    return _out(_endpoint(request, id))


@router.delete("/webhooks/{id}", response={204: None, **ERRORS}, auth=MANAGE)
def webhook_delete(request: ApiRequest, id: int) -> Status[None]:
    endpoint_delete(endpoint=_endpoint(request, id), by=request.api_token.user)
    return Status(204, None)


@router.get("/webhooks/{id}/deliveries", response={200: DeliveryPage, **ERRORS}, auth=MANAGE)
def webhook_deliveries(
    request: ApiRequest, id: int, cursor: str | None = None, limit: int = PAGE_DEFAULT
) -> dict[str, Any]:
    """Every delivery to the endpoint (oldest first, by id), with its last answer."""
    rows, next_cursor = page(
        delivery_list(endpoint=_endpoint(request, id)), cursor=cursor, limit=limit
    )
    return {"items": [_delivery(row) for row in rows], "next": next_cursor}


@router.post(
    "/webhooks/{id}/deliveries/{delivery_id}/resend",
    response={201: DeliveryOut, **ERRORS},
    auth=MANAGE,
)
def webhook_resend(request: ApiRequest, id: int, delivery_id: int) -> Status[dict[str, Any]]:
    """Send a delivery again: a new delivery of the same event and body."""
    endpoint = _endpoint(request, id)
    try:
        found = delivery_get(organization=endpoint.organization, pk=delivery_id)
    except Http404:
        raise ApiError(404, "not_found", _("No such delivery.")) from None
    if found.endpoint_id != endpoint.pk:
        raise ApiError(404, "not_found", _("No such delivery."))
    try:
        again = delivery_resend(delivery=found, by=request.api_token.user)
    except ValidationError as error:
        raise refusal(error, status=409) from error
    return Status(201, _delivery(again))
