"""``tremplin reapply-erasures``: after restoring a backup, erase again whoever the erasure
ledger names (the restored table's entries and the ledger files'), with --dry-run.

A ledger file that cannot be read, or a line in it that is not an entry, stops it before
anything changes: one line on stderr, exit status 1.
"""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from tremplin.privacy.erasure import (
    LedgerFileError,
    LedgerRecord,
    erasures_reapply,
    ledger_file_path,
    ledger_file_read,
)


class Command(BaseCommand):
    help = (
        "After restoring a database backup: erase again everyone the erasure ledger names "
        "whose data the restored database holds (people who applied again since their "
        "erasure keep their new applications). Reads the ledger in the database and the "
        "ledger file (TREMPLIN_ERASURE_LEDGER_FILE, or each --ledger FILE given)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--ledger",
            action="append",
            type=Path,
            default=[],
            metavar="FILE",
            help="A ledger file to read (repeat for several), instead of the configured one.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say whom it would erase again, by count, changing nothing.",
        )

    def handle(self, *args: Any, ledger: list[Path], dry_run: bool, **options: Any) -> None:
        verbosity = options["verbosity"]
        files = ledger or [ledger_file_path()]
        records: list[LedgerRecord] = []
        for path in files:
            if not ledger and not path.exists():
                if verbosity:
                    self.stdout.write(f"No ledger file at {path}: the database's ledger only.")
                continue
            try:
                records.extend(ledger_file_read(path=path))
            except LedgerFileError as exc:
                raise CommandError(str(exc)) from None
        report = erasures_reapply(file_records=records, dry_run=dry_run)
        if report.other_key:
            self.stderr.write(
                f"{report.other_key} ledger entr(y/ies) were made with another key and cannot "
                "be matched: set TREMPLIN_ERASURE_LEDGER_KEY (or SECRET_KEY, if it was not "
                "set) to the key they were made with, and run this again."
            )
        if not verbosity:
            return
        if report.restored_entries and not dry_run:
            self.stdout.write(
                f"{report.restored_entries} ledger entr(y/ies) from the file put back in the "
                "database."
            )
        if not report.by_organization:
            self.stdout.write(
                f"Nothing to erase again: the database holds no one of the ledger's "
                f"{report.entries} entr(y/ies)."
            )
            return
        verb = "would erase again" if dry_run else "erased again"
        for slug, found in sorted(report.by_organization.items()):
            self.stdout.write(
                f"{slug}: {verb}: {found.people} person(s), {found.applications} application(s)"
            )
