"""Writing to candidates about their application: the values of the template variables,
messages written by staff, and drafts prepared for a recruiter to review and send.

The mail floor (``messaging``) keeps the templates, renders them and sends; what a
variable means for an application (its vacancy's title, the candidate's status link) is
known here.
"""

import secrets
from collections.abc import Mapping
from datetime import datetime
from email.utils import formataddr

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tremplin.accounts.models import Organization, User
from tremplin.applications.links import application_status_url, organization_privacy_url
from tremplin.applications.models import Application, StageChange
from tremplin.applications.selectors import stage_list
from tremplin.core.audit import Actor, log_action
from tremplin.messaging import rendering
from tremplin.messaging.models import DraftMessage, MessageTemplate, OutboxMessage
from tremplin.messaging.outbox import outbox_queue
from tremplin.messaging.selectors import message_text_for, reply_address
from tremplin.vacancies.selectors import vacancy_text_for_language, vacancy_title_for_language


def _sender_name(sender: User | None) -> str:
    """The sender's name, "" for Tremplin itself or a member who has not given theirs."""
    return sender.get_full_name().strip() if sender is not None else ""


def message_variables(*, application: Application, sender: User | None = None) -> dict[str, str]:
    """The values of the template variables for ``application``, in the candidate's language."""
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
    *, organization: Organization, language: str, sender: User | None = None
) -> dict[str, str]:
    """Made-up values for previewing a template when no application is chosen."""
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


# --- Messages and drafts ---------------------------------------------------------------


def application_message_preview(
    *, application: Application, subject: str, body: str, sender: User | None
) -> tuple[str, str]:
    """The subject and body as the candidate will read them, ``{{ variables }}`` filled in;
    ValidationError for an empty one or an unknown variable."""
    errors = [*rendering.template_errors(subject), *rendering.template_errors(body)]
    if not subject.strip():
        errors.insert(0, _("Write a subject."))
    if not body.strip():
        errors.insert(0, _("Write the message."))
    if errors:
        raise ValidationError(list(dict.fromkeys(errors)), code="message")
    variables = message_variables(application=application, sender=sender)
    return (
        rendering.template_render(subject, variables),
        rendering.template_render(body, variables),
    )


def application_message_send(
    *,
    application: Application,
    subject: str,
    body: str,
    kind: str,
    sender: User | None,
    not_before: datetime | None = None,
) -> OutboxMessage:
    """Queue a message to the candidate, written (or reviewed) by ``sender``.

    ``{{ variables }}`` in the subject and body are filled in; an unknown one raises
    ValidationError and nothing is queued. It carries a Reply-To address with a reply
    token (when the organization has an address), so the answer comes back to the
    application's thread; the Message-ID matches it too. ``not_before``: not sent before
    then (the undo window of a bulk rejection).
    """
    subject, body = application_message_preview(
        application=application, subject=subject, body=body, sender=sender
    )
    token = secrets.token_hex(12)
    headers: dict[str, str] = {}
    organization = application.vacancy.organization
    address = reply_address(organization=organization, token=token)
    if address:
        headers["Reply-To"] = formataddr((organization.name, address))
    message = outbox_queue(
        to=application.candidate.email,
        subject=subject,
        body=body,
        language=application.language,
        headers=headers,
        application=application,
        kind=kind,
        sender=sender,
        reply_token=token,
        not_before=not_before,
    )
    log_action(
        sender,
        "message.send",
        application,
        {"kind": kind, "subject": message.subject, "outbox_message": message.pk},
    )
    return message


def rejection_stage(*, application: Application) -> str:
    """The stage a rejection of ``application`` is written for: the one it left when it was
    not retained (its last move there), else the one it is at."""
    if application.stage != Application.Stage.REJECTED:
        return application.stage
    left = (
        StageChange.objects.filter(application=application, to_stage=application.stage)
        .order_by("-at", "-pk")
        .values_list("from_stage", flat=True)
        .first()
    )
    return left or ""


