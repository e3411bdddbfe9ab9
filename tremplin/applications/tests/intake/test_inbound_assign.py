"""Assigning an unsorted message to a vacancy makes the application it was meant to be."""

import pytest
from django.core.exceptions import ValidationError

from tremplin.accounts.models import Organization
from tremplin.applications.intake.mail import inbound_assign
from tremplin.applications.models import Application
from tremplin.messaging.inbound.store import inbound_receive
from tremplin.messaging.models import InboundMessage, OutboxMessage
from tremplin.messaging.selectors import inbound_unsorted_list
from tremplin.testing.builders import vacancy_make
from tremplin.testing.mail import PDF, mail
from tremplin.testing.samples import pdf_bytes
from tremplin.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db


def unsorted(raw: bytes | None = None) -> InboundMessage:
    raw = raw or mail(to="jobs@example.org", attachments=[("cv.pdf", pdf_bytes(), PDF)])
    return inbound_receive(raw=raw, channel=InboundMessage.Channel.IMAP).message


def test_the_unsorted_list_shows_what_waits_for_a_recruiter(organization):
    message = unsorted()
    other = Organization.objects.create(name="Other", slug="other", email="hr@other.example")

    assert list(inbound_unsorted_list(organization=organization)) == [message]
    assert list(inbound_unsorted_list(organization=other)) == []


def test_assigning_makes_the_application_and_acknowledges_it(vacancy):
    message = unsorted()

    application = inbound_assign(message=message, vacancy=vacancy)

    assert (application.vacancy, application.source) == (vacancy, Application.Source.EMAIL)
    assert application.documents.filter(role="cv").count() == 1
    assert (message.status, message.application, message.vacancy) == (
        InboundMessage.Status.PROCESSED,
        application,
        vacancy,
    )
    assert OutboxMessage.objects.get().headers["Auto-Submitted"] == "auto-replied"
    assert list(inbound_unsorted_list()) == []


def test_an_automatic_message_assigned_still_gets_no_acknowledgement(vacancy):
    message = unsorted(mail(to="jobs@example.org", headers={"Precedence": "bulk"}))

    inbound_assign(message=message, vacancy=vacancy)

    assert Application.objects.count() == 1
    assert OutboxMessage.objects.count() == 0


def test_a_message_cannot_be_assigned_twice(vacancy):
    message = unsorted()
    inbound_assign(message=message, vacancy=vacancy)

    with pytest.raises(ValidationError, match="not waiting to be assigned"):
        inbound_assign(message=message, vacancy=vacancy)
    assert Application.objects.get().submissions == 1


def test_it_refuses_a_vacancy_of_another_organization_and_changes_nothing(vacancy):
    message = unsorted()
    other = Organization.objects.create(name="Other", slug="other", email="hr@other.example")
    foreign = vacancy_make(other, "treasurer")

    with pytest.raises(ValidationError, match="another organization"):
        inbound_assign(message=message, vacancy=foreign)

    message.refresh_from_db()
    assert message.status == InboundMessage.Status.UNSORTED
    assert Application.objects.count() == 0


def test_it_refuses_a_closed_vacancy_and_changes_nothing(organization):
    message = unsorted()
    closed = vacancy_make(organization, "old-role", status=Vacancy.Status.CLOSED)

    with pytest.raises(ValidationError, match="closed"):
        inbound_assign(message=message, vacancy=closed)

    message.refresh_from_db()
    assert message.status == InboundMessage.Status.UNSORTED
    assert Application.objects.count() == 0
