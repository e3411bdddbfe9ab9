"""Reads on messages and addresses: reply addresses, templates, drafts, an application's thread."""

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as _

from tremplin.accounts.models import Membership, Organization
from tremplin.messaging import rendering
from tremplin.messaging.inbound.routing import REPLY_TAG_PREFIX, TAG_SEPARATOR
from tremplin.messaging.models import (
    DraftMessage,
    InboundMessage,
    MessageTemplate,
    MessageTemplateText,
    OutboxMessage,
)
from tremplin.vacancies.models import Vacancy

if TYPE_CHECKING:
    from tremplin.applications.models import Application


def _tagged(address: str, tag: str) -> str:
    address = address.strip()
    if "@" not in address:
        return ""
    local, _at, domain = address.rpartition("@")
    return f"{local}{TAG_SEPARATOR}{tag}@{domain}"


def vacancy_reply_address(*, vacancy: Vacancy) -> str:
    """Where to e-mail an application for ``vacancy``: ``jobs+<slug>@example.org``.

    "" when its organization has no recruitment address.
    """
    return _tagged(vacancy.organization.email, vacancy.slug)


def reply_address(*, organization: Organization, token: str) -> str:
    """The Reply-To of a message to a candidate: ``jobs+r-<token>@example.org`` ("" when the
    organization has no recruitment address; replies are then matched by their headers)."""
    return _tagged(organization.email, f"{REPLY_TAG_PREFIX}{token}")


def inbound_unsorted_list(*, organization: Organization | None = None) -> QuerySet[InboundMessage]:
    """Messages waiting for a recruiter to assign them to a vacancy, newest first."""
    messages = InboundMessage.objects.filter(status=InboundMessage.Status.UNSORTED)
    if organization is not None:
        messages = messages.filter(organization=organization)
    return messages.select_related("organization", "vacancy")


def inbound_get_for_user(*, membership: Membership, pk: int) -> InboundMessage:
    """An incoming message sent to the membership's organization; 404 for anything else."""
    message = (
        InboundMessage.objects.filter(pk=pk, organization=membership.organization)
        .select_related("vacancy", "application__candidate")
        .first()
    )
    if message is None:
        raise Http404("no such message")
    return message


# --- Templates -------------------------------------------------------------------------


def message_template_list(*, organization: Organization) -> QuerySet[MessageTemplate]:
    return MessageTemplate.objects.filter(organization=organization).prefetch_related("texts")


def message_template_get_for_user(*, membership: Membership, pk: int) -> MessageTemplate:
    template = (
        MessageTemplate.objects.filter(pk=pk, organization=membership.organization)
        .prefetch_related("texts")
        .first()
    )
    if template is None:
        raise Http404("no such template")
    return template


def message_template_text(
    *, organization: Organization, kind: str, language: str, template: MessageTemplate | None = None
) -> MessageTemplateText | None:
    """The organization's own text for ``kind`` in ``language`` (of ``template`` when given)."""
    texts = MessageTemplateText.objects.filter(
        template__organization=organization, template__kind=kind, language=language
    )
    if template is not None:
        texts = texts.filter(template=template)
    return texts.order_by("template__pk").first()


def message_default_text(*, kind: str, language: str) -> tuple[str, str]:
    """Tremplin's own subject and body for ``kind`` in ``language``, with variables."""
    with translation.override(language):
        return str(rendering.DEFAULT_SUBJECTS[kind]), str(rendering.DEFAULT_BODIES[kind])


def message_text_for(
    *, organization: Organization, kind: str, language: str, template: MessageTemplate | None = None
) -> tuple[str, str]:
    """The subject and body to start from: the organization's text, else Tremplin's."""
    own = message_template_text(
        organization=organization, kind=kind, language=language, template=template
    )
    if own is not None:
        return own.subject, own.body
    return message_default_text(kind=kind, language=language)


def _sender_name(sender: Any) -> str:
    """The sender's name, "" for Tremplin itself or a member who has not given theirs."""
    get_full_name = getattr(sender, "get_full_name", None)
    return get_full_name().strip() if callable(get_full_name) else ""


