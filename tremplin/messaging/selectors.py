"""Reads on messages and addresses."""

from django.db.models import QuerySet

from tremplin.messaging.inbound.routing import TAG_SEPARATOR
from tremplin.messaging.models import InboundMessage
from tremplin.vacancies.models import Organization, Vacancy


def vacancy_reply_address(*, vacancy: Vacancy) -> str:
    """Where to e-mail an application for ``vacancy``: ``jobs+<slug>@example.org``.

    "" when its organization has no recruitment address.
    """
    address = vacancy.organization.email.strip()
    if "@" not in address:
        return ""
    local, _at, domain = address.rpartition("@")
    return f"{local}{TAG_SEPARATOR}{vacancy.slug}@{domain}"


def inbound_unsorted_list(*, organization: Organization | None = None) -> QuerySet[InboundMessage]:
    """Messages waiting for a recruiter to assign them to a vacancy, newest first."""
    messages = InboundMessage.objects.filter(status=InboundMessage.Status.UNSORTED)
    if organization is not None:
        messages = messages.filter(organization=organization)
    return messages.select_related("organization", "vacancy")
