"""The admin: behind a verified second factor, and without candidates' personal data."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import models
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from tremplin.accounts.models import User

# Everything these apps store is about candidates (their applications, documents, answers,
# mail in and out, reviews and scores, exports), or sits next to it; and the audit log
# names them. None of it belongs in the admin: the workspace reads it, and records reads.
CANDIDATE_DATA_APPS = {"applications", "messaging", "review", "privacy"}
CANDIDATE_DATA_MODELS = {"core.auditevent"}


def holds_candidate_data(model: type[models.Model], seen: frozenset[str] = frozenset()) -> bool:
    """Whether ``model`` is candidates' data, or points (by a foreign key, one-to-one or
    many-to-many, however far) to a model that is."""
    label = model._meta.label_lower
    if model._meta.app_label in CANDIDATE_DATA_APPS or label in CANDIDATE_DATA_MODELS:
        return True
    for field in model._meta.get_fields():
        related = field.related_model if field.is_relation and field.concrete else None
        if (
            isinstance(related, type)
            and related._meta.label_lower not in seen | {label}
            and holds_candidate_data(related, seen | {label})
        ):
            return True
    return False


def test_the_rule_recognises_candidate_data_and_leaves_the_rest():
    candidate_data = ["applications.Candidate", "applications.Document", "review.Review"]
    candidate_data += ["messaging.InboundMessage", "messaging.OutboxMessage", "core.AuditEvent"]
    candidate_data += ["applications.Answer", "privacy.DataExport", "review.CriterionScore"]
    for label in candidate_data:
        assert holds_candidate_data(apps.get_model(label)), label
    for label in ["accounts.Organization", "vacancies.Vacancy", "accounts.User"]:
        assert not holds_candidate_data(apps.get_model(label)), label


def test_no_model_holding_candidate_data_is_registered_in_the_admin():
    registered = []
    for model, model_admin in admin.site._registry.items():
        registered.append(model)
        registered += [inline.model for inline in model_admin.inlines]
    offending = sorted(m._meta.label for m in registered if holds_candidate_data(m))
    assert offending == []


def test_organizations_vacancies_and_users_stay_in_the_admin():
    for label in ["accounts.Organization", "vacancies.Vacancy", "accounts.User"]:
        assert apps.get_model(label) in admin.site._registry, label


@pytest.fixture
def superuser(db) -> User:
    return User.objects.create_superuser("root@example.org", password="root-password")


def verify(client: Client, user: User) -> None:
    """As the two-factor page does once the code is right."""
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def test_a_superuser_with_a_password_only_gets_no_admin_page(client, superuser):
    assert client.login(email="root@example.org", password="root-password")

    for url in [reverse("admin:index"), reverse("admin:accounts_user_changelist")]:
        response = client.get(url, follow=True)

        assert response.redirect_chain, url
        assert response.redirect_chain[-1][0].startswith(reverse("accounts:two_factor")), url
        assert b"Site administration" not in response.content


def test_the_admin_login_form_does_not_let_a_password_alone_in(client, superuser):
    response = client.post(
        reverse("admin:login"), {"username": "root@example.org", "password": "root-password"}
    )

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert client.get(reverse("admin:index")).status_code == 302


def test_an_anonymous_visitor_is_sent_to_the_workspace_login(client, db):
    response = client.get(reverse("admin:index"))

    assert response.status_code == 302
    login = client.get(response["Location"], follow=True)
    assert login.redirect_chain[-1][0].startswith(reverse("accounts:login"))


def test_a_superuser_with_a_verified_device_gets_the_admin(client, superuser):
    client.force_login(superuser)
    verify(client, superuser)

    response = client.get(reverse("admin:index"))

    assert response.status_code == 200
    assert b"Site administration" in response.content
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 200


def test_a_verified_account_that_is_not_staff_is_refused(client, db):
    user = User.objects.create_user("ada@example.org", password="pw")
    client.force_login(user)
    verify(client, user)

    response = client.get(reverse("admin:index"), follow=True)

    assert response.status_code == 403
    assert b"Site administration" not in response.content
