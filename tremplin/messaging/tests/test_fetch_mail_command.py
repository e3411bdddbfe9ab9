"""``tremplin fetch-mail`` against a real dovecot: each message taken once, moved after commit."""

import signal
import time

import pytest
from django.core.management import CommandError, call_command

from tremplin.applications.models import Application
from tremplin.messaging.inbound.store import inbound_raw, inbound_receive
from tremplin.messaging.models import InboundAttempt, InboundMessage
from tremplin.messaging.selectors import inbound_unsorted_list
from tremplin.testing.mail import PDF, mail
from tremplin.testing.samples import pdf_bytes

pytestmark = pytest.mark.django_db

SEEN = b"\\Seen"


def fetch(*args: str) -> None:
    call_command("fetch_mail", *args)


@pytest.mark.parametrize("security", ["tls", "starttls"])
def test_it_turns_the_mailbox_into_applications_and_moves_what_it_took(
    vacancy, imap_mailbox, settings, security
):
    settings.TREMPLIN_IMAP_SECURITY = security
    settings.TREMPLIN_IMAP_PORT = imap_mailbox.server.port(security)
    imap_mailbox.append(mail(attachments=[("cv.pdf", pdf_bytes(), PDF)]))
    imap_mailbox.append(mail(to="jobs@example.org", sender="bob@example.net"))

    fetch()

    application = Application.objects.get()
    assert (application.vacancy, application.source) == (vacancy, Application.Source.EMAIL)
    assert sorted(InboundMessage.objects.values_list("status", "channel")) == [
        ("processed", "imap"),
        ("unsorted", "imap"),
    ]
    assert imap_mailbox.messages("INBOX") == []
    processed = imap_mailbox.messages("Processed")
    assert len(processed) == 2
    assert all(SEEN in flags for _raw, flags in processed)


def test_a_second_run_does_nothing(vacancy, imap_mailbox, capsys):
    imap_mailbox.append(mail())
    fetch()
    capsys.readouterr()

    fetch()

    assert capsys.readouterr().out == ""
    assert InboundMessage.objects.count() == 1
    assert Application.objects.get().submissions == 1
    assert len(imap_mailbox.messages("Processed")) == 1


def test_a_message_that_cannot_be_taken_stays_unread_in_the_inbox_until_next_time(
    vacancy, imap_mailbox, private_files
):
    imap_mailbox.append(mail())
    private_files.parent.mkdir(parents=True, exist_ok=True)
    private_files.write_bytes(b"")  # the storage is broken: a file where its folder should be

    with pytest.raises(CommandError, match="1 message"):
        fetch()

    assert InboundMessage.objects.count() == 0
    assert Application.objects.count() == 0
    [(_raw, flags)] = imap_mailbox.messages("INBOX")
    assert SEEN not in flags
    assert imap_mailbox.messages("Processed") == []

    private_files.unlink()  # repaired
    fetch()

    assert Application.objects.count() == 1
    assert imap_mailbox.messages("INBOX") == []
    assert len(imap_mailbox.messages("Processed")) == 1


def test_a_message_committed_but_not_moved_is_moved_next_time_without_a_second_application(
    vacancy, imap_mailbox, capsys
):
    raw = mail()
    imap_mailbox.append(raw)
    # The previous run committed this message, then lost the connection before moving it.
    inbound_receive(raw=raw, channel=InboundMessage.Channel.IMAP)

    fetch()

    assert "0 message(s) taken, 1 already taken before" in capsys.readouterr().out
    assert InboundMessage.objects.count() == 1
    assert Application.objects.get().submissions == 1
    assert imap_mailbox.messages("INBOX") == []
    assert len(imap_mailbox.messages("Processed")) == 1


