"""Documents' text: queueing its extraction, extracting it, and recovering from workers
that stopped."""

import hashlib
import logging
from collections.abc import Sequence
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tremplin.applications import extraction
from tremplin.applications.models import Document
from tremplin.applications.signals import document_text_extracted
from tremplin.core.language import detect_language

logger = logging.getLogger(__name__)

# A document whose extraction was started this many times without finishing (its worker
# died each time, e.g. on a file that crashes the parser) is marked failed.
EXTRACTION_MAX_ATTEMPTS = 3


def documents_extraction_enqueue(*, documents: Sequence[Document]) -> None:
    """Queue text extraction for each of ``documents`` (a task each) once the current
    transaction commits; their time of queueing is written at once, by one UPDATE."""
    from tremplin.applications.tasks import document_extract_task

    ids = [document.pk for document in documents]
    Document.objects.filter(pk__in=ids).update(extraction_queued_at=timezone.now())
    for pk in ids:
        # robust: the application is committed already; a lost task is found by the sweep.
        transaction.on_commit(partial(document_extract_task.enqueue, document_id=pk), robust=True)


def document_extract(*, document_id: int) -> str:
    """Extract the text of a pending document; return its extraction status after.

    Idempotent: a document that is no longer pending is left alone, and the result is
    written only if it still is, so two runs at once store one result. Each start is
    counted first, so a file that kills its worker every time ends up "failed".
    """
    started = Document.objects.filter(
        pk=document_id, extraction_status=Document.Extraction.PENDING
    ).update(extraction_attempts=F("extraction_attempts") + 1)
    document = (
        Document.objects.select_related("application__vacancy").filter(pk=document_id).first()
    )
    if document is None:
        return "missing"
    if not started:
        return str(document.extraction_status)
    if document.extraction_attempts > EXTRACTION_MAX_ATTEMPTS:
        return _extraction_failed(
            document=document,
            error=f"the worker stopped {EXTRACTION_MAX_ATTEMPTS} times while reading this file",
        )
    try:
        with document.file.open("rb") as stream:
            data = stream.read()
        # The file's fingerprint, here rather than in the request that stored it.
        Document.objects.filter(pk=document.pk).update(sha256=hashlib.sha256(data).hexdigest())
        result = extraction.text_extract_bounded(
            kind=document.kind,
            data=data,
            encoding=document.text_encoding,
            time_limit=settings.TREMPLIN_EXTRACTION_TIME_LIMIT,
            memory_limit=settings.TREMPLIN_EXTRACTION_MEMORY_LIMIT * 1024 * 1024,
        )
    except extraction.ExtractionBeyondLimits as exc:
        logger.warning("text of document %s not extracted: %s", document.pk, exc)
        return _extraction_failed(
            document=document, error=str(exc), status=Document.Extraction.NOT_EXTRACTED
        )
    except (extraction.ExtractionFailed, OSError) as exc:
        logger.warning("extraction of document %s failed: %s", document.pk, exc)
        return _extraction_failed(document=document, error=str(exc))

    language = detect_language(result.text) or ""
    required = document.application.vacancy.application_language
    mismatch = bool(
        document.role == Document.Role.LETTER and required and language and language != required
    )
    status = Document.Extraction.DONE if result.text.strip() else Document.Extraction.NO_TEXT
    Document.objects.filter(pk=document.pk, extraction_status=Document.Extraction.PENDING).update(
        extraction_status=status,
        text=result.text,
        page_count=result.page_count if result.page_count is not None else document.page_count,
        language=language,
        language_mismatch=mismatch,
        extraction_error="",
        extracted_at=timezone.now(),
    )
    document_text_extracted.send(sender=Document, document_id=document.pk)
    return str(status)


def _extraction_failed(
    *, document: Document, error: str, status: str = Document.Extraction.FAILED
) -> str:
    Document.objects.filter(pk=document.pk, extraction_status=Document.Extraction.PENDING).update(
        extraction_status=status,
        extraction_error=error[:2000],
        extracted_at=timezone.now(),
    )
    return str(status)


def document_extraction_sweep(*, older_than: timedelta) -> int:
    """Queue extraction again for documents pending longer than ``older_than``.

    django-tasks-db leaves the task of a worker that died mid-run "running" for ever and
    never runs it again; this finds the documents such tasks were for (and any whose task
    was never queued) and queues a new task. Running it while a task is in fact still
    working costs a second extraction, nothing else (``document_extract`` is idempotent).
    Returns how many documents were queued.
    """
    cutoff = timezone.now() - older_than
    stale = Document.objects.filter(
        extraction_status=Document.Extraction.PENDING, extraction_queued_at__lte=cutoff
    ) | Document.objects.filter(
        extraction_status=Document.Extraction.PENDING, extraction_queued_at__isnull=True
    )
    count = 0
    for document in stale.order_by("pk").iterator():
        with transaction.atomic():
            documents_extraction_enqueue(documents=[document])
        count += 1
    return count


def document_extraction_recover(*, stale_after: timedelta, grace: timedelta) -> int:
    """Queue extraction again for the pending documents that no live task will finish;
    return how many. The worker runs this when it starts and every few seconds after.

    A task of a worker that was killed stays "running" in django-tasks-db for ever. As
    extraction is bounded in time, a task running for longer than ``stale_after`` has no
    worker left: it is marked failed and its document queued again. A pending document
    with no task waiting or running (its task failed, or was never queued) is queued
    again once ``grace`` has passed since it was queued, which leaves the task queued
    after the commit time to be written. Idempotent: ``document_extract`` writes one
    result however many tasks run.
    """
    from tremplin.applications.tasks import document_extract_task

    if not Document.objects.filter(extraction_status=Document.Extraction.PENDING).exists():
        return 0  # the usual case, found in the index: nothing more to read
    now = timezone.now()
    tasks = DBTaskResult.objects.filter(task_path=document_extract_task.module_path)
    tasks.filter(status=TaskResultStatus.RUNNING, started_at__lt=now - stale_after).update(
        status=TaskResultStatus.FAILED,
        finished_at=now,
        exception_class_path="tremplin.applications.tasks.WorkerStopped",
        traceback=f"still running after {stale_after}: its worker was stopped",
    )
    live: set[int] = set()
    running = tasks.filter(status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING])
    for arguments in running.values_list("args_kwargs", flat=True).iterator():
        live.add(arguments.get("kwargs", {}).get("document_id"))
    pending = Document.objects.filter(
        extraction_status=Document.Extraction.PENDING, extraction_queued_at__lt=now - grace
    ) | Document.objects.filter(
        extraction_status=Document.Extraction.PENDING, extraction_queued_at__isnull=True
    )
    count = 0
    for document in pending.only("pk").order_by("pk").iterator():
        if document.pk in live:
            continue
        with transaction.atomic():
            documents_extraction_enqueue(documents=[document])
        count += 1
    return count
