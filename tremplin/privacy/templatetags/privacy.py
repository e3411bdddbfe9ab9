"""Template tags for what privacy shows on other apps' pages: what organizations tell people
about their data (``privacy.notices``), and where a candidate's copies of their data stand.

``{% load privacy %}``, then:
  ``{% notice_summary organization as notice %}``: the short notice of the application form;
  ``{% decisions_statement organization vacancy as text %}``: "how decisions are made", in
  the page's language;
  ``{{ months|months_text }}``: "6 months", "6 mois";
  ``{{ text|markdown_escape }}``: plain text made safe to put in Markdown;
  ``{% data_export_latest application as latest %}``, ``{% data_exports_recent application
  as exports %}``, ``{% data_export_wait application as wait %}``: the candidate's copies.
"""

import re
from dataclasses import dataclass

from django import template
from django.utils import timezone, translation

from tremplin.accounts.models import Organization
from tremplin.applications.models import Application
from tremplin.core.language import months_text as months_in_words
from tremplin.privacy import notices
from tremplin.privacy.models import DataExport
from tremplin.privacy.selectors import (
    data_export_available,
    data_export_next_request,
    export_too_soon_message,
)
from tremplin.vacancies.models import Vacancy

register = template.Library()

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


@register.simple_tag
def notice_summary(organization: Organization) -> notices.Summary:
    return notices.notice_summary(organization=organization)


@register.simple_tag
def decisions_statement(organization: Organization, vacancy: Vacancy | None = None) -> str:
    return notices.decisions_statement(
        organization=organization, language=translation.get_language() or "", vacancy=vacancy
    )


@register.filter
def months_text(count: int) -> str:
    return months_in_words(int(count))


@register.filter
def markdown_escape(text: object) -> str:
    """Backslash the characters Markdown would read as markup, and keep it on one line."""
    one_line = " ".join(str(text).split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", one_line)


@dataclass(frozen=True)
class ExportState:
    export: DataExport
    available: bool  # ready, not expired: it can be downloaded

    @property
    def pending(self) -> bool:
        return self.export.status == DataExport.Status.PENDING

    @property
    def failed(self) -> bool:
        return self.export.status == DataExport.Status.FAILED

    @property
    def expired(self) -> bool:
        return self.export.status == DataExport.Status.READY and not self.available


def _states(application: Application, limit: int) -> list[ExportState]:
    now = timezone.now()
    exports = DataExport.objects.filter(
        candidate_id=application.candidate_id,
        organization_id=application.vacancy.organization_id,
    ).select_related("requested_by")[:limit]
    return [ExportState(e, data_export_available(export=e, now=now)) for e in exports]


@register.simple_tag
def data_export_latest(application: Application) -> ExportState | None:
    """The candidate's latest copy of their data at the application's organization."""
    states = _states(application, 1)
    return states[0] if states else None


@register.simple_tag
def data_exports_recent(application: Application, limit: int = 5) -> list[ExportState]:
    """The candidate's latest copies at the application's organization, newest first."""
    return _states(application, limit)


@register.simple_tag
def data_export_wait(application: Application) -> str:
    """Empty when the candidate may ask for a new copy now; else from when, in words."""
    next_at = data_export_next_request(
        candidate=application.candidate, organization=application.vacancy.organization
    )
    return "" if next_at is None else export_too_soon_message(next_at=next_at)
