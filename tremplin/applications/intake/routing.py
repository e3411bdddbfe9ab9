"""Which vacancy an incoming message is for, from the address it was sent to.

Each organization receives applications at its address (Organization.email, e.g.
``jobs@example.org``); ``jobs+<vacancy-slug>@example.org`` is a vacancy's own
address (``vacancy_reply_address``). A message for no vacancy, or for one not open,
goes to the unsorted list.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models.functions import Lower

from tremplin.accounts.models import Organization
from tremplin.applications.selectors import vacancy_accepts_applications
from tremplin.messaging.addresses import address_split, address_tagged
from tremplin.vacancies.models import Vacancy


def vacancy_reply_address(*, vacancy: Vacancy) -> str:
    """Where to e-mail an application for ``vacancy``: ``jobs+<slug>@example.org``.

    "" when its organization has no recruitment address.
    """
    return address_tagged(vacancy.organization.email, vacancy.slug)


@dataclass(frozen=True)
class Route:
    organization: Organization | None
    vacancy: Vacancy | None  # the vacancy tagged, if it exists; it gets the message if no reason
    reason: str = ""  # an InboundMessage.Reason value when it goes to the unsorted list
    detail: str = ""


def inbound_route(*, recipients: Sequence[str]) -> Route:
    """The route for a message sent to ``recipients`` (most precise first).

    The first address of a known organization that carries a tag decides; failing
    that, the first untagged one (→ unsorted, no tag); failing that, unsorted with no
    organization.
    """
    split = [address_split(address) for address in recipients if "@" in address]
    organizations = {
        organization.email_lower: organization
        for organization in Organization.objects.annotate(email_lower=Lower("email")).filter(
            email_lower__in={base for base, _tag in split}
        )
    }
    known = [(organizations[base], tag) for base, tag in split if base in organizations]
    tagged = [(organization, tag) for organization, tag in known if tag]
    if not tagged:
        if known:
            return Route(organization=known[0][0], vacancy=None, reason="no_tag")
        return Route(
            organization=None,
            vacancy=None,
            reason="unknown_address",
            detail=", ".join(recipients),
        )
    organization, tag = tagged[0]
    vacancy = organization.vacancies.filter(slug=tag).first()
    if vacancy is None:
        return Route(organization=organization, vacancy=None, reason="unknown_vacancy", detail=tag)
    if not vacancy_accepts_applications(vacancy=vacancy):
        return Route(
            organization=organization,
            vacancy=vacancy,
            reason="vacancy_not_open",
            detail=str(vacancy.get_status_display())
            if vacancy.status != Vacancy.Status.PUBLISHED
            else f"deadline {vacancy.deadline}",
        )
    return Route(organization=organization, vacancy=vacancy)
