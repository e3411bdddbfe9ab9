"""``tremplin fetch-mail``: take the applications waiting in the IMAP mailbox."""

import logging
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tremplin.messaging.imap import MailboxError, mailbox_fetch
from tremplin.messaging.periodic import run_every

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Poll the IMAP mailbox named by the TREMPLIN_IMAP_* settings (TLS or STARTTLS) and take "
        "each message as an application, an unsorted message or an ignored automatic one. A "
        "message is flagged \\Seen and moved to TREMPLIN_IMAP_PROCESSED_FOLDER only after it is "
        "committed; one that fails stays in place and is tried again next time (the exit status "
        "is then non-zero), and one that fails TREMPLIN_IMAP_MAX_ATTEMPTS times for a reason "
        "of its own is moved to TREMPLIN_IMAP_QUARANTINE_FOLDER and listed with the unsorted "
        "mail. Run it "
        "periodically either from cron (one pass, non-zero exit status if the mailbox cannot be "
        "reached) or as a long-running service with --every SECONDS, which polls until stopped "
        "by SIGTERM or Ctrl+C and logs (without stopping) when the mailbox is unreachable."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--every",
            type=float,
            default=0,
            metavar="SECONDS",
            help="Poll again every SECONDS until stopped (e.g. --every 60).",
        )
        parser.add_argument(
            "--rounds",
            type=int,
            default=0,
            metavar="N",
            help="With --every: stop after N polls (default: never).",
        )
        parser.add_argument(
            "--limit",
            type=int,
            default=0,
            metavar="N",
            help="Take at most N messages per poll (default: all).",
        )

    def handle(self, *args: Any, every: float, rounds: int, limit: int, **options: Any) -> None:
        if every < 0 or rounds < 0 or limit < 0:
            raise CommandError("--every, --rounds and --limit take positive numbers")

        def poll() -> None:
            try:
                report = mailbox_fetch(limit=limit)
            except MailboxError as exc:
                if not every:
                    raise CommandError(str(exc)) from exc
                logger.error("fetch-mail: %s; trying again in %s s", exc, every)
                return
            if (
                report.taken
                or report.already_taken
                or report.failed
                or report.quarantined
                or options["verbosity"] > 1
            ):
                self.stdout.write(
                    f"{report.taken} message(s) taken, {report.already_taken} already taken "
                    f"before, {report.failed} left to try again, {report.quarantined} moved to "
                    f"{settings.TREMPLIN_IMAP_QUARANTINE_FOLDER}."
                )
            if report.failed and not every:
                raise CommandError(
                    f"{report.failed} message(s) could not be taken (see the log); they stay "
                    "in the mailbox and are tried again next time"
                )

        run_every(poll, seconds=every, rounds=rounds)
