"""Reads on webhooks: an organization's endpoints and their delivery log."""

from django.db.models import QuerySet
from django.http import Http404

from tremplin.accounts.models import Organization
from tremplin.webhooks.models import Delivery, DeliveryAttempt, Endpoint


def endpoint_list(*, organization: Organization) -> QuerySet[Endpoint]:
    return Endpoint.objects.filter(organization=organization).order_by("created_at", "pk")


def endpoint_get(*, organization: Organization, pk: int) -> Endpoint:
    """Endpoint ``pk`` of ``organization``; 404 for anything else."""
    endpoint = Endpoint.objects.filter(organization=organization, pk=pk).first()
    if endpoint is None:
        raise Http404("no such webhook")
    return endpoint


def delivery_list(*, endpoint: Endpoint) -> QuerySet[Delivery]:
    """The endpoint's deliveries, newest first (the index on endpoint and creation)."""
    return Delivery.objects.filter(endpoint=endpoint).order_by("-created_at", "-pk")


def delivery_get(*, organization: Organization, pk: int) -> Delivery:
    delivery = (
        Delivery.objects.select_related("endpoint")
        .filter(pk=pk, endpoint__organization=organization)
        .first()
    )
    if delivery is None:
        raise Http404("no such delivery")
    return delivery


def delivery_attempts(*, deliveries: list[Delivery]) -> dict[int, list[DeliveryAttempt]]:
    """The attempts of ``deliveries`` (a page of the log), newest first, in one query."""
    found: dict[int, list[DeliveryAttempt]] = {delivery.pk: [] for delivery in deliveries}
    for attempt in DeliveryAttempt.objects.filter(delivery__in=deliveries).order_by("-at", "-pk"):
        found[attempt.delivery_id].append(attempt)
    return found
