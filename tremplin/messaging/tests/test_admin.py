"""The admin: the unsorted list with its "assign" action, and failed outgoing mail."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Permission
from django.urls import reverse

from tremplin.accounts.models import Membership, User
from tremplin.applications.models import Application
from tremplin.messaging.models import InboundMessage, OutboxMessage
from tremplin.messaging.services import inbound_receive, outbox_queue
from tremplin.messaging.tests.mail import mail
from tremplin.vacancies.models import Organization

pytestmark = pytest.mark.django_db

INBOX = reverse("admin:messaging_inboundmessage_changelist")
OUTBOX = reverse("admin:messaging_outboxmessage_changelist")


def unsorted(to: str = "jobs@example.org", sender: str = "ada@example.net") -> InboundMessage:
    raw = mail(to=to, sender=sender, subject=f"Application from {sender}")
    return inbound_receive(raw=raw, channel="imap").message


@pytest.fixture
def recruiter(organization: Organization) -> User:
    user = User.objects.create_user("rita@example.org", password="pw", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_inboundmessage", "view_outboxmessage"])
    )
    Membership.objects.create(user=user, organization=organization, role="recruiter")
    return user


def test_the_unsorted_list_shows_the_messages_to_assign(admin_client, vacancy):
    unsorted()

    response = admin_client.get(INBOX, {"status__exact": "unsorted"})

    assert response.status_code == 200
    assert b"Application from ada@example.net" in response.content
    assert b"Sent to the general address, without a vacancy tag" in response.content


def test_assigning_from_the_admin_makes_the_application(admin_client, vacancy):
    message = unsorted()
    form = {"action": "assign", ACTION_CHECKBOX_NAME: [message.pk]}

    page = admin_client.post(INBOX, form)
    assert page.status_code == 200
    assert b"Director" in page.content  # the vacancy to choose
    done = admin_client.post(INBOX, {**form, "apply": "1", "vacancy": vacancy.pk}, follow=True)

    assert done.status_code == 200
    assert Application.objects.get().vacancy == vacancy
    message.refresh_from_db()
    assert message.status == InboundMessage.Status.PROCESSED


def test_an_invalid_choice_of_vacancy_changes_nothing(admin_client, vacancy):
    message = unsorted()

    response = admin_client.post(
        INBOX,
        {"action": "assign", ACTION_CHECKBOX_NAME: [message.pk], "apply": "1", "vacancy": "999"},
    )

    assert response.status_code == 200
    assert b"Select a valid choice" in response.content
    assert Application.objects.count() == 0


def test_a_recruiter_sees_the_messages_of_their_organization_only(client, recruiter, vacancy):
    unsorted()
    Organization.objects.create(name="Other", slug="other", email="hr@other.example")
    unsorted(to="hr@other.example", sender="eve@example.net")
    client.force_login(recruiter)

    response = client.get(INBOX)

    assert b"ada@example.net" in response.content
    assert b"eve@example.net" not in response.content


def test_a_failed_outgoing_message_is_visible_and_can_be_sent_again(admin_client):
    message = outbox_queue(to="ada@example.net", subject="Hello", body="b", language="en")
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxMessage.Status.FAILED, attempts=10, last_error="SMTPConnectError"
    )

    response = admin_client.get(OUTBOX, {"status__exact": "failed"})
    assert b"ada@example.net" in response.content

    admin_client.post(OUTBOX, {"action": "retry", ACTION_CHECKBOX_NAME: [message.pk]})
    message.refresh_from_db()
    assert (message.status, message.attempts) == (OutboxMessage.Status.QUEUED, 0)
