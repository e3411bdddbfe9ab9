"""``tremplin parse-vacancy FILE... [--json | --score LABELS]``: what the importer reads.

It stores nothing. With ``--score LABELS.json`` it compares what it reads with labels set
by hand and prints how often it is right (see ``importing.scoring``).
"""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tremplin.vacancies.importing import (
    ParsedPosting,
    PostingError,
    parse_posting,
    read_posting_file,
)
from tremplin.vacancies.importing.report import criteria_counts, posting_fields
from tremplin.vacancies.importing.scoring import FIELDS, Score, Tally, load_labels, score_files


class Command(BaseCommand):
    help = "Read vacancy postings and print what they state, without storing anything."
    # It reads files and touches no database: the project checks are not needed.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE", help="posting files to read")
        parser.add_argument(
            "--json", action="store_true", help="print a JSON list, one object per file"
        )
        parser.add_argument(
            "--score",
            metavar="LABELS",
            help="compare with the labels in this JSON file and print the accuracy",
        )
        parser.add_argument(
            "--misses",
            action="store_true",
            help="with --score, list every field or criterion missed",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        results: list[dict[str, Any]] = []
        postings: list[ParsedPosting] = []
        failures = 0
        labels = self._labels(options["score"]) if options["score"] else None
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
            if labels is not None:
                if path.name not in labels["postings"]:
                    failures += 1
                    self.stderr.write(
                        _("error: %(file)s: the labels file has no labels for it.") % {"file": name}
                    )
                else:
                    postings.append(posting)
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
        if options["json"] and labels is None:
            self.stdout.write(json.dumps(results, ensure_ascii=False, indent=2))
        if labels is not None:
            self._print_score(
                score_files(labels=labels, postings=postings), misses=options["misses"]
            )
        if failures:
            raise CommandError(
                ngettext(
                    "%(count)d file could not be read.",
                    "%(count)d files could not be read.",
                    failures,
                )
                % {"count": failures}
            )

    def _labels(self, name: str) -> dict[str, Any]:
        try:
            return load_labels(Path(name))
        except (OSError, ValueError) as error:
            raise CommandError(
                _("%(file)s: the labels cannot be read: %(problem)s")
                % {"file": name, "problem": error}
            ) from error

    def _print_score(self, score: Score, *, misses: bool) -> None:
        def figure(value: float | None) -> str:
            return "   —" if value is None else f"{value:.2f}"

        parts = (("all", score.all), ("tuned", score.tuned), ("held-out", score.held_out))
        write = self.stdout.write
        write(f"{'':28}" + "".join(f"{label:>10}" for label, _tally in parts))
        write(
            f"{'postings':28}" + "".join(f"{t.fields_total // len(FIELDS):>10}" for _l, t in parts)
        )
        rows: tuple[tuple[str, Any], ...] = (
            ("field accuracy", Tally.field_accuracy),
            ("criteria recall", Tally.criteria_recall),
            ("must/nice split", Tally.kind_accuracy),
        )
        for label, getter in rows:
            write(f"{label:28}" + "".join(f"{figure(getter.fget(t)):>10}" for _l, t in parts))
        write("per field:")
        for name in FIELDS:
            cells = []
            for _label, tally in parts:
                right, total = tally.per_field.get(name, [0, 0])
                cells.append(figure(Tally.share(right, total)))
            write(f"  {name:26}" + "".join(f"{cell:>10}" for cell in cells))
        if misses:
            for miss in score.misses:
                write(miss)
