"""Template tags for where a candidate's copies of their data stand, on the pages that show
them (privacy's own fragments, included in the status page and the staff application page).

``{% load privacy %}``, then ``{% data_export_latest application as latest %}``,
``{% data_exports_recent application as exports %}``, ``{% data_export_wait application as
wait %}``.
"""

from dataclasses import dataclass

from django import template
from django.utils import timezone

from tremplin.applications.models import Application
from tremplin.privacy.models import DataExport
from tremplin.privacy.selectors import (
    data_export_available,
    data_export_next_request,
    export_too_soon_message,
)

register = template.Library()


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
