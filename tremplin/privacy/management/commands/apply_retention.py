"""``tremplin apply-retention``: apply every organization's retention rules.

Run it daily from cron: it enqueues the retention task for the worker (manage.py
db_worker); --now applies the rules in this process, --dry-run says what they would do.

SIGTERM or SIGINT (Ctrl+C) during --now stops it between two batches: what it erased
stays erased, the rest is untouched (each batch is one transaction). On a terminal, --now
shows how far the erasure has gone, batch by batch. It says
so in one line on stderr and exits with 128 + the signal's number (143, 130), as a process
stopped by that signal does.
"""

import signal
import sys
from argparse import ArgumentParser
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from tremplin.messaging.periodic import run_every
from tremplin.privacy import selectors, services
from tremplin.privacy.tasks import retention_task

LABELS = {
    selectors.OFFERS: "talent pool renewal offer(s)",
    selectors.NOT_RETAINED: "application(s) not retained or withdrawn",
    selectors.TALENT_POOL: "talent pool application(s)",
    selectors.HIRED: "hired application(s)",
    selectors.EXPORTS: "expired data export(s)",
    selectors.FAILED: "failure(s), see the log",
}
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


@contextmanager
def stop_signals() -> Iterator[list[int]]:
    """Note SIGTERM and SIGINT in the list yielded instead of dying on them; a Python
    handler already in place (``run_every``'s, which stops the rounds) is still called."""
    received: list[int] = []
    previous: dict[int, Any] = {}

    def note(signum: int, frame: FrameType | None) -> None:
        received.append(signum)
        before = previous.get(signum)
        if callable(before) and before is not signal.default_int_handler:
            before(signum, frame)

    for stop in STOP_SIGNALS:
        previous[stop] = signal.signal(stop, note)
    try:
        yield received
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


class Command(BaseCommand):
    help = (
        "Apply the retention rules of every organization: offer talent pool candidates to "
        "stay a month before their data expires, erase what is due (applications not "
        "retained, talent pool expired, hired past their period) and expired data exports. "
        "Enqueues the retention task for the worker (manage.py db_worker); --now applies "
        "them here, --dry-run only counts. Safe to run at any time; run it daily from cron, "
        "or as a service with --every SECONDS."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument(
            "--now", action="store_true", help="Apply the rules in this process and print counts."
        )
        mode.add_argument(
            "--dry-run",
            action="store_true",
            help="Print what would be offered and erased, by count, changing nothing.",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=services.BATCH_SIZE,
            metavar="N",
            help=f"Erase at most N applications per batch (default {services.BATCH_SIZE}).",
        )
        parser.add_argument(
            "--every",
            type=float,
            default=0,
            metavar="SECONDS",
            help="Repeat every SECONDS until stopped by SIGTERM or Ctrl+C.",
        )

    def handle(
        self, *args: Any, now: bool, dry_run: bool, batch_size: int, every: float, **options: Any
    ) -> None:
        if batch_size < 1:
            raise CommandError(f"--batch-size must be 1 or more, not {batch_size}")
        if every < 0:
            raise CommandError(f"--every must be zero or more seconds, not {every:g}")
        verbosity = options["verbosity"]

        def apply() -> None:
            if dry_run:
                self._report(selectors.retention_preview(), "Would do", verbosity)
            elif now:
                self._apply_here(batch_size=batch_size, verbosity=verbosity)
            else:
                retention_task.enqueue(batch_size=batch_size)
                if verbosity:
                    self.stdout.write("Retention task enqueued: the worker applies it.")

        run_every(apply, seconds=every)

    def _progress(self, verbosity: int) -> Callable[[int], None] | None:
        """On a terminal: a line that counts the applications erased, rewritten after each
        batch (none elsewhere: cron's mail and the logs get the counts only)."""
        if not verbosity or not self.stdout.isatty():
            return None
        total = sum(
            done[rule]
            for done in selectors.retention_preview().values()
            for rule in selectors.RULES
        )
        erased = 0

        def show(count: int) -> None:
            nonlocal erased
            erased += count
            share = erased / total if total else 1
            bar = "#" * int(share * 30)
            self.stdout.write(f"\rErasing [{bar:<30}] {erased}/{total} application(s)", ending="")
            self.stdout.flush()

        return show

    def _apply_here(self, *, batch_size: int, verbosity: int) -> None:
        progress = self._progress(verbosity)
        with stop_signals() as received:
            try:
                counts = services.retention_apply(
                    batch_size=batch_size, stop=lambda: bool(received), progress=progress
                )
            except services.RetentionStopped as stopped:
                if progress:
                    self.stdout.write("")
                self._report(stopped.counts, "Done", verbosity, quiet_if_none=True)
                erased = sum(
                    done[rule] for done in stopped.counts.values() for rule in selectors.RULES
                )
                name = signal.Signals(received[0]).name
                self.stderr.write(
                    f"apply-retention: stopped by {name} after erasing {erased} "
                    "application(s); the rest is untouched: run it again to finish."
                )
                self.stderr.flush()
                self.stdout.flush()
                sys.exit(128 + received[0])
        if progress:
            self.stdout.write("")  # past the progress line
        self._report(counts, "Done", verbosity)

    def _report(
        self, counts: selectors.Counts, verb: str, verbosity: int, *, quiet_if_none: bool = False
    ) -> None:
        if not verbosity:
            return
        if not counts:
            if not quiet_if_none:
                self.stdout.write("Nothing due.")
            return
        for slug, done in counts.items():
            parts = [f"{number} {LABELS[name]}" for name, number in done.items() if number]
            self.stdout.write(f"{slug}: {verb.lower()}: {'; '.join(parts)}")
