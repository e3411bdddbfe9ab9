"""A throwaway Tremplin instance for a benchmark: its settings, for this process
(``instance_setup``: a SQLite file in ``folder`` unless a database URL is given, then
flushed, migrated) or for a production server started as a child (``server_environment``)."""

import base64
import os
from pathlib import Path


def instance_environment(folder: Path, database_url: str = "") -> dict[str, str]:
    """The settings every benchmark's instance shares: its own secrets and folders, a
    SQLite file in ``folder`` unless ``database_url``, no mail sent, no rate limits."""
    return {
        "DJANGO_SETTINGS_MODULE": "tremplin.settings",
        "SECRET_KEY": "bench-only-not-secret",
        "TREMPLIN_FILES_KEY": base64.b64encode(os.urandom(32)).decode(),
        "DATABASE_URL": database_url or f"sqlite:///{folder / 'bench.sqlite3'}",
        "TREMPLIN_VAR_DIR": str(folder / "var"),
        "TREMPLIN_PRIVATE_FILES_DIR": str(folder / "private"),
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "TREMPLIN_RATE_LIMIT": "false",
    }


def server_environment(folder: Path, port: int, database_url: str = "") -> dict[str, str]:
    """``instance_environment`` as gunicorn serves it on 127.0.0.1:``port``: DEBUG off,
    cookies over plain HTTP, warnings only in the log; the caller's environment beneath."""
    return {
        **os.environ,
        **instance_environment(folder, database_url),
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "SECURE_COOKIES": "false",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "LOG_LEVEL": "WARNING",
    }


def instance_setup(folder: Path, database_url: str) -> None:
    os.environ.update(instance_environment(folder, database_url))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if database_url:
        call_command("flush", interactive=False, verbosity=0)
