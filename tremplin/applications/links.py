"""Links for candidates, absolute and in a given language, for e-mail: their private status
link (and the pages under it), the link that confirms a second submission replaces the
first one's documents, and the organization's privacy page; and those private links hidden
from staff, who read copies of the mail sent."""

import re

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from tremplin.accounts.models import Organization
from tremplin.applications.models import Application
from tremplin.applications.tokens import application_token, replace_token_make


def application_status_url(
    *, application: Application, view: str = "applications:status", language: str = ""
) -> str:
    """The candidate's private status link, absolute, in ``language`` (the application's
    when not given); or the link of another of their pages under it (``view``)."""
    with translation.override(language or application.language):
        path = reverse(view, kwargs={"token": application_token(public_id=application.public_id)})
    return settings.SITE_URL + path


def organization_privacy_url(*, organization: Organization, language: str) -> str:
    """The organization's public privacy page, absolute, in ``language``."""
    with translation.override(language):
        path = reverse("privacy:organization", kwargs={"org": organization.slug})
    return settings.SITE_URL + path


def application_replace_url(*, application: Application) -> str:
    """The absolute link that confirms the newer submission ``application`` replaces the
    documents of the earlier one, in the application's language."""
    with translation.override(application.language):
        path = reverse(
            "applications:replace",
            kwargs={"token": replace_token_make(public_id=application.public_id)},
        )
    return settings.SITE_URL + path


# A candidate's private links carry a signed token as one path segment under
# /application/ ("…/application/<id>:<signature>/", "…/application/erase/<token>/"):
# whoever holds one acts as the candidate.
_PRIVATE_LINK = re.compile(
    r"https?://[^\s<>\"]*?/application/(?:[\w-]+/)?[^/\s<>\"]+:[^/\s<>\"]+/[^\s<>\"]*"
)


def private_links_hidden(text: str) -> str:
    """``text`` (a message to a candidate, as staff read it) with each of the candidate's
    private links replaced by a note: staff must never see or use them."""
    return _PRIVATE_LINK.sub(gettext("[the candidate’s private link]"), text)
