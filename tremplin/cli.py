"""The ``tremplin`` command: Django's management commands with dashed names.

``tremplin import-vacancy FILE --org SLUG`` runs the ``import_vacancy`` command.

``parse-vacancy`` reads files and prints what they state: it touches no database, no
stored file and no secret, so it runs on a small built-in configuration instead of
``settings.py``, and needs no environment at all. Every other command needs the
configuration; when it is incomplete the command says what to set, in one line.

Both ``tremplin --help`` and ``parse-vacancy`` start without loading the apps: loading them
imports every model and what the models use, which takes seconds on a small machine.
"""

import importlib.util
import os
import pkgutil
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
    # What django.setup() does here, less setting the URL prefix: that imports django.urls
    # and with it the ORM, which reading postings does not use.
    from django.apps import apps

    apps.populate(settings.INSTALLED_APPS)


def _package_directory(entry: str) -> Path | None:
    """The directory of an INSTALLED_APPS entry's package, found without importing anything
    (an app's ``__init__`` may import much): the entry itself when it is a package, or the
    package that holds its AppConfig class."""
    spec = importlib.util.find_spec(entry.partition(".")[0])  # a top-level name: no import
    if spec is None or not spec.submodule_search_locations:
        return None
    directory = Path(spec.submodule_search_locations[0])
    for part in entry.split(".")[1:]:
        if not (directory / part / "__init__.py").is_file():
            break
        directory = directory / part
    return directory


def _commands() -> dict[str, str]:
    """Command name → app label, found as Django's get_commands() finds them (the modules in
    each app's management/commands/, the first app in INSTALLED_APPS winning) but without
    loading the apps."""
    import django
    from django.conf import settings

    apps = [("django", Path(django.__file__).parent / "core")]
    for entry in reversed(settings.INSTALLED_APPS):
        directory = _package_directory(entry)
        if directory is not None:
            apps.append((directory.name, directory))
    commands: dict[str, str] = {}
    for label, directory in apps:
        for module in pkgutil.iter_modules([str(directory / "management" / "commands")]):
            if not module.ispkg and not module.name.startswith("_"):
                commands[module.name] = label
    return commands


def _print_help() -> None:
    """``tremplin --help``: Django's list of subcommands, their names as typed here."""
    by_app: dict[str, list[str]] = {}
    for name, app in _commands().items():
        by_app.setdefault(app, []).append(name.replace("_", "-"))
    lines = [
        "",
        "Type 'tremplin help <subcommand>' for help on a specific subcommand.",
        "",
        "Available subcommands:",
    ]
    for app in sorted(by_app):
        lines += ["", f"[{app}]", *(f"    {name}" for name in sorted(by_app[app]))]
    print("\n".join(lines))


def _run_standalone(argv: list[str]) -> None:
    _standalone_settings()
    from tremplin.vacancies.management.commands.parse_vacancy import Command

    Command().run_from_argv(argv)


def main() -> None:
    try:
        _main()
    except BrokenPipeError:
        # "tremplin parse-vacancy --score … | head": the reader left early; no traceback.
        # Python's own advice: point stdout at devnull so its final flush cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)


def _main() -> None:
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

    if argv[1:] in (["--help"], ["-h"]):
        try:
            _print_help()
            return
        except ImproperlyConfigured:
            pass  # Django's own help lists its commands and says what is missing
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
