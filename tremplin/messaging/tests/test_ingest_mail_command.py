"""``tremplin ingest-mail``: a message on stdin, exit status 0, 65 or 75 for the mail server.

The first tests run the command as a mail server does, in a process of its own; the
others call it in the test process, which is quicker.
"""

import io
import os

import pytest
from django.core.management import CommandError, call_command

from tremplin.applications.models import Application
from tremplin.messaging.models import InboundMessage
from tremplin.messaging.tests.mail import PDF, mail, pdf_bytes
from tremplin.testing.mailservers import free_port


def test_a_message_taken_exits_0_and_becomes_an_application(cli):
    result = cli.run("ingest-mail", stdin=mail(attachments=[("cv.pdf", pdf_bytes(), PDF)]))

    assert result.returncode == 0, result.stderr
    assert cli.query("SELECT source FROM applications_application") == [("email",)]
    assert cli.query("SELECT status, channel FROM messaging_inboundmessage") == [
        ("processed", "pipe")
    ]
    assert cli.query("SELECT role FROM applications_document ORDER BY role") == [
        ("cv",),
        ("letter",),
    ]
    assert cli.query("SELECT count(*) FROM messaging_outboxmessage") == [(1,)]


def test_an_empty_input_exits_65_with_one_line_and_stores_nothing(cli):
    result = cli.run("ingest-mail", stdin=b"")

    assert result.returncode == os.EX_DATAERR == 65
    assert len(result.stderr.decode().strip().splitlines()) == 1
    assert b"no message" in result.stderr
    assert cli.query("SELECT count(*) FROM messaging_inboundmessage") == [(0,)]
    assert cli.stored_files() == []


def test_with_the_database_down_it_exits_75_so_the_mail_server_keeps_the_message(cli):
    closed = f"postgres://postgres@127.0.0.1:{free_port()}/tremplin"

    result = cli.run("ingest-mail", stdin=mail(), env={"DATABASE_URL": closed})

    assert result.returncode == os.EX_TEMPFAIL == 75
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1
    assert "temporary failure" in lines[0]
    assert cli.stored_files() == []


def test_with_broken_settings_it_exits_75_before_starting_so_no_mail_bounces(cli):
    result = cli.run("ingest-mail", stdin=mail(), env={"SECRET_KEY": "", "DEBUG": "false"})

    assert result.returncode == os.EX_TEMPFAIL == 75
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1
    assert "SECRET_KEY is not set" in lines[0]
    assert cli.stored_files() == []


def ingest(raw: bytes, *args: str) -> None:
    call_command("ingest_mail", *args, stdin=io.BytesIO(raw))


@pytest.mark.django_db
def test_the_same_message_piped_twice_is_taken_once(vacancy):
    raw = mail()
    ingest(raw)
    ingest(raw)

    assert InboundMessage.objects.count() == 1
    assert Application.objects.get().submissions == 1


@pytest.mark.django_db
def test_a_bounce_given_by_its_empty_envelope_sender_is_taken_and_ignored(vacancy):
    ingest(mail(subject="Undelivered"), "--sender", "")

    message = InboundMessage.objects.get()
    assert (message.status, message.reason) == ("ignored", "bounce")
    assert Application.objects.count() == 0


@pytest.mark.django_db
def test_the_envelope_recipient_routes_the_message(vacancy):
    ingest(mail(to="Undisclosed recipients:;"), "--recipient", "jobs+director@example.org")

    assert Application.objects.get().vacancy == vacancy


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (b"Hello, this is not an e-mail.\n\nBye\n", "not an RFC 5322 message"),
        (b"To: jobs+director@example.org\r\nSubject: hi\r\n\r\nx\r\n", "no usable sender"),
    ],
    ids=["no-headers", "no-sender"],
)
def test_what_cannot_be_read_exits_65_and_stores_nothing(vacancy, private_files, raw, says):
    with pytest.raises(CommandError) as raised:
        ingest(raw)

    assert raised.value.returncode == 65
    assert says in str(raised.value)
    assert InboundMessage.objects.count() == 0
    assert not private_files.exists() or not any(private_files.rglob("*.eml"))
