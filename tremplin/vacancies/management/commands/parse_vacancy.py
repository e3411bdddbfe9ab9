"""``tremplin parse-vacancy FILE... [--json]``: what the importer reads; stores nothing."""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tremplin.vacancies.importing import PostingError, parse_posting, read_posting_file
from tremplin.vacancies.importing.report import criteria_counts, posting_fields


class Command(BaseCommand):
    help = "Read vacancy postings and print what they state, without storing anything."
    # It reads files and touches no database: the project checks are not needed.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE", help="posting files to read")
        parser.add_argument(
            "--json", action="store_true", help="print a JSON list, one object per file"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        results: list[dict[str, Any]] = []
        failures = 0
        for name in options["files"]:
            path = Path(name)
            try:
                posting = parse_posting(read_posting_file(path), source_name=path.name)
            except PostingError as error:
                failures += 1
                self.stderr.write(
                    _("error: %(file)s: %(problem)s") % {"file": name, "problem": error.message}
                )
                continue
            if options["json"]:
                results.append(posting.as_json(file=name))
                continue
            self.stdout.write(self.style.MIGRATE_HEADING(name))
            for label, value in posting_fields(posting):
                self.stdout.write(f"  {label}: {value if value is not None else '—'}")
            self.stdout.write("  " + _("sections:"))
            for section in posting.sections:
                self.stdout.write(f"    {'#' * section.level} {section.heading}")
            self.stdout.write("  " + criteria_counts(posting) + ":")
            for criterion in posting.criteria:
                self.stdout.write(f"    [{criterion.kind}] {criterion.text}")
            for warning in posting.warnings:
                self.stdout.write(
                    "  " + self.style.WARNING(_("warning: %(warning)s") % {"warning": warning})
                )
            self.stdout.write("")
        if options["json"]:
            self.stdout.write(json.dumps(results, ensure_ascii=False, indent=2))
        if failures:
            raise CommandError(
                ngettext(
                    "%(count)d file could not be read.",
                    "%(count)d files could not be read.",
                    failures,
                )
                % {"count": failures}
            )
