"""``tremplin send-outbox``: queued mail whose task was lost, or whose worker died, is sent."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tremplin.messaging.models import OutboxMessage
from tremplin.messaging.tests.test_outbox import queue
from tremplin.testing.worker import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_sweep_gives_a_queued_row_whose_task_was_lost_a_new_one(smtp_server):
    message = queue()
    DBTaskResult.objects.all().delete()  # the task is lost (a restored backup, say)
    run_worker()
    assert smtp_server.received == []

    call_command("send_outbox")
    run_worker()

    assert len(smtp_server.received) == 1
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.SENT


def test_a_row_left_sending_by_a_dead_worker_is_sent_again_after_a_while(smtp_server):
    message = queue()
    DBTaskResult.objects.all().delete()
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxMessage.Status.SENDING, attempts=1, claimed_at=timezone.now()
    )
    call_command("send_outbox")
    run_worker()
    assert smtp_server.received == []  # it may still be sending: leave it alone

    with time_machine.travel(timezone.now() + timedelta(minutes=20), tick=False):
        call_command("send_outbox")
        run_worker()

    assert len(smtp_server.received) == 1
    assert smtp_server.received[0].message["Message-ID"] == message.message_id


def test_with_now_it_sends_the_due_messages_itself(smtp_server, capsys):
    message = queue()
    DBTaskResult.objects.all().delete()

    call_command("send_outbox", "--now")

    assert "Sent 1 due outgoing message(s)." in capsys.readouterr().out
    assert len(smtp_server.received) == 1
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.SENT


def test_retry_failed_sends_again_a_message_that_failed_for_good(smtp_server, capsys):
    message = queue()
    DBTaskResult.objects.all().delete()
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxMessage.Status.FAILED, attempts=8, last_error="refused"
    )
    call_command("send_outbox")
    run_worker()
    assert smtp_server.received == []  # a failed message stays failed without being asked

    call_command("send_outbox", "--retry-failed")
    run_worker()

    assert "Queued 1 failed outgoing message(s) again." in capsys.readouterr().out
    assert len(smtp_server.received) == 1
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.SENT
