"""Reads on messages and addresses: reply addresses, templates, drafts, an application's thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as _

from tremplin.accounts.models import Membership
from tremplin.messaging import rendering
from tremplin.messaging.addresses import REPLY_TAG_PREFIX, address_tagged
from tremplin.messaging.models import (
    DraftMessage,
    InboundMessage,
    MessageTemplate,
    MessageTemplateText,
    OutboxMessage,
)

if TYPE_CHECKING:
    from tremplin.accounts.models import Organization
    from tremplin.applications.models import Application


def reply_address(*, organization: Organization, token: str) -> str:
    """The Reply-To of a message to a candidate: ``jobs+r-<token>@example.org`` ("" when the
    organization has no recruitment address; replies are then matched by their headers)."""
    return address_tagged(organization.email, f"{REPLY_TAG_PREFIX}{token}")


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
    *,
    organization: Organization,
    kind: str,
    language: str,
    template: MessageTemplate | None = None,
    stage: str = "",
) -> MessageTemplateText | None:
    """The organization's own text for ``kind`` in ``language`` (of ``template`` when given).

    A rejection's text is that of the template for ``stage`` (the stage the application
    leaves), else that of the general one: a stage's template without this language, or a
    template for a stage since removed (never asked for), falls back on the general one.
    """
    texts = MessageTemplateText.objects.filter(
        template__organization=organization, template__kind=kind, language=language
    )
    if template is not None:
        return texts.filter(template=template).first()
    if kind == MessageTemplate.Kind.REJECTION:
        # The stage's own first ("" sorts last, descending), then the general one.
        return texts.filter(template__stage__in={stage, ""}).order_by("-template__stage").first()
    return texts.order_by("template__pk").first()


def message_default_text(*, kind: str, language: str) -> tuple[str, str]:
    """Tremplin's own subject and body for ``kind`` in ``language``, with variables."""
    with translation.override(language):
        return str(rendering.DEFAULT_SUBJECTS[kind]), str(rendering.DEFAULT_BODIES[kind])


def message_text_for(
    *,
    organization: Organization,
    kind: str,
    language: str,
    template: MessageTemplate | None = None,
    stage: str = "",
) -> tuple[str, str]:
    """The subject and body to start from: the organization's text (for a rejection, the
    one for ``stage``, else the general one), else Tremplin's."""
    own = message_template_text(
        organization=organization, kind=kind, language=language, template=template, stage=stage
    )
    if own is not None:
        return own.subject, own.body
    return message_default_text(kind=kind, language=language)


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


def application_thread(*, application: Application) -> list[ThreadItem]:
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
