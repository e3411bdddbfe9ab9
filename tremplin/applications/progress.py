"""What a candidate sees of their application's way through the pipeline.

The status page lists the stages passed with their dates. It shows the built-in stages by
their public names (Received, Screening, Interview, Not retained…), which say nothing the
current stage does not already say; the organization's own stages, whose names are written
for staff ("Ask Marie about the salary"), all read "In progress", and several in a row count
as one. Who moved the application and why (rejection reasons, notes) stay with the staff.
"""

from dataclasses import dataclass
from datetime import datetime

from tremplin.applications.models import Application
from tremplin.applications.selectors import application_stage_public_label


@dataclass(frozen=True)
class ProgressStep:
    label: str
    at: datetime


def application_progress(*, application: Application) -> list[ProgressStep]:
    """The stages ``application`` went through, oldest first, in the active language."""
    steps = [
        ProgressStep(
            label=application_stage_public_label(stage=Application.Stage.RECEIVED),
            at=application.created_at,
        )
    ]
    for to_stage, at in application.stage_changes.order_by("at", "pk").values_list(
        "to_stage", "at"
    ):
        label = application_stage_public_label(stage=to_stage)
        if label != steps[-1].label:
            steps.append(ProgressStep(label=label, at=at))
    return steps
