"""``tremplin openapi`` writes the API's OpenAPI description to docs/openapi.json (the file
checked into the repository); ``--check`` says whether the file has drifted from the code."""

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tremplin.api.api import api


def openapi_text() -> str:
    """The description /api/v1/openapi.json serves, as the file holds it."""
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


class Command(BaseCommand):
    help = "Write the API's OpenAPI description to docs/openapi.json (or --check it)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--path", default="", help="default: docs/openapi.json")
        parser.add_argument("--check", action="store_true", help="fail if the file differs")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"] or Path(settings.BASE_DIR) / "docs" / "openapi.json")
        text = openapi_text()
        if options["check"]:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                raise CommandError(f"{path} differs from the API: run `tremplin openapi`.")
            self.stdout.write(f"{path} matches the API.")
            return
        path.write_text(text, encoding="utf-8")
        self.stdout.write(f"Wrote {path}.")
