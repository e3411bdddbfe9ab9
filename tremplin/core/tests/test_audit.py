import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tremplin.accounts.models import Organization
from tremplin.core.audit import audit_events_written, log_action, log_actions
from tremplin.core.models import AuditEvent
from tremplin.testing.staff import member_create
from tremplin.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db


def test_it_records_who_did_what_to_which_object_in_which_organization() -> None:
    organization = Organization.objects.create(name="Communs", slug="communs")
    vacancy = Vacancy.objects.create(organization=organization, slug="lead")
    rita = member_create(email="rita@example.org", organization=organization, role="recruiter")

    log_action(rita, "vacancy.publish", vacancy, {"from": "draft"})

    event = AuditEvent.objects.get()
    assert (event.actor, event.actor_label, event.verb) == (
        rita,
        "rita@example.org",
        "vacancy.publish",
    )
    assert (event.target_type, event.target_id) == ("vacancies.vacancy", str(vacancy.pk))
    assert event.organization == organization
    assert event.data == {"from": "draft"}


def test_it_masks_secrets_however_deep_they_sit() -> None:
    log_action(
        None,
        "login.failed",
        None,
        {"email": "a@b.c", "password": "hunter2", "nested": [{"api_token": "abc"}]},
    )

    event = AuditEvent.objects.get()
    assert event.actor_label == "system"
    assert event.data == {
        "email": "a@b.c",
        "password": "********",
        "nested": [{"api_token": "********"}],
    }
    assert "hunter2" not in str(event.data)


def test_many_events_are_written_in_one_insert_and_announced_together() -> None:
    north = Organization.objects.create(name="North", slug="north")
    south = Organization.objects.create(name="South", slug="south")
    announced: list[list[AuditEvent]] = []

    def heard(sender: object, events: list[AuditEvent], **kwargs: object) -> None:
        announced.append(list(events))

    audit_events_written.connect(heard)
    try:
        with CaptureQueriesContext(connection) as captured:
            events = log_actions(
                None,
                [
                    ("candidate.erased", {"counts": {"identity": 2}, "token": "abc"}, north),
                    ("application.erased", {"applications": [7]}, south),
                ],
            )
    finally:
        audit_events_written.disconnect(heard)

    assert [q["sql"].split(" (")[0] for q in captured if "core_auditevent" in q["sql"]] == [
        'INSERT INTO "core_auditevent"'
    ]
    assert announced == [events]
    stored = list(AuditEvent.objects.order_by("pk"))
    assert stored == events
    assert [(e.verb, e.organization, e.actor_label) for e in stored] == [
        ("candidate.erased", north, "system"),
        ("application.erased", south, "system"),
    ]
    assert stored[0].data == {"counts": {"identity": 2}, "token": "********"}
    assert all(e.at is not None for e in stored)
