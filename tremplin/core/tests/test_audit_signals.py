"""Logins, failed logins and logouts go to the audit log, without the password."""

import json

import pytest
from django.urls import reverse

from tremplin.accounts.models import Organization
from tremplin.core.models import AuditEvent
from tremplin.testing.staff import member_create

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


@pytest.fixture
def rita(settings):
    settings.RATELIMIT_ENABLE = False
    organization = Organization.objects.create(name="Communs", slug="communs")
    return member_create(
        email="rita@example.org", organization=organization, role="recruiter", password=PASSWORD
    )


def login(client, email: str, password: str):
    return client.post(reverse("accounts:login"), {"username": email, "password": password})


def test_a_login_is_recorded_against_the_user_and_no_organization(client, rita) -> None:
    response = login(client, "rita@example.org", PASSWORD)
    assert response.status_code == 302
    event = AuditEvent.objects.get(verb="auth.login")
    assert (event.actor, event.actor_label, event.organization) == (rita, "rita@example.org", None)
    assert PASSWORD not in json.dumps(event.data)


def test_a_failed_login_keeps_the_e_mail_typed_and_never_the_password(client, rita) -> None:
    response = login(client, "Rita@Example.org", "wrong-password-123")
    assert response.status_code == 200
    event = AuditEvent.objects.get()
    assert event.verb == "auth.login_failed"
    assert event.actor is None
    assert event.actor_label == "Rita@Example.org"
    assert event.data == {"email": "rita@example.org"}
    assert "wrong-password-123" not in json.dumps(event.data) + str(event)


def test_a_logout_is_recorded(client, rita) -> None:
    login(client, "rita@example.org", PASSWORD)
    client.post(reverse("accounts:logout"))
    event = AuditEvent.objects.get(verb="auth.logout")
    assert (event.actor, event.organization) == (rita, None)


def test_logging_out_when_not_logged_in_records_nothing(client, rita) -> None:
    client.post(reverse("accounts:logout"))
    assert not AuditEvent.objects.exists()
