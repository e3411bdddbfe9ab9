"""The ``tremplin`` command: Django's management commands with dashed names.

``tremplin import-vacancy FILE --org SLUG`` runs the ``import_vacancy`` command.
"""

import os
import sys

# sysexits.h: a mail transfer agent keeps a message and tries again later on this code.
EX_TEMPFAIL = 75
# Commands an MTA pipes mail into: a failure before they even start must not bounce mail.
MTA_PIPE_COMMANDS = {"ingest_mail"}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tremplin.settings")
    argv = list(sys.argv)
    argv[0] = "tremplin"
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    try:
        from django.core.management import execute_from_command_line

        execute_from_command_line(argv)
    except Exception as exc:
        if len(argv) > 1 and argv[1] in MTA_PIPE_COMMANDS:
            print(f"tremplin {argv[1]}: cannot start: {exc}", file=sys.stderr)
            sys.exit(EX_TEMPFAIL)
        raise
