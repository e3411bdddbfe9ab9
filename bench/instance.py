"""A throwaway Tremplin instance for a benchmark: settings from the environment, a SQLite
file in ``folder`` unless a database URL is given (then flushed), migrated."""

import base64
import os
from pathlib import Path


def instance_setup(folder: Path, database_url: str) -> None:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "tremplin.settings",
            "SECRET_KEY": "bench-only",
            "TREMPLIN_FILES_KEY": base64.b64encode(os.urandom(32)).decode(),
            "DATABASE_URL": database_url or f"sqlite:///{folder / 'bench.sqlite3'}",
            "TREMPLIN_VAR_DIR": str(folder),
            "TREMPLIN_PRIVATE_FILES_DIR": str(folder / "private"),
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "TREMPLIN_RATE_LIMIT": "false",
        }
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if database_url:
        call_command("flush", interactive=False, verbosity=0)
