"""``tremplin send-notification-digests``: the daily digest of unread notifications, for
the members who chose a digest rather than one e-mail each, at the hour they chose."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from tremplin.messaging.periodic import run_every
from tremplin.notifications.services import digests_send


class Command(BaseCommand):
    help = (
        "Queue the daily digest of each member whose digest hour it is (unread notifications "
        "not yet mailed, one e-mail per organization). Safe to run at any time and from "
        "several machines: each member gets one digest a day. Run it from cron every hour (at "
        "minute 0, say), or as a service with --every SECONDS."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--every",
            type=float,
            default=0,
            metavar="SECONDS",
            help="Repeat every SECONDS until stopped by SIGTERM or Ctrl+C.",
        )

    def handle(self, *args: Any, every: float, **options: Any) -> None:
        def send() -> None:
            count = digests_send()
            if count or options["verbosity"] > 1:
                self.stdout.write(f"Queued {count} digest(s).")

        run_every(send, seconds=every)
