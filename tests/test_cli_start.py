"""The ``tremplin`` command starts without the heavy modules (issue 13, P5).

Loading Django's apps imports every model and what the models use (PDF readers, psycopg,
phonenumbers, …), and detecting a language with py3langid loads numpy and a model: seconds
on a small machine. ``tremplin --help`` and ``tremplin parse-vacancy`` need none of that; these
tests run them as an operator would, in a fresh interpreter, and read which modules it
imported. How long they take is measured by bench/cli.py, not here.
"""

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

from django.core.management import get_commands

from tremplin.cli import _commands

REPO = Path(__file__).resolve().parent.parent
POSTINGS = REPO / "tests" / "postings" / "texts"
HEAVY = (
    "numpy",
    "py3langid",
    "pypdfium2",
    "pypdf",
    "docx",
    "odf",
    "psycopg",
    "boto3",
    "phonenumbers",
    "django.db.models",
)
# Runs the command, then prints the heavy modules it imported as its last line.
PROGRAM = f"""
import atexit, json, sys
heavy = {HEAVY!r}
atexit.register(lambda: print(json.dumps(sorted(m for m in sys.modules if m in heavy))))
from tremplin.cli import main
sys.argv = ["tremplin", *sys.argv[1:]]
main()
"""


def run(*args: str, env: dict[str, str]) -> tuple[str, list[str]]:
    result = subprocess.run(
        [sys.executable, "-c", PROGRAM, *args],
        capture_output=True,
        text=True,
        # This checkout's code, whichever checkout the virtual environment was installed from.
        env={"PATH": os.environ["PATH"], "PYTHONPATH": str(REPO), **env},
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    output, imported = result.stdout.rstrip("\n").rsplit("\n", 1)
    return output, json.loads(imported)


def production_environment(tmp_path: Path) -> dict[str, str]:
    return {
        "DEBUG": "false",
        "SECRET_KEY": "test-only-not-secret",
        "TREMPLIN_FILES_KEY": base64.b64encode(bytes(32)).decode(),
        "ALLOWED_HOSTS": "jobs.example.org",
        "DATABASE_URL": "postgres://tremplin@127.0.0.1:5432/tremplin",
        "TREMPLIN_VAR_DIR": str(tmp_path),
    }


def test_help_lists_every_command_without_importing_the_heavy_modules(tmp_path: Path) -> None:
    output, imported = run("--help", env=production_environment(tmp_path))
    assert imported == []
    lines = output.splitlines()
    vacancies = lines.index("[vacancies]")
    assert lines[vacancies + 1 : vacancies + 4] == [
        "    import-vacancy",
        "    load-demo",
        "    parse-vacancy",
    ]
    assert lines[lines.index("[django]") + 1] == "    check"


def test_help_lists_the_commands_django_finds_once_the_apps_are_loaded() -> None:
    def label(app: str) -> str:
        return "django" if app == "django.core" else app.rpartition(".")[-1]

    assert _commands() == {name: label(app) for name, app in get_commands().items()}


def test_parse_vacancy_reads_a_posting_without_the_orm_or_the_language_model() -> None:
    for posting, language in (
        ("aib_design-ui-designer.md", "en"),
        ("fr_dinum_communautes-logiciels-libres.md", "fr"),
    ):
        output, imported = run("parse-vacancy", "--json", str(POSTINGS / posting), env={})
        assert imported == []
        assert json.loads(output)[0]["language"] == language


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    """``tremplin parse-vacancy --json … | head -1``: the pipe closes under the command, with
    more left to write than the pipe holds."""
    command = [sys.executable, "-c", "from tremplin.cli import main; main()"]
    files = sorted(str(path) for path in POSTINGS.glob("*.md"))[:120]
    process = subprocess.Popen(
        [*command, "parse-vacancy", "--json", *files],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={"PATH": os.environ["PATH"], "PYTHONPATH": str(REPO)},
        cwd=REPO,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # as "head -1" does once it has its line
    errors = process.stderr.read().decode()
    process.wait(timeout=120)
    assert "Traceback" not in errors, errors
