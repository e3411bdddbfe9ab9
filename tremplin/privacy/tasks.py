"""Background work on retention, run by `manage.py db_worker`."""

from django.tasks import task

from tremplin.privacy import retention


@task()
def retention_task(*, batch_size: int = 100) -> dict[str, dict[str, int]]:
    """Apply the retention rules now: offers, erasure, expired exports (safe to run twice)."""
    return retention.retention_apply(batch_size=batch_size)
