"""The environment for a command the tests run in a process of its own (a worker, the
``tremplin`` command): the same test database, the test's own private files folder."""

import os
from pathlib import Path

from django.db import connection


def command_env(*, private_files: Path, **extra: str) -> dict[str, str]:
    """``os.environ`` pointed at the test database and ``private_files``, plus ``extra``."""
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    if db.get("PASSWORD"):
        url = url.replace("@", f":{db['PASSWORD']}@", 1)
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "tremplin.settings_test",
        "TREMPLIN_PRIVATE_FILES_DIR": str(private_files),
        **extra,
    }
