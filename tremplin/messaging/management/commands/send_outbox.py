"""``tremplin send-outbox``: give queued outgoing mail whose task was lost a new one;
``--retry-failed`` queues the messages that failed for good again (this was an admin
action; the admin no longer shows candidates' mail)."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from tremplin.messaging.models import OutboxMessage
from tremplin.messaging.outbox import outbox_retry, outbox_sweep
from tremplin.messaging.periodic import run_every


class Command(BaseCommand):
    help = (
        "Enqueue a send task for every outgoing message that is due and still queued (its task "
        "was lost, e.g. after restoring a backup), and requeue messages left 'sending' by a "
        "worker that died. Sending is done by the task worker (manage.py db_worker); with "
        "--now it is done here. Safe to run at any time: a message is never sent twice. "
        "Run it from cron, or as a service with --every SECONDS."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--now", action="store_true", help="Send the due messages in this process."
        )
        parser.add_argument(
            "--retry-failed",
            action="store_true",
            help="First queue again, with a fresh count of attempts, every message that failed.",
        )
        parser.add_argument(
            "--every",
            type=float,
            default=0,
            metavar="SECONDS",
            help="Repeat every SECONDS until stopped by SIGTERM or Ctrl+C.",
        )

    def handle(
        self, *args: Any, now: bool, every: float, retry_failed: bool, **options: Any
    ) -> None:
        if retry_failed:
            failed = OutboxMessage.objects.filter(status=OutboxMessage.Status.FAILED)
            count = 0
            for message in failed.order_by("pk").iterator():
                outbox_retry(message=message)
                count += 1
            self.stdout.write(f"Queued {count} failed outgoing message(s) again.")

        def sweep() -> None:
            count = outbox_sweep(send_now=now)
            if count or options["verbosity"] > 1:
                verb = "Sent" if now else "Enqueued"
                self.stdout.write(f"{verb} {count} due outgoing message(s).")

        run_every(sweep, seconds=every)
