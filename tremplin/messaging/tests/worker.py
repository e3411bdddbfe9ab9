"""Run django-tasks-db's own worker loop in the test process until the queue has nothing due."""

from django_tasks_db.management.commands.db_worker import Worker


def run_worker() -> None:
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="tests",
        excluded_queue_names=[],
    ).run()
