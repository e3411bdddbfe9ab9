"""Which vacancy an incoming message is for, from the address it was sent to.

Each organization receives applications at its address (Organization.email, e.g.
``jobs@example.org``); ``jobs+<vacancy-slug>@example.org`` is a vacancy's own
address. A message for no vacancy, or for one not open, goes to the unsorted list.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models.functions import Lower

from tremplin.accounts.models import Organization
from tremplin.applications.selectors import vacancy_accepts_applications
from tremplin.vacancies.models import Vacancy

TAG_SEPARATOR = "+"
# The tag of a reply address, ``jobs+r-<token>@example.org``: what a candidate sends
# there is filed on the application of the message carrying that token.
REPLY_TAG_PREFIX = "r-"


@dataclass(frozen=True)
class Route:
    organization: Organization | None
    vacancy: Vacancy | None  # the vacancy tagged, if it exists; it gets the message if no reason
    reason: str = ""  # an InboundMessage.Reason value when it goes to the unsorted list
    detail: str = ""


def address_split(address: str) -> tuple[str, str]:
    """``jobs+director@example.org`` → (``jobs@example.org``, ``director``)."""
    local, _at, domain = address.strip().lower().rpartition("@")
    base, _plus, tag = local.partition(TAG_SEPARATOR)
    return f"{base}@{domain}", tag


def reply_tokens(*, recipients: Sequence[str]) -> list[str]:
    """The reply tokens of ``recipients`` (``jobs+r-<token>@…``), most precise first."""
    tokens: list[str] = []
    for address in recipients:
        if "@" not in address:
            continue
        _base, tag = address_split(address)
        if tag.startswith(REPLY_TAG_PREFIX) and len(tag) > len(REPLY_TAG_PREFIX):
            tokens.append(tag.removeprefix(REPLY_TAG_PREFIX))
    return tokens


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
