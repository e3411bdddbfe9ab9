"""Background work on retention and erasure, run by `manage.py db_worker`."""

from datetime import datetime

from django.tasks import task

from tremplin.privacy import retention, vacuum


@task()
def retention_task(*, batch_size: int = 100) -> dict[str, dict[str, int]]:
    """Apply the retention rules now: offers, erasure, expired exports (safe to run twice)."""
    return retention.retention_apply(batch_size=batch_size)


@task()
def erasure_vacuum_task(*, tables: list[str], since: str) -> list[str]:
    """VACUUM the tables an erasure touched, those not vacuumed since ``since`` (ISO 8601)."""
    return vacuum.tables_vacuum(tables=tables, since=datetime.fromisoformat(since))
