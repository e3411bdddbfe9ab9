"""``tremplin send-interview-reminders``: remind the candidate and the panel of every
interview in the next 24 hours, and the panel members whose scorecard is missing a day
after the interview, once each."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from tremplin.interviews.services import interview_reminders_send, scorecard_reminders_send
from tremplin.messaging.periodic import run_every


class Command(BaseCommand):
    help = (
        "Queue the reminder of every interview that starts within 24 hours and has not had "
        "one, and the reminder to each panel member whose scorecard is still missing a day "
        "after the interview. Safe to run at any time and from several machines: each "
        "reminder goes once. Run it from cron (every 15 minutes, say), or as a service "
        "with --every SECONDS."
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
        def remind() -> None:
            count = interview_reminders_send()
            late = scorecard_reminders_send()
            if count or late or options["verbosity"] > 1:
                self.stdout.write(f"Reminded {count} interview(s) and {late} missing scorecard(s).")

        run_every(remind, seconds=every)
