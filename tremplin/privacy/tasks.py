"""Background work, run by `manage.py db_worker`: retention, VACUUM after erasure, and the
candidates' copies of their data."""

from datetime import datetime

from django.tasks import task

from tremplin.core import db
from tremplin.privacy import exports, services


@task()
def retention_task(*, batch_size: int = services.BATCH_SIZE) -> dict[str, dict[str, int]]:
    """Apply the retention rules now: offers, erasure, expired exports (safe to run twice)."""
    return services.retention_apply(batch_size=batch_size)


@task()
def erasure_vacuum_task(*, tables: list[str], since: str) -> list[str]:
    """VACUUM the tables an erasure touched, those not vacuumed since ``since`` (ISO 8601)."""
    return db.tables_vacuum(tables=tables, since=datetime.fromisoformat(since))


@task()
def data_export_build_task(export_id: int) -> str:
    """Build one export's ZIP (safe to run twice, or again after a failure)."""
    return exports.data_export_build(export_id=export_id)
