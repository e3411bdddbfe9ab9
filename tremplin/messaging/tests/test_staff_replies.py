"""A candidate's reply comes back to the application's thread, by the reply token of the
address or by the headers, through the same ingestion as applications (ingest-mail)."""

import io

import pytest
from django.core.management import call_command

from tremplin.applications.correspondence import application_message_send
from tremplin.applications.intake.submit import application_submit
from tremplin.messaging.models import InboundMessage, OutboxMessage
from tremplin.testing.mail import mail
from tremplin.testing.staff import staff_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(vacancy):
    return application_submit(
        vacancy=vacancy,
        name="Ada Lovelace",
        email="ada@example.net",
        letter_text="I apply.",
        language="en",
    )


@pytest.fixture
def sent(application, team) -> OutboxMessage:
    return application_message_send(
        application=application,
        subject="Interview",
        body="Are you free on Monday?",
        kind="interview",
        sender=team.recruiter,
    )


def ingest(raw: bytes, *args: str) -> InboundMessage:
    call_command("ingest_mail", *args, stdin=io.BytesIO(raw))
    return InboundMessage.objects.latest("pk")


def test_a_reply_to_the_reply_address_is_filed_on_the_application(client, application, sent, team):
    reply_to = sent.headers["Reply-To"].split("<")[1].rstrip(">")
    assert reply_to == f"Jobs+r-{sent.reply_token}@Example.org"

    message = ingest(
        mail(to=reply_to, subject="Re: Interview", body="Yes, Monday works for me."),
        f"--recipient={reply_to}",
    )

    assert (message.status, message.reason) == ("threaded", "reply")
    assert message.application == application
    assert message.body_text.strip() == "Yes, Monday works for me."
    html = (
        staff_login(client, team.recruiter)
        .get(f"/en/staff/example/applications/{application.pk}/")
        .content.decode()
    )
    assert "Yes, Monday works for me." in html
    assert "From the candidate" in html
    board = client.get("/en/staff/example/applications/vacancy/director/").content.decode()
    assert "New reply" in board


def test_a_reply_matched_by_its_headers_is_filed_on_the_application(application, sent):
    message = ingest(
        mail(
            to="jobs@example.org",
            subject="Re: Interview",
            body="Monday is fine.",
            headers={"In-Reply-To": sent.message_id, "References": sent.message_id},
        )
    )

    assert message.status == InboundMessage.Status.THREADED
    assert message.application == application
    assert InboundMessage.objects.filter(status="unsorted").count() == 0


def test_a_reply_with_attachments_names_them_for_the_recruiter(application, sent):
    from tremplin.testing.mail import PDF
    from tremplin.testing.samples import pdf_bytes

    reply_to = f"jobs+r-{sent.reply_token}@example.org"
    message = ingest(
        mail(to=reply_to, body="Here is my new CV.", attachments=[("cv-2.pdf", pdf_bytes(), PDF)])
    )

    assert message.status == "threaded"
    assert "cv-2.pdf" in message.detail
    assert application.documents.count() == 1  # only the letter: a reply is not a new application


def test_a_reply_to_an_unknown_token_waits_unsorted(application, sent):
    message = ingest(mail(to="jobs+r-0123456789abcdef01234567@example.org", body="Hello?"))

    assert message.status == InboundMessage.Status.UNSORTED
    assert message.application is None


def test_an_automatic_reply_to_our_message_is_not_filed(application, sent):
    reply_to = f"jobs+r-{sent.reply_token}@example.org"
    message = ingest(
        mail(to=reply_to, body="I am away.", headers={"Auto-Submitted": "auto-replied"})
    )

    assert message.status == InboundMessage.Status.IGNORED
