"""Background work on applications, run by `manage.py db_worker`."""

from django.tasks import task

from tremplin.applications import documents


class WorkerStopped(Exception):
    """Recorded on a task whose worker was stopped before it finished (see
    ``documents.document_extraction_recover``)."""


@task()
def document_extract_task(*, document_id: int) -> str:
    """Extract a document's text (safe to run twice, or after a worker died mid-way)."""
    return documents.document_extract(document_id=document_id)
