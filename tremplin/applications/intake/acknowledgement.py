"""The acknowledgement: the e-mail that tells a candidate their application came."""

import logging

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.translation import gettext

from tremplin.applications.correspondence import message_variables
from tremplin.applications.intake.replacement import replace_offer
from tremplin.applications.models import Application
from tremplin.messaging.models import MessageTemplate
from tremplin.messaging.outbox import outbox_compose
from tremplin.messaging.rendering import template_render
from tremplin.messaging.selectors import message_template_text

logger = logging.getLogger(__name__)

ACKNOWLEDGEMENT_HEADERS = {"Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All"}


def _privacy_footer(body: str, *, url: str) -> str:
    """An acknowledgement is the first message an e-mail applicant gets: it always says
    where the privacy notice is (GDPR Art. 13), even when the organization's own wording
    forgot to."""
    if url in body:
        return body
    line = gettext("How your data is used, how long it is kept, and your rights: %(url)s")
    return body.rstrip("\n") + "\n\n" + line % {"url": url} + "\n"


def _organization_text(application: Application) -> tuple[str, str] | None:
    """The organization's acknowledgement in the candidate's language, filled in; None when
    it has none there, or when it is not valid (Tremplin's own text is used then)."""
    own = message_template_text(
        organization=application.vacancy.organization,
        kind=MessageTemplate.Kind.ACKNOWLEDGEMENT,
        language=application.language,
    )
    if own is None:
        return None
    variables = message_variables(application=application)
    try:
        subject, body = (
            template_render(own.subject, variables),
            template_render(own.body, variables),
        )
    except ValidationError:
        logger.warning("acknowledgement template %s is not valid: default text", own.pk)
        return None
    return subject, _privacy_footer(body, url=variables["privacy_url"])


def _default_text(application: Application) -> tuple[str, str]:
    variables = message_variables(application=application)
    vacancy = application.vacancy
    context = {
        "application": application,
        "candidate": application.candidate,
        "vacancy": vacancy,
        "organization": vacancy.organization,
        "title": variables["vacancy_title"],
        "status_url": variables["status_url"],
        "privacy_url": variables["privacy_url"],
    }
    subject = gettext("Application received: %(title)s") % {"title": variables["vacancy_title"]}
    return subject, render_to_string("applications/email/acknowledgement.txt", context)


def application_acknowledge(*, application: Application) -> None:
    """Queue the acknowledgement e-mail, in the candidate's language, with the status link:
    the organization's acknowledgement template in that language when it has one, else
    Tremplin's own text. A second submission's acknowledgement offers to replace the
    earlier documents (``replace_offer``)."""

    def compose() -> tuple[str, str]:
        subject, body = _organization_text(application) or _default_text(application)
        return subject, replace_offer(body, application=application)

    outbox_compose(
        to=application.candidate.email,
        language=application.language,
        compose=compose,
        headers=ACKNOWLEDGEMENT_HEADERS,
        application=application,
        kind="acknowledgement",
    )
