"""Queue text extraction again for documents whose task was lost (e.g. its worker was killed).

django-tasks-db never runs again a task whose worker died mid-run: it stays "running".
`manage.py db_worker` finds such documents by itself as it starts and while it runs
(see applications/management/commands/db_worker.py); this command is for queueing again
every pending document older than a bound, e.g. after restoring a backup. --older-than 0
queues every pending document at once.
"""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from tremplin.applications.documents import document_extraction_sweep


class Command(BaseCommand):
    help = "Queue text extraction again for documents still pending after a timeout."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--older-than",
            type=int,
            default=None,
            metavar="SECONDS",
            help="Only documents queued at least this long ago "
            "(default: the TREMPLIN_EXTRACTION_TIMEOUT setting).",
        )

    def handle(self, *args: Any, older_than: int | None, **options: Any) -> None:
        seconds = settings.TREMPLIN_EXTRACTION_TIMEOUT if older_than is None else older_than
        if seconds < 0:
            raise CommandError("--older-than must be zero or more seconds")
        count = document_extraction_sweep(older_than=timedelta(seconds=seconds))
        if options["verbosity"]:
            self.stdout.write(f"{count} document(s) queued again for text extraction")
