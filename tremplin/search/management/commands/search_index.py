"""Index every application again (after an upgrade that added the index, or to repair it)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tremplin.applications.models import Application
from tremplin.search.services import applications_index


class Command(BaseCommand):
    help = "Write the search index of every application (or of those not indexed yet)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--missing", action="store_true", help="Only the applications with no index yet."
        )
        parser.add_argument("--batch", type=int, default=200, help="Applications per batch.")

    def handle(self, *args: Any, missing: bool, batch: int, **options: Any) -> None:
        applications = Application.objects.order_by("pk")
        if missing:
            applications = applications.filter(search_entries__isnull=True)
        ids = list(applications.values_list("pk", flat=True).distinct())
        done = 0
        for start in range(0, len(ids), batch):
            done += applications_index(application_ids=ids[start : start + batch])
        self.stdout.write(f"Applications indexed: {done}")
