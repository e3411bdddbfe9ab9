"""``tremplin ingest-mail``: a message on stdin, exit status 0, 65 or 75 for the mail server.

The first tests run the command as a mail server does, in a process of its own; the
others call it in the test process, which is quicker.
"""

import io
import os

import pytest
from django.core.management import call_command

from tremplin.applications.models import Application
from tremplin.messaging.models import InboundMessage
from tremplin.testing.mail import PDF, mail
from tremplin.testing.processes import free_port
from tremplin.testing.samples import pdf_bytes


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


def test_an_empty_input_exits_0_and_is_kept_as_refused(cli):
    result = cli.run("ingest-mail", stdin=b"")

    assert result.returncode == 0, result.stderr
    assert cli.query("SELECT status, reason, detail, raw_size FROM messaging_inboundmessage") == [
        ("refused", "unreadable", "empty input: no message", 0)
    ]
    assert len(cli.stored_files()) == 1  # the raw message (encrypted at rest)


# An encoded CR LF in the From name made the header parser raise; a NUL in To was stored
# as it came, which PostgreSQL refuses: either way the mail server got 75 and retried
# the same message for days.
MALFORMED = {
    "crlf-in-encoded-from": (
        b"From: =?utf-8?q?Ada=0D=0ALovelace?= <ada@example.net>\r\n"
        b"To: jobs+director@example.org\r\n"
        b"Subject: =?utf-8?b?Q2FuZGlkYXR1cmUNCmRpcmVjdG9y?=\r\n"
        b"Message-ID: <crlf@example.net>\r\n\r\n"
        b"Dear team, here is my application.\r\n"
    ),
    "nul-in-to": (
        b"From: Ada Lovelace <ada@example.net>\r\n"
        b"To: jobs+director@example.org\x00\r\n"
        b"Subject: Candidature\x00 director\r\n"
        b"Message-ID: <nul@example.net>\r\n\r\n"
        b"Dear team,\x00 here is my application.\r\n"
    ),
}


@pytest.mark.parametrize("raw", MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_header_exits_0_and_the_message_becomes_an_application(cli, raw):
    result = cli.run("ingest-mail", stdin=raw)

    assert result.returncode == 0, result.stderr
    [(status, name, address, subject, size)] = cli.query(
        "SELECT status, from_name, from_address, subject, raw_size FROM messaging_inboundmessage"
    )
    assert (status, name, address) == ("processed", "Ada Lovelace", "ada@example.net")
    assert subject == "Candidature director"
    assert size == len(raw)
    assert cli.query("SELECT count(*) FROM applications_application") == [(1,)]


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
    ("raw", "reason", "says"),
    [
        (b"Hello, this is not an e-mail.\n\nBye\n", "unreadable", "not an RFC 5322 message"),
        (
            b"To: jobs+director@example.org\r\nSubject: hi\r\n\r\nx\r\n",
            "no_sender",
            "no usable sender",
        ),
    ],
    ids=["no-headers", "no-sender"],
)
def test_what_cannot_be_an_application_is_kept_as_refused_with_the_reason(
    vacancy, private_files, raw, reason, says
):
    ingest(raw)

    message = InboundMessage.objects.get()
    assert (message.status, message.reason) == ("refused", reason)
    assert says in message.detail
    assert message.raw.read() == raw
    assert Application.objects.count() == 0


@pytest.mark.django_db
def test_a_message_that_makes_the_intake_fail_is_kept_unsorted_with_the_reason(
    vacancy, poison_candidate
):
    raw = mail(sender="Poison <poison@example.net>", subject="Application")

    ingest(raw)  # no CommandError: exit status 0, the mail server does not retry

    message = InboundMessage.objects.get()
    assert (message.status, message.reason) == ("unsorted", "failed")
    assert "could not be taken automatically" in message.detail
    assert "poisoned" in message.detail
    assert message.organization == vacancy.organization
    assert message.raw.read() == raw
    assert Application.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("raw", MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_header_is_stored_clean_in_the_database(vacancy, raw):
    ingest(raw)  # PostgreSQL refuses NUL in text: it must not reach the database

    message = InboundMessage.objects.get()
    assert (message.status, message.from_address) == ("processed", "ada@example.net")
    assert message.subject == "Candidature director"
    assert message.recipients == ["jobs+director@example.org"]
    application = Application.objects.get()
    assert application.candidate.name == "Ada Lovelace"
