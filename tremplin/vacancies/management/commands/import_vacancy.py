"""``tremplin import-vacancy FILE... --org SLUG [--publish]``: store vacancy postings.

Each file is read, parsed and stored in its own transaction: a file that fails stores
nothing, and the others are still imported. Re-importing a file updates its vacancy.
"""

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import validate_slug
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tremplin.core.language import language_name
from tremplin.vacancies.import_services import VacancyImport, vacancy_import
from tremplin.vacancies.importing import PostingError, parse_posting, read_posting_file
from tremplin.vacancies.importing.report import criteria_counts, posting_fields


class Command(BaseCommand):
    help = "Import vacancy postings (Markdown or plain text) into an organization."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE", help="posting files to import")
        parser.add_argument(
            "--org",
            required=True,
            metavar="SLUG",
            help="the organization's slug (created if it does not exist)",
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="publish each vacancy if the publishing rules allow it",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        slug = options["org"]
        try:
            validate_slug(slug)
        except ValidationError as error:
            raise CommandError(
                _("--org %(slug)s is not a valid slug (letters, digits, - and _ only).")
                % {"slug": slug}
            ) from error
        failures = 0
        for name in options["files"]:
            path = Path(name)
            try:
                posting = parse_posting(read_posting_file(path), source_name=path.name)
                result = vacancy_import(
                    posting=posting, organization_slug=slug, publish=options["publish"]
                )
            except PostingError as error:
                failures += 1
                self.stderr.write(
                    _("error: %(file)s: %(problem)s; nothing was stored from it.")
                    % {"file": name, "problem": error.message.rstrip(".")}
                )
                continue
            self._report(name, result)
        if failures:
            raise CommandError(
                ngettext(
                    "%(count)d file was not imported.",
                    "%(count)d files were not imported.",
                    failures,
                )
                % {"count": failures}
            )

    def _report(self, name: str, result: VacancyImport) -> None:
        write = self.stdout.write
        write(self.style.MIGRATE_HEADING(name))
        if result.organization_created:
            write(
                "  "
                + _("Organization %(slug)s created, named “%(name)s”.")
                % {"slug": result.organization.slug, "name": result.organization.name}
            )
        values = {
            "title": result.text.title,
            "slug": result.vacancy.slug,
            "language": language_name(result.text.language),
        }
        if result.vacancy_created:
            message = _("Created vacancy “%(title)s” (%(slug)s) with its text in %(language)s.")
        elif result.text_created:
            message = _("Added the text in %(language)s to vacancy %(slug)s.")
        else:
            message = _("Updated the text in %(language)s of vacancy %(slug)s.")
        write("  " + message % values)
        write("  " + _("Pairing: %(reason)s") % {"reason": result.pairing.reason})
        fields = posting_fields(result.posting)
        found = [f"{label} {value}" for label, value in fields if value is not None]
        found.append(criteria_counts(result.posting))
        missing = [label for label, value in fields if value is None]
        write("  " + _("Found: %(fields)s.") % {"fields": "; ".join(found)})
        write("  " + _("Not stated: %(fields)s.") % {"fields": ", ".join(missing) or "—"})
        for warning in result.warnings:
            write("  " + self.style.WARNING(_("Warning: %(warning)s") % {"warning": warning}))
        if result.publish_refusals:
            write(
                "  "
                + self.style.ERROR(
                    _("Not published: %(reasons)s") % {"reasons": " ".join(result.publish_refusals)}
                )
            )
        write(
            "  "
            + _("Status: %(status)s.") % {"status": result.vacancy.get_status_display().lower()}
        )