def draft_text(
    *,
    application: Application,
    kind: str,
    by: User | None = None,
    template: MessageTemplate | None = None,
    stage: str | None = None,
) -> tuple[str, str]:
    """The subject and body of a ``kind`` message to the candidate, in their language, from
    the organization's template (``template`` when given) or Tremplin's default text.

    A rejection without a chosen template takes the text for ``stage``, the stage the
    application leaves (default: ``rejection_stage``; a stage since removed has none), else
    the general one."""
    organization = application.vacancy.organization
    if template is not None and (template.organization_id != organization.pk):
        raise ValueError("the template belongs to another organization")
    if kind == MessageTemplate.Kind.REJECTION and template is None:
        if stage is None:
            stage = rejection_stage(application=application)
        if stage not in {known.key for known in stage_list(organization=organization)}:
            stage = ""  # a stage since removed: its template is not used
    subject, body = message_text_for(
        organization=organization,
        kind=kind,
        language=application.language,
        template=template,
        stage=stage or "",
    )
    return draft_render(application=application, subject=subject, body=body, by=by)


def draft_render(
    *, application: Application, subject: str, body: str, by: User | None = None
) -> tuple[str, str]:
    """``subject`` and ``body`` (a template's text in the candidate's language) with the
    application's variables filled in, as a draft holds them."""
    variables = message_variables(application=application, sender=by)
    return (
        " ".join(_render_leniently(subject, variables).split())[:300],
        _render_leniently(body, variables),
    )


def draft_prepare(
    *,
    application: Application,
    kind: str,
    by: User | None = None,
    template: MessageTemplate | None = None,
    stage: str | None = None,
) -> DraftMessage:
    """A draft of a ``kind`` message to the candidate (``draft_text``), to review and send."""
    subject, body = draft_text(
        application=application, kind=kind, by=by, template=template, stage=stage
    )
    return DraftMessage.objects.create(
        application=application,
        kind=kind,
        language=application.language,
        subject=subject,
        body=body,
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )


def _render_leniently(text: str, variables: Mapping[str, str]) -> str:
    """Fill the variables; a template saved before a variable was retired keeps its text."""
    try:
        return rendering.template_render(text, variables)
    except ValidationError:
        return text


def draft_update(*, draft: DraftMessage, subject: str, body: str) -> DraftMessage:
    """Save the recruiter's edits of a draft still to send; ValidationError otherwise."""
    with transaction.atomic():
        locked = DraftMessage.objects.select_for_update().get(pk=draft.pk)
        _draft_still_open(locked)
        errors = [*rendering.template_errors(subject), *rendering.template_errors(body)]
        if not subject.strip() or not body.strip():
            errors.insert(0, _("The message needs a subject and a text."))
        if errors:
            raise ValidationError(errors, code="message")
        locked.subject = " ".join(subject.split())[:300]
        locked.body = body
        locked.save(update_fields=["subject", "body", "updated_at"])
    draft.refresh_from_db()
    return draft


def _draft_still_open(draft: DraftMessage) -> None:
    if draft.status != DraftMessage.Status.DRAFT:
        raise ValidationError(
            _("This message was already %(status)s: nothing was done.")
            % {"status": draft.get_status_display().lower()},
            code="closed",
        )


def draft_send(
    *, draft: DraftMessage, by: User | None, subject: str | None = None, body: str | None = None
) -> OutboxMessage:
    """Send a reviewed draft (with the recruiter's last edits, when given), once."""
    with transaction.atomic():
        locked = (
            DraftMessage.objects.select_for_update()
            .select_related("application__candidate", "application__vacancy__organization")
            .get(pk=draft.pk)
        )
        _draft_still_open(locked)
        message = application_message_send(
            application=locked.application,
            subject=locked.subject if subject is None else subject,
            body=locked.body if body is None else body,
            kind=locked.kind,
            sender=by,
        )
        locked.subject = message.subject[:300]
        locked.body = message.body
        locked.status = DraftMessage.Status.SENT
        locked.outbox_message = message
        locked.save(update_fields=["subject", "body", "status", "outbox_message", "updated_at"])
    draft.refresh_from_db()
    return message


def draft_discard(*, draft: DraftMessage, by: Actor) -> None:
    with transaction.atomic():
        locked = DraftMessage.objects.select_for_update().get(pk=draft.pk)
        _draft_still_open(locked)
        locked.status = DraftMessage.Status.DISCARDED
        locked.save(update_fields=["status", "updated_at"])
        log_action(by, "message.discard", locked.application, {"kind": locked.kind})
    draft.refresh_from_db()


def drafts_discard_open(*, application: Application, kind: str) -> int:
    """Discard the drafts of ``kind`` still waiting for ``application`` (e.g. a rejection,
    when the application is moved out of "not retained"); return how many."""
    return DraftMessage.objects.filter(
        application=application, kind=kind, status=DraftMessage.Status.DRAFT
    ).update(status=DraftMessage.Status.DISCARDED, updated_at=timezone.now())
