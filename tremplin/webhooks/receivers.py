"""What fires the events: the rows the floors below write, in the transaction that writes
them (as pretix fires its webhooks from the log entries its base writes), so nothing below
has to call up.

- ``application.created``: a new Application row (the intake: web form and mail alike);
- ``application.stage_changed``: the audit event ``application.stage`` that every move
  writes (``applications.services.application_move`` and the bulk move);
- ``vacancy.published`` and ``vacancy.closed``: the audit events ``vacancy.publish``,
  ``vacancy.reopen`` and ``vacancy.close`` of ``vacancies.services.vacancy_status_change``;
- ``candidate.erased``: the audit events ``candidate.erased`` and ``application.erased``
  of every erasure (``privacy.erasure.shred_many``: on request, by retention, on replay),
  with the erased applications' ids only. An erasure writes its events in one INSERT
  (``core.audit.log_actions``), which sends ``audit_events_written`` instead of a post_save
  each: the endpoints are read once per organization, not once per event.
"""

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from django.db.models.signals import post_save

from tremplin.applications.models import Application
from tremplin.applications.selectors import stage_label, stage_list
from tremplin.core.audit import audit_events_written
from tremplin.core.models import AuditEvent
from tremplin.vacancies.models import Vacancy
from tremplin.vacancies.selectors import vacancy_name
from tremplin.webhooks.events import endpoints_subscribed, event_record

VACANCY_VERBS = {
    "vacancy.publish": "vacancy.published",
    "vacancy.reopen": "vacancy.published",
    "vacancy.close": "vacancy.closed",
}
ERASURE_VERBS = {"candidate.erased", "application.erased"}
DISPATCH_UID = "tremplin.webhooks"


def _vacancy_ref(vacancy: Vacancy) -> dict[str, Any]:
    return {"id": vacancy.pk, "slug": vacancy.slug}


def application_created(sender: Any, instance: Application, created: bool, **kwargs: Any) -> None:
    if not created or kwargs.get("raw"):
        return
    vacancy = instance.vacancy
    endpoints = endpoints_subscribed(
        organization_id=vacancy.organization_id, event="application.created"
    )
    if not endpoints:
        return
    event_record(
        endpoints=endpoints,
        event="application.created",
        data={
            "application": {"id": instance.pk, "stage": instance.stage},
            "vacancy": _vacancy_ref(vacancy),
        },
        words={"vacancy": vacancy_name(vacancy=vacancy)},
    )


def _application_moved(event: AuditEvent) -> None:
    # The endpoints first, from the event's own organization: with none subscribed (the
    # common case), a move of 500 applications reads nothing more than that.
    if event.organization_id is None:
        return
    endpoints = endpoints_subscribed(
        organization_id=event.organization_id, event="application.stage_changed"
    )
    if not endpoints:
        return
    application = (
        Application.objects.select_related("vacancy__organization")
        .filter(pk=event.target_id)
        .first()
    )
    if application is None:
        return
    vacancy = application.vacancy
    stages = stage_list(organization=vacancy.organization)
    to_stage = str(event.data.get("to", application.stage))
    event_record(
        endpoints=endpoints,
        event="application.stage_changed",
        data={
            "application": {"id": application.pk, "stage": to_stage},
            "vacancy": _vacancy_ref(vacancy),
            "from": event.data.get("from", ""),
            "to": to_stage,
        },
        words={
            "vacancy": vacancy_name(vacancy=vacancy),
            "stage": stage_label(stages=stages, key=to_stage),
        },
    )


def _vacancy_changed(event: AuditEvent) -> None:
    vacancy = Vacancy.objects.filter(pk=event.target_id).first()
    if vacancy is None:
        return
    endpoints = endpoints_subscribed(
        organization_id=vacancy.organization_id, event=VACANCY_VERBS[event.verb]
    )
    event_record(
        endpoints=endpoints,
        event=VACANCY_VERBS[event.verb],
        data={"vacancy": {**_vacancy_ref(vacancy), "status": vacancy.status}},
        words={"vacancy": vacancy_name(vacancy=vacancy)},
    )


def _erased(events: Sequence[AuditEvent]) -> None:
    """One ``candidate.erased`` per erasure event, the endpoints read once per organization."""
    by_organization: dict[int, list[AuditEvent]] = defaultdict(list)
    for event in events:
        if event.organization_id is not None:
            by_organization[event.organization_id].append(event)
    for organization_id, theirs in by_organization.items():
        endpoints = endpoints_subscribed(organization_id=organization_id, event="candidate.erased")
        if not endpoints:
            continue
        for event in theirs:
            ids = [int(pk) for pk in event.data.get("applications", [])]
            event_record(
                endpoints=endpoints,
                event="candidate.erased",
                data={"applications": [{"id": pk} for pk in ids]},
            )


def audit_event_written(sender: Any, instance: AuditEvent, created: bool, **kwargs: Any) -> None:
    if not created or kwargs.get("raw"):
        return
    if instance.verb == "application.stage" and instance.target_type == "applications.application":
        _application_moved(instance)
    elif instance.verb in VACANCY_VERBS and instance.target_type == "vacancies.vacancy":
        _vacancy_changed(instance)
    elif instance.verb in ERASURE_VERBS:
        _erased([instance])


def audit_events_bulk_written(sender: Any, events: Sequence[AuditEvent], **kwargs: Any) -> None:
    """Events written in one INSERT (``core.audit.log_actions``): erasures only, so far."""
    _erased([event for event in events if event.verb in ERASURE_VERBS])


def events_follow_changes() -> None:
    post_save.connect(application_created, sender=Application, dispatch_uid=DISPATCH_UID)
    post_save.connect(audit_event_written, sender=AuditEvent, dispatch_uid=DISPATCH_UID)
    audit_events_written.connect(
        audit_events_bulk_written, sender=AuditEvent, dispatch_uid=DISPATCH_UID
    )
