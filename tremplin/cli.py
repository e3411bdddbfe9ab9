"""The ``tremplin`` command: Django's management commands with dashed names.

``tremplin import-vacancy FILE --org SLUG`` runs the ``import_vacancy`` command.

``parse-vacancy`` reads files and prints what they state: it touches no database, no
stored file and no secret, so it runs on a small built-in configuration instead of
``settings.py``, and needs no environment at all. Every other command needs the
configuration; when it is incomplete the command says what to set, in one line.
"""

import os
import sys
from pathlib import Path

# sysexits.h: a mail transfer agent keeps a message and tries again later on this code.
EX_TEMPFAIL = 75
# Commands an MTA pipes mail into: a failure before they even start must not bounce mail.
MTA_PIPE_COMMANDS = {"ingest_mail"}
# Commands that store nothing and read no setting of the site: they run without settings.py.
STANDALONE_COMMANDS = {"parse_vacancy"}


def _standalone_settings() -> None:
    """Just what reading postings uses: the languages, their catalogues, the time zone."""
    import django
    from django.conf import settings
    from django.utils.translation import gettext_lazy as _

    settings.configure(
        INSTALLED_APPS=[],
        USE_I18N=True,
        USE_TZ=True,
        LANGUAGE_CODE="en",
        LANGUAGES=[("en", _("English")), ("fr", _("French"))],
        LOCALE_PATHS=[Path(__file__).resolve().parent.parent / "locale"],
        # The same default as settings.py: "is the deadline past?" is asked in this zone.
        TIME_ZONE=os.environ.get("TIME_ZONE") or "Europe/Paris",
    )
    django.setup()


def _run_standalone(argv: list[str]) -> None:
    _standalone_settings()
    from tremplin.vacancies.management.commands.parse_vacancy import Command

    Command().run_from_argv(argv)


def main() -> None:
    argv = list(sys.argv)
    argv[0] = "tremplin"
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    command = argv[1] if len(argv) > 1 else ""
    if command in STANDALONE_COMMANDS:
        _run_standalone(argv)
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tremplin.settings")
    from django.core.exceptions import ImproperlyConfigured

    try:
        from django.core.management import execute_from_command_line

        execute_from_command_line(argv)
    except Exception as exc:
        if command in MTA_PIPE_COMMANDS:
            print(f"tremplin {command}: cannot start: {exc}", file=sys.stderr)
            sys.exit(EX_TEMPFAIL)
        if isinstance(exc, ImproperlyConfigured):
            name = f"tremplin {command.replace('_', '-')}".strip()
            print(
                f"{name}: the configuration is incomplete: {exc}. "
                "Set it in the environment (see .env.example).",
                file=sys.stderr,
            )
            sys.exit(1)
        raise
