"""A worker killed in the middle of an extraction loses nothing: after a plain restart of
`manage.py db_worker` every document has its text, within two minutes.

The worker is a real `manage.py db_worker` process on the test database, so this needs
PostgreSQL (the SQLite test database lives in this process's memory).
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django_tasks_db.models import DBTaskResult

from tremplin.applications.intake.submit import IncomingFile, application_submit
from tremplin.applications.models import Document
from tremplin.testing import samples
from tremplin.testing.builders import campaign_lead_make, organization_make
from tremplin.testing.commands import command_env

REPO = Path(settings.BASE_DIR)


def worker_start(env: dict[str, str]) -> subprocess.Popen:
    """A plain `manage.py db_worker`, as an operator starts it."""
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def worker_stop(worker: subprocess.Popen, how: int = signal.SIGTERM) -> None:
    if worker.poll() is None:
        os.kill(worker.pid, how)
    worker.wait(timeout=60)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_during_extraction_loses_nothing(private_files):
    vacancy = campaign_lead_make(organization_make("open-future"))
    # Long PDFs, so that an extraction lasts long enough to be interrupted.
    long_cv = samples.pdf_bytes(samples.CV_EN * 6, pages=250)
    for number in range(3):
        application_submit(
            vacancy=vacancy,
            name=f"Candidate {number}",
            email=f"c{number}@example.org",
            files=[IncomingFile(role="cv", name="cv.pdf", file=ContentFile(long_cv))],
            language="en",
            acknowledge=False,
        )
    # One extraction task per CV (and one search index task per application, beside them).
    assert DBTaskResult.objects.filter(task_path__endswith="document_extract_task").count() == 3
    # A shorter time limit than the default, so that a task is taken for dead sooner.
    env = command_env(private_files=private_files, TREMPLIN_EXTRACTION_TIME_LIMIT="10")

    worker = worker_start(env)
    try:
        deadline = time.monotonic() + 60
        while not Document.objects.filter(
            extraction_status=Document.Extraction.PENDING, extraction_attempts=1
        ).exists():
            assert time.monotonic() < deadline, "the worker never started an extraction"
            time.sleep(0.005)
    finally:
        worker_stop(worker, signal.SIGKILL)

    # The worker died mid-extraction: its task stays "running" in django-tasks-db.
    interrupted = Document.objects.get(
        extraction_status=Document.Extraction.PENDING, extraction_attempts=1
    )
    assert DBTaskResult.objects.filter(status="RUNNING").count() == 1

    # A plain restart finishes everything, with nobody running extraction_sweep.
    restarted = time.monotonic()
    worker = worker_start(env)
    try:
        while Document.objects.exclude(extraction_status=Document.Extraction.DONE).exists():
            assert time.monotonic() - restarted < 120, "the restarted worker left work undone"
            time.sleep(0.5)
    finally:
        worker_stop(worker)

    documents = list(Document.objects.all())
    assert len(documents) == 3
    for document in documents:
        assert document.extraction_status == Document.Extraction.DONE
        assert document.page_count == 250
        assert "programme manager" in document.text
    interrupted.refresh_from_db()
    assert interrupted.extraction_attempts == 2
    # The dead worker's task is marked failed, so it is not taken for live again.
    assert not DBTaskResult.objects.filter(status="RUNNING").exists()
    assert DBTaskResult.objects.filter(status="FAILED").count() == 1
