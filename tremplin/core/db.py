"""What the database itself is asked to do, beyond queries.

VACUUM: a DELETE in PostgreSQL only marks a row dead; its bytes stay in the table's pages
(and its indexes) until VACUUM removes them. Those who delete personal data ask for it
(``privacy.erasure``) rather than wait for autovacuum's thresholds.

The write-ahead log of SQLite: ``secure_delete`` zeroes a deleted row in the database file,
but the log still holds the page images written before the deletion until a checkpoint
copies it back and it is truncated (``wal_truncate``), which closing the last connection
used to do, and a worker that keeps its connection never does.
"""

import logging
from collections.abc import Sequence
from datetime import datetime

from django.db import DEFAULT_DB_ALIAS, connections

logger = logging.getLogger(__name__)


def tables_vacuum(
    *, tables: Sequence[str], since: datetime | None = None, using: str = DEFAULT_DB_ALIAS
) -> list[str]:
    """VACUUM ``tables`` (PostgreSQL only, outside any transaction); with ``since``, only
    those not vacuumed since then. Returns the tables vacuumed."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return []
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
    logger.info("vacuumed: %s", ", ".join(todo) or "nothing left to do")
    return todo


def wal_truncate(*, using: str = DEFAULT_DB_ALIAS) -> bool:
    """SQLite only, outside any transaction: checkpoint the write-ahead log into the database
    file and truncate it to nothing. Waits (up to the connection's timeout) for readers
    still on the log; returns whether it was truncated (False on PostgreSQL)."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return False
    if connection.in_atomic_block:
        raise RuntimeError("a checkpoint cannot run inside a transaction")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        busy, _frames, _copied = cursor.fetchone()
    if busy:
        logger.warning("write-ahead log not truncated: a reader was still on it")
    return not busy
