"""`manage.py db_worker`: django-tasks-db's worker, which also finishes by itself the text
extraction a killed worker left.

django-tasks-db never runs again a task whose worker died mid-run: it stays "running". This
worker, as it starts and then every few seconds, queues again the pending documents whose
task is no longer live (``document_extraction_recover``), so nobody has to run
``extraction_sweep``. It takes the place of django-tasks-db's command because the
applications app comes before django_tasks_db in INSTALLED_APPS.
"""

import logging
import os
import threading
import time
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from tremplin.applications.documents import document_extraction_recover
from tremplin.applications.extraction import extraction_context

logger = logging.getLogger(__name__)

# A pending document with no task at all is queued again this long after it was queued:
# its task is written just after the commit that stores the document.
NO_TASK_GRACE = timedelta(seconds=30)


def extraction_stale_after() -> timedelta:
    """How long an extraction task may run before its worker is taken for dead: the time
    limit of extraction, and as much again as half of it (at least 10 s) to read the file
    and store the text."""
    limit = settings.TREMPLIN_EXTRACTION_TIME_LIMIT
    return timedelta(seconds=limit + max(10, limit / 2))


def extraction_recover() -> int:
    count = document_extraction_recover(stale_after=extraction_stale_after(), grace=NO_TASK_GRACE)
    if count:
        logger.warning("%s document(s) queued again for text extraction", count)
    return count


def extraction_recover_forever(interval: float) -> None:
    """Recover now, then every ``interval`` seconds, on a thread of its own."""
    while True:
        try:
            extraction_recover()
        except Exception:  # the database may be away for a while: try again later
            logger.exception("recovering text extraction failed")
        finally:
            connections.close_all()  # this thread's connections only
        time.sleep(interval)


class Command(db_worker.Command):
    def handle(self, *args: Any, **options: Any) -> None:
        if options["batch"]:
            extraction_recover()
        elif not options["reload"] or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
            # Not in the reloader's watching process, only in the one that runs tasks.
            interval = min(20.0, extraction_stale_after().total_seconds() / 3)
            # The extraction server starts with an environment of its own, set while no
            # other thread runs; and the first document then waits for no parser to load.
            extraction_context()
            threading.Thread(
                target=extraction_recover_forever,
                args=(interval,),
                name="extraction-recovery",
                daemon=True,
            ).start()
        super().handle(*args, **options)
