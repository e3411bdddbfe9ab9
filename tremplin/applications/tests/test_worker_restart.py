"""A worker killed in the middle of an extraction loses nothing: after a restart (the sweep,
then a worker) every document has its text.

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
from django.db import connection
from django_tasks_db.models import DBTaskResult

from tremplin.applications import services
from tremplin.applications.models import Document
from tremplin.applications.services import IncomingFile
from tremplin.applications.tests import samples
from tremplin.applications.tests.conftest import make_organization, make_vacancy

REPO = Path(settings.BASE_DIR)


def worker_env(private_files: Path) -> dict[str, str]:
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    if db.get("PASSWORD"):
        url = url.replace("@", f":{db['PASSWORD']}@", 1)
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "tremplin.settings_test",
        "TREMPLIN_PRIVATE_FILES_DIR": str(private_files),
    }


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_during_extraction_loses_nothing(private_files):
    vacancy = make_vacancy(make_organization())
    # Long PDFs, so that an extraction lasts long enough to be interrupted.
    long_cv = samples.pdf_bytes(samples.CV_EN * 6, pages=250)
    for number in range(3):
        services.application_submit(
            vacancy=vacancy,
            name=f"Candidate {number}",
            email=f"c{number}@example.org",
            files=[IncomingFile(role="cv", name="cv.pdf", file=ContentFile(long_cv))],
            language="en",
            acknowledge=False,
        )
    assert DBTaskResult.objects.count() == 3
    env = worker_env(private_files)

    worker = subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--no-startup-delay",
            "--no-reload",
            "--interval",
            "0.1",
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not Document.objects.filter(
            extraction_status=Document.Extraction.PENDING, extraction_attempts=1
        ).exists():
            assert time.monotonic() < deadline, "the worker never started an extraction"
            time.sleep(0.005)
    finally:
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait()

    # The worker died mid-extraction: its task stays "running" for ever in django-tasks-db…
    interrupted = Document.objects.get(
        extraction_status=Document.Extraction.PENDING, extraction_attempts=1
    )
    assert DBTaskResult.objects.filter(status="RUNNING").count() == 1
    # …and a plain restart would not run it again.
    manage("db_worker", "--batch", "--no-startup-delay", "--no-reload", env=env)
    interrupted.refresh_from_db()
    assert interrupted.extraction_status == Document.Extraction.PENDING

    # The restart: the sweep queues it again, a worker finishes it.
    sweep = manage("extraction_sweep", "--older-than", "0", env=env)
    assert b"1 document(s) queued again" in sweep.stdout
    manage("db_worker", "--batch", "--no-startup-delay", "--no-reload", env=env)

    documents = list(Document.objects.all())
    assert len(documents) == 3
    for document in documents:
        assert document.extraction_status == Document.Extraction.DONE
        assert document.page_count == 250
        assert "programme manager" in document.text
    interrupted.refresh_from_db()
    assert interrupted.extraction_attempts == 2
