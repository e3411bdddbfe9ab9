"""On SQLite, deleted rows are overwritten: an erased candidate's name does not linger in
the database file's free pages (PostgreSQL's side is the VACUUM in test_erasure_vacuum.py).

Some SQLite builds (Debian's) overwrite by default, others do not: the settings ask for it."""

import sqlite3
from pathlib import Path

import pytest
from django.conf import settings


def residue(folder: Path, *, init: str) -> bool:
    """Whether a deleted row's text is still in the bytes of a file database or its log."""
    folder.mkdir()
    database = sqlite3.connect(folder / "db.sqlite3")
    database.executescript(init)
    database.execute("CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT)")
    database.executemany("INSERT INTO person (name) VALUES (?)", [(f"n{n}",) for n in range(50)])
    database.execute("INSERT INTO person (name) VALUES ('Ysolde Marchetti-Quennec')")
    database.commit()
    database.execute("DELETE FROM person WHERE name LIKE 'Ysolde%'")
    database.commit()
    database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    return any(b"Ysolde" in file.read_bytes() for file in folder.iterdir())


def test_a_row_deleted_under_the_settings_pragmas_leaves_no_trace_in_the_file(
    tmp_path: Path,
) -> None:
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("SQLite only: PostgreSQL vacuums after erasure instead")
    init = str(settings.DATABASES["default"]["OPTIONS"]["init_command"])
    # The check can see residue: without secure_delete the deleted text stays in the file.
    assert residue(tmp_path / "off", init="PRAGMA journal_mode=WAL; PRAGMA secure_delete=OFF;")
    assert not residue(tmp_path / "settings", init=init)


@pytest.mark.django_db(transaction=True)
def test_an_erasure_from_the_web_leaves_no_trace_in_the_file_or_its_log(settings) -> None:
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("SQLite only: PostgreSQL vacuums after erasure instead")
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from tremplin.applications.tokens import erase_token_make
    from tremplin.privacy.tests.test_retention import T0, apply, world_make

    settings.RATELIMIT_ENABLE = False
    w = world_make()
    person = apply(w.vacancy, "ysolde.marchetti@example.org", at=T0)
    files = [
        Path(connection.settings_dict["NAME"]),
        Path(f"{connection.settings_dict['NAME']}-wal"),
    ]
    # What is looked for is there before: in the log, where the pages were written.
    assert any(b"ysolde.marchetti" in file.read_bytes() for file in files if file.exists())

    response = Client().post(
        reverse(
            "privacy:erase_confirm", kwargs={"token": erase_token_make(public_id=person.public_id)}
        )
    )

    assert response.status_code == 200
    assert not any(b"ysolde.marchetti" in file.read_bytes() for file in files if file.exists())
