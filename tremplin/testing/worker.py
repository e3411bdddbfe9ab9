"""Run every queued task in the test process, as ``manage.py db_worker --batch`` does."""

from django.core.management import call_command


def run_worker() -> None:
    """Run django-tasks-db's own worker until the queue has nothing due."""
    call_command("db_worker", batch=True, verbosity=0, startup_delay=False, reload=False)


# For ``settings.TASKS``: each task runs as it is enqueued (after the commit that enqueues
# it), for tests that cannot run the worker (in a transaction of the test's own).
TASKS_AT_ENQUEUE = {
    "default": {
        "BACKEND": "django.tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default"],
    }
}
