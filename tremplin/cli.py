"""The ``tremplin`` command: Django's management commands with dashed names.

``tremplin import-vacancy FILE --org SLUG`` runs the ``import_vacancy`` command.
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tremplin.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv)
    argv[0] = "tremplin"
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    execute_from_command_line(argv)
