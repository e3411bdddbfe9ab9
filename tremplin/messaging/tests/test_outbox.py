"""The outbox: queued in the caller's transaction, sent once, retried while SMTP is down."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tremplin.messaging.models import OutboxMessage
from tremplin.messaging.outbox import (
    Attachment,
    outbox_queue,
    outbox_retry,
    outbox_retry_delay,
    outbox_send,
)
from tremplin.testing.worker import run_worker

pytestmark = pytest.mark.django_db(transaction=True)

ACK_HEADERS = {"Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All"}


def queue(to: str = "ada@example.net") -> OutboxMessage:
    with transaction.atomic():
        return outbox_queue(
            to=to,
            subject="Your application was received",
            body="Thank you, we have your application.",
            language="en",
            headers=ACK_HEADERS,
            kind="acknowledgement",
        )


def test_it_delivers_a_queued_message_with_its_headers_on_the_wire(smtp_server):
    message = queue()

    run_worker()

    assert len(smtp_server.received) == 1
    delivered = smtp_server.received[0]
    assert delivered.rcpt_tos == ["ada@example.net"]
    assert delivered.message["Auto-Submitted"] == "auto-replied"
    assert delivered.message["X-Auto-Response-Suppress"] == "All"
    assert delivered.message["Message-ID"] == message.message_id
    assert delivered.message["Subject"] == "Your application was received"
    assert "we have your application" in delivered.message.get_content()
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.SENT
    assert message.sent_at is not None
    assert message.attempts == 1


def test_nothing_is_enqueued_when_the_callers_transaction_rolls_back(smtp_server):
    with pytest.raises(RuntimeError), transaction.atomic():
        outbox_queue(to="ada@example.net", subject="s", body="b", language="en")
        raise RuntimeError("the application could not be stored")

    run_worker()

    assert OutboxMessage.objects.count() == 0
    assert DBTaskResult.objects.count() == 0
    assert smtp_server.received == []


def test_it_retries_with_backoff_while_the_smtp_server_is_down_then_delivers_once(
    smtp_server, settings
):
    settings.TREMPLIN_OUTBOX_RETRY_BASE_SECONDS = 60
    smtp_server.stop()
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        message = queue()
        run_worker()
        message.refresh_from_db()
        assert message.status == OutboxMessage.Status.QUEUED
        assert message.attempts == 1
        assert message.next_attempt_at == start + timedelta(seconds=60)
        assert message.last_error
        retry = (
            DBTaskResult.objects.ready().count(),
            DBTaskResult.objects.filter(run_after=start + timedelta(seconds=60)).count(),
        )
        assert retry == (0, 1)

    with time_machine.travel(start + timedelta(seconds=61), tick=False):
        run_worker()  # still down: the delay doubles
        message.refresh_from_db()
        assert message.attempts == 2
        assert message.next_attempt_at == start + timedelta(seconds=61 + 120)

    smtp_server.start()
    with time_machine.travel(start + timedelta(seconds=100), tick=False):
        run_worker()  # the server is back, but the retry is not due yet
        assert smtp_server.received == []

    with time_machine.travel(start + timedelta(seconds=200), tick=False):
        run_worker()
        call_command("send_outbox")
        run_worker()

    assert len(smtp_server.received) == 1
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.SENT
    assert message.attempts == 3


def test_it_gives_up_after_the_last_attempt_and_marks_the_message_failed(smtp_server, settings):
    settings.TREMPLIN_OUTBOX_MAX_ATTEMPTS = 2
    smtp_server.stop()
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        message = queue()
        run_worker()
    with time_machine.travel(start + timedelta(hours=1), tick=False):
        run_worker()

    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.FAILED
    assert message.attempts == 2
    assert "Connection refused" in message.last_error or "Errno" in message.last_error
    assert not DBTaskResult.objects.filter(status="READY").exists()


def test_a_permanent_refusal_fails_at_once_without_retrying(smtp_server):
    smtp_server.refused.add("gone@example.net")
    message = queue(to="gone@example.net")

    run_worker()

    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.FAILED
    assert message.attempts == 1
    assert "550" in message.last_error


def test_a_failed_message_retried_by_a_recruiter_is_sent(smtp_server):
    smtp_server.refused.add("gone@example.net")
    message = queue(to="gone@example.net")
    run_worker()
    smtp_server.refused.clear()

    outbox_retry(message=message)
    run_worker()

    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.SENT
    assert len(smtp_server.received) == 1


def test_a_second_task_or_a_sweep_for_a_sent_row_never_sends_it_again(smtp_server):
    message = queue()
    from tremplin.messaging.tasks import outbox_send_task

    outbox_send_task.enqueue(message.pk)  # a duplicate task for the same row
    run_worker()
    assert outbox_send(message_pk=message.pk) == "sent"
    call_command("send_outbox")
    call_command("send_outbox", "--now")
    run_worker()

    assert len(smtp_server.received) == 1
    message.refresh_from_db()
    assert message.attempts == 1


@pytest.mark.parametrize(
    ("to", "headers"),
    [
        ("ada@example.net\nBcc: eve@example.net", {}),
        ("ada@example.net", {"Reply-To": "x@example.org\r\nBcc: eve@example.net"}),
    ],
)
def test_a_line_break_in_an_address_or_header_is_refused_and_nothing_queued(to, headers):
    with pytest.raises(ValueError, match="line break"):
        outbox_queue(to=to, subject="s", body="b", language="en", headers=headers)

    assert OutboxMessage.objects.count() == 0
    assert DBTaskResult.objects.count() == 0


def test_the_retry_delay_doubles_up_to_its_cap(settings):
    settings.TREMPLIN_OUTBOX_RETRY_BASE_SECONDS = 60
    settings.TREMPLIN_OUTBOX_RETRY_MAX_SECONDS = 3600
    delays = [outbox_retry_delay(attempts=n).total_seconds() for n in range(1, 9)]
    assert delays == [60, 120, 240, 480, 960, 1920, 3600, 3600]


def test_a_text_attachment_survives_the_outbox_with_its_content_type_parameters(smtp_server):
    with transaction.atomic():
        outbox_queue(
            to="ada@example.net",
            subject="Interview",
            body="See the calendar file.",
            language="en",
            attachments=[
                Attachment(
                    filename="interview.ics",
                    content_type="text/calendar",
                    params={"method": "REQUEST"},
                    content="BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n",
                )
            ],
        )

    run_worker()

    [delivered] = smtp_server.received
    [part] = [p for p in delivered.message.walk() if p.get_content_type() == "text/calendar"]
    assert part.get_param("method") == "REQUEST"
    assert part.get_filename() == "interview.ics"
    assert "METHOD:REQUEST" in part.get_content()
    assert "See the calendar file." in delivered.message.get_body(("plain",)).get_content()
