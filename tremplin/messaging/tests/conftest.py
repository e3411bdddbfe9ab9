"""Fixtures of the messaging tests: the organization that takes mail at Jobs@Example.org
with its director vacancy (tremplin/testing/mail.py), files kept in tmp_path."""

import contextlib
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from tremplin.testing.mail import organization, vacancy  # noqa: F401

POISON = "poison@example.net"


@pytest.fixture
def poison_candidate(db: None) -> str:
    """A candidate address the database refuses, by a trigger: a failure of the message's own,
    which trying again does not cure (as a bug on some odd message would be)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION poison_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ "
                "BEGIN RAISE EXCEPTION 'poisoned'; END $$"
            )
            cursor.execute(
                "CREATE TRIGGER poison BEFORE INSERT ON applications_candidate FOR EACH ROW "
                f"WHEN (NEW.email = '{POISON}') EXECUTE FUNCTION poison_refuse()"
            )
        else:
            cursor.execute(
                "CREATE TRIGGER poison BEFORE INSERT ON applications_candidate "
                f"WHEN NEW.email = '{POISON}' BEGIN SELECT RAISE(ABORT, 'poisoned'); END"
            )
    return POISON  # the test's transaction takes the trigger away again


# --- The ``tremplin`` command in a subprocess -----------------------------------------------
# A subprocess cannot see the test database (in memory on SQLite, uncommitted on
# PostgreSQL), so it gets a SQLite file of its own: migrated once per session, with the
# organization and vacancy above, copied for each test and read back with sqlite3.

REPO = Path(__file__).resolve().parents[3]
SETUP = """
from tremplin.accounts.models import Organization
from tremplin.vacancies.models import Vacancy
organization = Organization.objects.create(name="Example", slug="example", email="jobs@example.org")
vacancy = Vacancy.objects.create(organization=organization, slug="director", status="published")
VacancyText.objects.create(vacancy=vacancy, language="en", title="Director")
"""


@dataclass(frozen=True)
class CLI:
    database: Path
    files: Path
    env: dict[str, str]

    def run(
        self, *args: str, stdin: bytes = b"", env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [str(REPO / ".venv" / "bin" / "tremplin"), *args],
            input=stdin,
            capture_output=True,
            env={**self.env, **(env or {})},
            cwd=REPO,
            timeout=120,
            check=False,
        )

    def start(self, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [str(REPO / ".venv" / "bin" / "tremplin"), *args],
            env={**self.env, **(env or {})},
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )

    def query(self, sql: str) -> list[tuple[Any, ...]]:
        with contextlib.closing(sqlite3.connect(self.database)) as connection:
            return connection.execute(sql).fetchall()

    def stored_files(self) -> list[Path]:
        return [p for p in self.files.rglob("*") if p.is_file()] if self.files.exists() else []


def _cli_env(database: Path, files: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TREMPLIN_", "DATABASE_", "EMAIL_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="tremplin.settings_test",
        DATABASE_URL=f"sqlite:///{database}",
        TREMPLIN_PRIVATE_FILES_DIR=str(files),
        TASKS_BACKEND="django_tasks_db.DatabaseBackend",
    )
    return env


@pytest.fixture(scope="session")
def cli_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-template")
    database = folder / "tremplin.sqlite3"
    env = _cli_env(database, folder / "private")
    for command in (["migrate", "--no-input", "-v0"], ["shell", "-c", SETUP]):
        subprocess.run(
            [str(REPO / ".venv" / "bin" / "python"), "manage.py", *command],
            env=env,
            cwd=REPO,
            check=True,
            capture_output=True,
            timeout=300,
        )
    with contextlib.closing(sqlite3.connect(database)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # all of it in the one file
    return database


@pytest.fixture
def cli(cli_template: Path, tmp_path: Path) -> CLI:
    database = tmp_path / "cli.sqlite3"
    shutil.copyfile(cli_template, database)
    files = tmp_path / "cli-private"
    return CLI(database=database, files=files, env=_cli_env(database, files))
