"""Template tags for the copies of candidates' data: where the latest copy stands."""

from dataclasses import dataclass

from django import template
from django.utils import timezone

from tremplin.applications.models import Application
from tremplin.privacy.exports import data_export_available
from tremplin.privacy.models import DataExport

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