def test_a_message_that_keeps_failing_is_quarantined_and_listed_with_the_reason(
    vacancy, imap_mailbox, poison_candidate, settings, capsys
):
    settings.TREMPLIN_IMAP_MAX_ATTEMPTS = 3
    poison = mail(sender=f"Poison <{poison_candidate}>", message_id="<poison@example.net>")
    poison = poison.replace(b"\n", b"\r\n")  # as IMAP gives it back
    imap_mailbox.append(poison)
    imap_mailbox.append(mail(message_id="<fine@example.net>"))

    for _attempt in range(2):  # tried again at each poll, while the others go through
        with pytest.raises(CommandError, match="1 message"):
            fetch()
        assert [raw for raw, _flags in imap_mailbox.messages("INBOX")] == [poison]
    assert Application.objects.count() == 1
    assert InboundAttempt.objects.get(key="<poison@example.net>").attempts == 2

    fetch()  # the third failure: set aside, and the mailbox is no longer stuck on it

    assert "1 moved to Quarantine" in capsys.readouterr().out
    assert imap_mailbox.messages("INBOX") == []
    [(raw, _flags)] = imap_mailbox.messages("Quarantine")
    assert raw == poison
    message = InboundMessage.objects.get(message_id="<poison@example.net>")
    assert (message.status, message.reason) == ("unsorted", "failed")
    assert "failed 3 times" in message.detail and "Quarantine" in message.detail
    assert "poisoned" in message.detail
    assert message in inbound_unsorted_list(organization=vacancy.organization)
    assert inbound_raw(message=message) == poison
    assert InboundAttempt.objects.count() == 0

    fetch()  # nothing left to do
    assert InboundMessage.objects.count() == 2


def test_a_failure_that_passes_is_not_counted_against_the_message(
    vacancy, imap_mailbox, settings, private_files
):
    settings.TREMPLIN_IMAP_MAX_ATTEMPTS = 1
    imap_mailbox.append(mail())
    private_files.parent.mkdir(parents=True, exist_ok=True)
    private_files.write_bytes(b"")  # the storage is broken, not the message

    with pytest.raises(CommandError, match="1 message"):
        fetch()

    assert InboundAttempt.objects.count() == 0
    assert len(imap_mailbox.messages("INBOX")) == 1
    assert imap_mailbox.messages("Quarantine") == []


def test_a_message_that_is_not_an_email_is_kept_as_refused_and_moved(imap_mailbox):
    imap_mailbox.append(b"just some words\r\n\r\nthat are not an e-mail\r\n")

    fetch()

    message = InboundMessage.objects.get()
    assert (message.status, message.reason) == ("refused", "unreadable")
    assert len(imap_mailbox.messages("Processed")) == 1


def test_automatic_replies_in_the_mailbox_are_ignored_and_moved(vacancy, imap_mailbox):
    imap_mailbox.append(mail(headers={"Auto-Submitted": "auto-replied"}, subject="Out of office"))

    fetch()

    assert InboundMessage.objects.get().status == "ignored"
    assert Application.objects.count() == 0
    assert imap_mailbox.messages("INBOX") == []


def test_a_certificate_it_cannot_verify_is_refused(imap_mailbox, settings):
    settings.TREMPLIN_IMAP_CA_FILE = ""  # the system's authorities do not know the test's

    with pytest.raises(CommandError, match=r"cannot connect to .*CERTIFICATE_VERIFY_FAILED"):
        fetch()

    assert InboundMessage.objects.count() == 0


def test_without_a_host_it_says_there_is_no_mailbox(settings):
    settings.TREMPLIN_IMAP_HOST = ""

    with pytest.raises(CommandError, match="TREMPLIN_IMAP_HOST is not set"):
        fetch()


def test_with_every_it_polls_until_stopped(cli, imap_mailbox):
    imap_mailbox.append(mail(message_id="<first@example.net>"))
    process = cli.start("fetch-mail", "--every", "0.2", env=imap_mailbox.environ())
    try:
        wait_for(lambda: cli.query("SELECT count(*) FROM applications_application") == [(1,)])
        imap_mailbox.append(mail(sender="bob@example.net", message_id="<second@example.net>"))
        wait_for(lambda: cli.query("SELECT count(*) FROM applications_application") == [(2,)])
        wait_for(lambda: imap_mailbox.messages("INBOX") == [])
    finally:
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=30)

    assert process.returncode == 0, err
    assert len(imap_mailbox.messages("Processed")) == 2


def wait_for(condition, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.1)


# Last: after a failed login dovecot slows down the next login from 127.0.0.1 for a while.
def test_a_wrong_password_fails_with_a_clear_message(imap_mailbox, settings):
    settings.TREMPLIN_IMAP_PASSWORD = "wrong"

    with pytest.raises(CommandError, match=r"cannot log in to 127\.0\.0\.1"):
        fetch()
