"""Erased rows out of PostgreSQL's tables: VACUUM what an erasure touched.

A DELETE in PostgreSQL only marks a row dead; its bytes stay in the table's pages (and its
indexes) until VACUUM removes it. Autovacuum gets there some day, on its own thresholds.
After an erasure we vacuum the tables erasures touch, once per batch: after each
erasure from the web (a task, after the commit: VACUUM cannot run in a transaction and the
request need not wait), once at the end of a retention run or a reapply-erasures run
(however many candidates it erased; a task too when a retention run is asked to stop).

At scale: VACUUM reads the pages that are not all-visible and, when it has dead rows to
remove, each index of the table. The task skips a table vacuumed (by us or autovacuum)
since the erasure, so a burst of erasures costs about one VACUUM per table, not one each.

What VACUUM does not do: the freed space is reusable, not wiped (a dead row's bytes may
stay in a page until the space is used again; VACUUM FULL rewrites the table), and the
write-ahead log and the backups still hold the rows (see the README).

SQLite has no VACUUM here: nothing is done there.
"""

import logging
from collections.abc import Sequence
from datetime import datetime

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import Model
from django.utils import timezone

from tremplin.core.models import AuditEvent
from tremplin.privacy.graph import candidate_data_models

logger = logging.getLogger(__name__)


def erased_tables() -> list[str]:
    """The tables an erasure deletes from (every model holding candidate data) or updates
    (the audit log, whose events are redacted)."""
    models: list[type[Model]] = [*candidate_data_models(), AuditEvent]
    return sorted({model._meta.db_table for model in models})


def _postgresql(using: str) -> bool:
    return connections[using].vendor == "postgresql"


def tables_vacuum(
    *, tables: Sequence[str], since: datetime | None = None, using: str = DEFAULT_DB_ALIAS
) -> list[str]:
    """VACUUM ``tables`` (PostgreSQL only, outside any transaction); with ``since``, only
    those not vacuumed since then. Returns the tables vacuumed."""
    if not _postgresql(using):
        return []
    connection = connections[using]
    if connection.in_atomic_block:
        raise RuntimeError("VACUUM cannot run inside a transaction")
    todo = list(tables)
    with connection.cursor() as cursor:
        if since is not None:
            cursor.execute(
                "SELECT relname FROM pg_stat_user_tables WHERE relname = ANY(%s) AND "
                "GREATEST(last_vacuum, last_autovacuum) >= %s",
                [todo, since],
            )
            done = {name for (name,) in cursor.fetchall()}
            todo = [table for table in todo if table not in done]
        for table in todo:
            cursor.execute(f"VACUUM {connection.ops.quote_name(table)}")
    logger.info("vacuumed after erasure: %s", ", ".join(todo) or "nothing left to do")
    return todo


def erasure_vacuum(*, tables: Sequence[str] | None = None, background: bool = False) -> None:
    """After an erasure: VACUUM its tables now if no transaction is open (and not
    ``background``), else in a task once the erasure is committed. Nothing on SQLite."""
    if not _postgresql(DEFAULT_DB_ALIAS):
        return
    names = list(tables) if tables is not None else erased_tables()
    if not background and not connections[DEFAULT_DB_ALIAS].in_atomic_block:
        tables_vacuum(tables=names)
        return
    from tremplin.privacy.tasks import erasure_vacuum_task

    def enqueue() -> None:
        erasure_vacuum_task.enqueue(tables=names, since=timezone.now().isoformat())

    transaction.on_commit(enqueue, robust=True)  # outside a transaction: at once
