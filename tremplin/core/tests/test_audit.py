import pytest

from tremplin.accounts.models import Organization
from tremplin.core.audit import log_action
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
