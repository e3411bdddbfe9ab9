"""RFC 3834: bounces and automatic replies are ignored; automatic or bulk mail gets no answer."""

import pytest

from tremplin.messaging.inbound.automatic import (
    AUTO_REPLY,
    BOUNCE,
    acknowledgement_allowed,
    automatic_ignore_reason,
)
from tremplin.messaging.inbound.parsing import message_parse
from tremplin.testing.mail import mail


def judge(raw: bytes, envelope_sender: str | None = None) -> tuple[str, bool]:
    parsed = message_parse(raw)
    return (
        automatic_ignore_reason(parsed, envelope_sender=envelope_sender),
        acknowledgement_allowed(parsed, envelope_sender=envelope_sender),
    )


def test_a_person_s_message_is_taken_and_answered():
    assert judge(mail()) == ("", True)
    assert judge(mail(headers={"Auto-Submitted": "no"})) == ("", True)
    assert judge(mail(headers={"Return-Path": "<ada@example.net>"})) == ("", True)


@pytest.mark.parametrize(
    "headers",
    [
        {"Auto-Submitted": "auto-generated"},
        {"Auto-Submitted": "auto-notified; owner-email=x@example.net"},
        {"Precedence": "bulk"},
        {"Precedence": "junk"},
        {"Precedence": "list"},
        {"List-Id": "Job seekers <jobs.lists.example.net>"},
    ],
    ids=["auto-generated", "auto-notified", "bulk", "junk", "list", "list-id"],
)
def test_automatic_or_bulk_mail_may_be_an_application_but_gets_no_answer(headers):
    assert judge(mail(headers=headers)) == ("", False)


@pytest.mark.parametrize(
    ("raw", "envelope_sender"),
    [
        (mail(headers={"Return-Path": "<>"}), None),
        (mail(), ""),
        (mail(), "<>"),
        (mail(), "MAILER-DAEMON"),
        (mail(sender="Mail Delivery System <MAILER-DAEMON@mx.example.net>"), None),
        (mail(sender="postmaster@example.net"), None),
        (
            b"From: x@example.net\r\nTo: jobs@example.org\r\nContent-Type: multipart/report; "
            b'report-type=delivery-status; boundary="b"\r\n\r\n--b\r\n\r\nfailed\r\n--b--\r\n',
            None,
        ),
    ],
    ids=[
        "return-path-header",
        "empty-envelope",
        "null-envelope",
        "postfix-null-sender",
        "mailer-daemon",
        "postmaster",
        "dsn",
    ],
)
def test_a_bounce_is_ignored_and_never_answered(raw, envelope_sender):
    assert judge(raw, envelope_sender) == (BOUNCE, False)


@pytest.mark.parametrize(
    "headers",
    [
        {"Auto-Submitted": "auto-replied"},
        {"Auto-Submitted": "Auto-Replied; owner-email=x@example.net"},
        {"X-Autoreply": "yes"},
        {"X-Autorespond": "Out of office"},
        {"Precedence": "auto_reply"},
    ],
)
def test_an_automatic_reply_is_ignored(headers):
    reason, _acknowledge = judge(mail(headers=headers))
    assert reason == AUTO_REPLY


def test_an_envelope_sender_given_by_the_mail_server_wins_over_the_header():
    raw = mail(headers={"Return-Path": "<>"})
    assert judge(raw, envelope_sender="ada@example.net") == ("", True)