def message_variables(*, application: "Application", sender: Any = None) -> dict[str, str]:
    """The values of the template variables for ``application``, in the candidate's language."""
    from tremplin.applications.services import application_status_url, organization_privacy_url
    from tremplin.vacancies.selectors import vacancy_title_for_language

    vacancy = application.vacancy
    return {
        "candidate_name": application.candidate.name or application.candidate.email,
        "vacancy_title": vacancy_title_for_language(vacancy=vacancy, language=application.language),
        "organization_name": vacancy.organization.name,
        "status_url": application_status_url(application=application),
        "privacy_url": organization_privacy_url(
            organization=vacancy.organization, language=application.language
        ),
        "recruiter_name": _sender_name(sender),
    }


def message_variables_sample(
    *, organization: Organization, language: str, sender: Any = None
) -> dict[str, str]:
    """Made-up values for previewing a template when no application is chosen."""
    from tremplin.vacancies.selectors import vacancy_text_for_language

    vacancy = organization.vacancies.prefetch_related("texts").order_by("-created_at").first()
    text = vacancy_text_for_language(vacancy=vacancy, language=language) if vacancy else None
    with translation.override(language):
        return {
            "candidate_name": "Camille Martin",
            "vacancy_title": text.title if text else _("Example vacancy"),
            "organization_name": organization.name,
            "status_url": f"{settings.SITE_URL}/{language}/application/…/",
            "privacy_url": f"{settings.SITE_URL}/{language}/privacy/{organization.slug}/",
            "recruiter_name": _sender_name(sender) or "Dominique Durand",
        }


# --- Drafts ----------------------------------------------------------------------------


def draft_list(*, organization: Organization) -> QuerySet[DraftMessage]:
    """Messages waiting for a recruiter to review and send, oldest first."""
    return (
        DraftMessage.objects.filter(
            application__vacancy__organization=organization, status=DraftMessage.Status.DRAFT
        )
        .select_related("application__candidate", "application__vacancy", "created_by")
        .prefetch_related("application__vacancy__texts")
        .order_by("created_at", "pk")
    )


def draft_get_for_user(*, membership: Membership, pk: int) -> DraftMessage:
    draft = (
        DraftMessage.objects.filter(
            pk=pk, application__vacancy__organization=membership.organization
        )
        .select_related("application__candidate", "application__vacancy__organization")
        .first()
    )
    if draft is None:
        raise Http404("no such draft")
    return draft


# --- An application's messages ---------------------------------------------------------


@dataclass(frozen=True)
class ThreadItem:
    incoming: bool
    at: datetime
    subject: str
    body: str
    who: str  # sender (incoming) or author (outgoing)
    status: str  # an OutboxMessage.Status label, or the InboundMessage status label
    kind: str
    failed: bool = False


def application_thread(*, application: "Application") -> list[ThreadItem]:
    """Every message to and from the candidate about ``application``, oldest first."""
    items: list[ThreadItem] = []
    outgoing = OutboxMessage.objects.filter(application=application).select_related("sender")
    for message in outgoing:
        items.append(
            ThreadItem(
                incoming=False,
                at=message.created_at,
                subject=message.subject,
                body=message.body,
                who=str(message.sender) if message.sender else _("Tremplin (automatic)"),
                status=str(message.get_status_display()),
                kind=message.kind,
                failed=message.status == OutboxMessage.Status.FAILED,
            )
        )
    incoming = InboundMessage.objects.filter(application=application)
    for received in incoming:
        sender = received.from_address
        if received.from_name:
            sender = f"{received.from_name} <{received.from_address}>"
        items.append(
            ThreadItem(
                incoming=True,
                at=received.sent_at or received.received_at,
                subject=received.subject,
                body=received.body_text,
                who=sender,
                status=str(received.get_status_display()),
                kind=received.status,
            )
        )
    return sorted(items, key=lambda item: item.at)
