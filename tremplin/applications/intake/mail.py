"""Applications by e-mail: what becomes of a message a person sent to an organization.

The mail floor stores and reads the message, then calls ``mail_take`` (registered in
``ApplicationsConfig.ready``): a reply to one of our messages goes on its application's
thread, a message for an open vacancy becomes an application, anything else waits
unsorted until a recruiter assigns it to a vacancy (``inbound_assign``).
"""

import logging
from collections.abc import Sequence

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.accounts.models import Organization
from tremplin.applications.intake.attachments import attachments_sort
from tremplin.applications.intake.routing import inbound_route
from tremplin.applications.intake.submit import application_submit
from tremplin.applications.models import Application
from tremplin.core.audit import Actor, log_action
from tremplin.core.language import detect_language
from tremplin.messaging.inbound.handler import Arrival, InboundHandler
from tremplin.messaging.inbound.parsing import ParsedMessage, UnreadableMessage, message_parse
from tremplin.messaging.inbound.store import failure_is_transient, failure_text, inbound_raw
from tremplin.messaging.models import InboundMessage
from tremplin.vacancies.models import Vacancy

logger = logging.getLogger(__name__)

# The text of a reply filed on an application is kept up to this length (the raw message
# is kept whole).
REPLY_TEXT_MAX_CHARS = 100_000


def _vacancy_language(vacancy: Vacancy) -> str:
    languages = sorted(vacancy.texts.values_list("language", flat=True))
    if len(languages) == 1:
        return languages[0]
    if vacancy.application_language:
        return vacancy.application_language
    if settings.LANGUAGE_CODE in languages or not languages:
        return settings.LANGUAGE_CODE
    return languages[0]


def _candidate_language(parsed: ParsedMessage, vacancy: Vacancy) -> str:
    """The language the candidate wrote in, else the vacancy's."""
    return (
        detect_language(parsed.body_text)
        or detect_language(parsed.subject)
        or _vacancy_language(vacancy)
    )


def _application_from_message(
    *, parsed: ParsedMessage, vacancy: Vacancy, acknowledge: bool
) -> Application:
    """``application_submit`` with what the message holds; raises ValidationError."""
    attachments = attachments_sort(parsed.attachments)
    return application_submit(
        vacancy=vacancy,
        name=parsed.from_name or parsed.from_address.partition("@")[0],
        email=parsed.from_address,
        files=attachments.files,
        letter_text="" if attachments.has_letter else parsed.body_text,
        source=Application.Source.EMAIL,
        language=_candidate_language(parsed, vacancy),
        acknowledge=acknowledge,
        notes=[*parsed.notes, *attachments.notes],
    )


def mail_take(row: InboundMessage, arrival: Arrival) -> None:
    """Fill in ``row`` for a message a person sent: a reply, an application, or unsorted."""
    parsed = arrival.parsed
    route = inbound_route(recipients=arrival.recipients)
    row.organization = route.organization
    row.vacancy = route.vacancy
    replied = arrival.replied_to
    if replied is not None:
        # A candidate answering one of our messages is writing to a person: it goes
        # on the application's thread (an application built from it would replace
        # their letter with "Thank you!"); a reply to anything else waits unsorted.
        row.reason = InboundMessage.Reason.REPLY
        row.application = replied.application
        if replied.application is None:
            row.status = InboundMessage.Status.UNSORTED
            return
        row.status = InboundMessage.Status.THREADED
        # A reply is contact: the retention of a talent pool counts from it.
        replied.application.last_contact_at = timezone.now()
        replied.application.save(update_fields=["last_contact_at"])
        row.vacancy = replied.application.vacancy
        row.organization = replied.application.vacancy.organization
        row.body_text = parsed.body_text[:REPLY_TEXT_MAX_CHARS]
        if parsed.attachments:
            row.detail = _("Attached: %(names)s") % {
                "names": ", ".join(attachment.name for attachment in parsed.attachments)
            }
        return
    if route.reason or route.vacancy is None:
        row.status = InboundMessage.Status.UNSORTED
        row.reason = route.reason
        row.detail = route.detail
        return
    try:
        with transaction.atomic():
            application = _application_from_message(
                parsed=parsed, vacancy=route.vacancy, acknowledge=arrival.acknowledge
            )
    except ValidationError as exc:
        row.status = InboundMessage.Status.REFUSED
        row.reason = InboundMessage.Reason.INVALID
        row.detail = " ".join(exc.messages)
    else:
        row.status = InboundMessage.Status.PROCESSED
        row.application = application


def mail_organization(recipients: Sequence[str]) -> Organization | None:
    """The organization a message sent to ``recipients`` is for, if any."""
    return inbound_route(recipients=recipients).organization


HANDLER = InboundHandler(take=mail_take, organization=mail_organization)


def inbound_assign(*, message: InboundMessage, vacancy: Vacancy, by: Actor = None) -> Application:
    """Make the application an unsorted message was meant to be, for ``vacancy``.

    Raises ValidationError (changing nothing) when the message is not unsorted, the
    vacancy belongs to another organization, or the application itself is refused.
    """
    with transaction.atomic():
        locked = InboundMessage.objects.select_for_update().get(pk=message.pk)
        if locked.status != InboundMessage.Status.UNSORTED:
            raise ValidationError(
                _("This message is not waiting to be assigned: it is “%(status)s”.")
                % {"status": locked.get_status_display()},
                code="not_unsorted",
            )
        if locked.organization_id and vacancy.organization_id != locked.organization_id:
            raise ValidationError(
                _("The vacancy belongs to another organization than the message was sent to."),
                code="other_organization",
            )
        parsed = message_parse(inbound_raw(message=locked))
        if parsed.unreadable:
            raise UnreadableMessage(parsed.unreadable)
        try:
            with transaction.atomic():
                application = _application_from_message(
                    parsed=parsed, vacancy=vacancy, acknowledge=locked.acknowledge
                )
        except ValidationError:
            raise
        except Exception as exc:  # the message itself makes the intake fail, as it did on arrival
            if failure_is_transient(exc):
                raise
            logger.exception("inbound %s could not be assigned", locked.pk)
            raise ValidationError(
                _("This e-mail could not be made an application: %(error)s")
                % {"error": failure_text(exc)},
                code="failed",
            ) from exc
        locked.status = InboundMessage.Status.PROCESSED
        locked.vacancy = vacancy
        locked.organization = vacancy.organization
        locked.application = application
        locked.save(update_fields=["status", "vacancy", "organization", "application"])
        if by is not None:
            log_action(by, "inbound.assign", locked, {"application": application.pk})
    message.refresh_from_db()
    return application
