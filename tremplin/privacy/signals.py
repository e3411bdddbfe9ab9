"""Audit events follow their targets: when a row holding candidate data is deleted, however
(an erasure, the admin, a vacancy or organization deleted with everything in it), the
events about it are redacted, so the log keeps no name of a person whose data is gone.

And a person's data exports at an organization follow their applications there when a
correction of their address gives them a candidate row of their own
(``applications.signals.candidate_split``), so the shredders of that subject find them."""

from typing import Any

from django.db import models
from django.db.models.signals import post_delete

from tremplin.applications.models import Candidate
from tremplin.applications.signals import candidate_split
from tremplin.core.audit import audit_events_redact
from tremplin.core.models import AuditEvent
from tremplin.privacy.models import DataExport, candidate_data_models


def _audit_events_redact(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    events = AuditEvent.objects.filter(
        target_type=sender._meta.label_lower, target_id=str(instance.pk)
    )
    audit_events_redact(events)


def audit_follows_deletions() -> None:
    for model in candidate_data_models():
        post_delete.connect(
            _audit_events_redact, sender=model, dispatch_uid=f"audit_{model._meta.label}"
        )


def _exports_follow(
    sender: Any, old: Candidate, new: Candidate, organization: Any, **kwargs: Any
) -> None:
    DataExport.objects.filter(candidate=old, organization=organization).update(candidate=new)


def exports_follow_candidate_split() -> None:
    candidate_split.connect(_exports_follow, dispatch_uid="privacy_exports_follow_split")
