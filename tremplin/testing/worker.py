"""Run every queued task in the test process, as ``manage.py db_worker --batch`` does."""

from django.core.management import call_command


def run_worker() -> None:
    """Run django-tasks-db's own worker until the queue has nothing due."""
    call_command("db_worker", batch=True, verbosity=0, startup_delay=False, reload=False)
