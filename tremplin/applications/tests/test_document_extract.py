"""Text extraction by the background task: every type, scanned PDFs, language flags,
idempotence, and the sweep that finishes work a dead worker left.

Transactional tests: the worker runs in this process and, like any worker, recycles its
database connection, which a test wrapped in a transaction cannot survive on PostgreSQL.
"""

import hashlib
import os
import resource
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db.models import QuerySet
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from tremplin.applications.documents import (
    document_extract,
    document_extraction_recover,
    document_extraction_sweep,
)
from tremplin.applications.intake.submit import IncomingFile, application_submit
from tremplin.applications.models import Document
from tremplin.testing import samples
from tremplin.testing.applying import apply_url
from tremplin.testing.builders import campaign_lead_make
from tremplin.testing.staff import staff_login, team_make
from tremplin.testing.worker import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def apply(vacancy):
    """Submit files and run the worker, as after a real commit."""

    def go(*files: tuple[str, str, bytes], letter_text: str = "", on=None):
        application = application_submit(
            vacancy=on or vacancy,
            name="Ada",
            email="ada@example.org",
            files=[IncomingFile(role=r, name=n, file=ContentFile(d)) for r, n, d in files],
            letter_text=letter_text,
            language="en",
        )
        run_worker()
        return application

    return go


@pytest.mark.parametrize(
    ("name", "data", "phrase", "pages"),
    [
        ("cv.pdf", samples.pdf_bytes(pages=2), "programme manager", 2),
        ("cv.docx", samples.docx_bytes(samples.CV_EN), "programme manager", 1),
        ("cv.odt", samples.odt_bytes(samples.CV_EN), "programme manager", None),
    ],
)
def test_it_extracts_the_text_and_counts_the_pages(apply, name, data, phrase, pages):
    application = apply(("cv", name, data))
    cv = application.documents.get()
    assert cv.extraction_status == Document.Extraction.DONE
    assert phrase in cv.text
    assert cv.page_count == pages
    assert cv.language == "en"
    assert cv.extraction_attempts == 1
    assert cv.sha256 == hashlib.sha256(data).hexdigest()  # of the file as it was sent


def test_it_reads_docx_tables_and_odt_headings(apply):
    application = apply(
        ("cv", "cv.docx", samples.docx_bytes(samples.CV_EN)),
        ("other", "more.odt", samples.odt_bytes(samples.CV_EN)),
    )
    docx = application.documents.get(kind="docx")
    odt = application.documents.get(kind="odt")
    assert "Languages\tEnglish, French" in docx.text
    assert odt.text.startswith("Curriculum vitae\n")


def test_a_pdf_without_text_is_flagged_as_scanned_not_failed(apply):
    cv = apply(("cv", "scan.pdf", samples.pdf_scanned_bytes())).documents.get()
    assert cv.extraction_status == Document.Extraction.NO_TEXT
    assert cv.get_extraction_status_display() == "No text: scanned?"
    assert cv.text == ""
    assert cv.page_count == 1


def test_a_letter_in_another_language_than_asked_is_flagged(apply, organization):
    english_only = campaign_lead_make(organization, slug="english-only", application_language="en")
    application = apply(
        ("cv", "cv.pdf", samples.pdf_bytes(samples.LETTER_FR)),
        ("letter", "lettre.docx", samples.docx_bytes(samples.LETTER_FR)),
        letter_text=samples.LETTER_FR,
        on=english_only,
    )
    letters = application.documents.filter(role=Document.Role.LETTER)
    assert [letter.language for letter in letters] == ["fr", "fr"]
    assert all(letter.language_mismatch for letter in letters)
    # A CV in French is not the letter: nothing to flag.
    assert not application.documents.get(role=Document.Role.CV).language_mismatch


def test_a_letter_in_the_language_asked_is_not_flagged(apply, organization):
    english_only = campaign_lead_make(organization, slug="english-only", application_language="en")
    application = apply(
        ("cv", "cv.pdf", samples.pdf_bytes()), letter_text=samples.LETTER_EN, on=english_only
    )
    letter = application.documents.get(role=Document.Role.LETTER)
    assert letter.language == "en" and not letter.language_mismatch


def test_no_flag_when_the_vacancy_asks_no_language(apply):
    application = apply(("cv", "cv.pdf", samples.pdf_bytes()), letter_text=samples.LETTER_FR)
    assert not application.documents.filter(language_mismatch=True).exists()


def test_running_the_task_twice_changes_nothing(apply):
    cv = apply(("cv", "cv.pdf", samples.pdf_bytes())).documents.get()
    assert document_extract(document_id=cv.pk) == "done"
    again = Document.objects.get(pk=cv.pk)
    assert (again.text, again.extracted_at, again.extraction_attempts) == (
        cv.text,
        cv.extracted_at,
        cv.extraction_attempts,
    )


def test_a_file_that_cannot_be_read_is_marked_failed_with_the_reason(vacancy):
    application = application_submit(
        vacancy=vacancy,
        name="Ada",
        email="ada@example.org",
        files=[IncomingFile(role="cv", name="cv.pdf", file=ContentFile(samples.pdf_bytes()))],
        language="en",
    )
    cv = application.documents.get()
    # The stored file was damaged on disk after the checks.
    cv.file.storage.delete(str(cv.file.name))
    cv.file.storage.save(str(cv.file.name), ContentFile(b"%PDF-1.7\nnothing"))
    assert document_extract(document_id=cv.pk) == "failed"
    cv.refresh_from_db()
    assert cv.extraction_status == Document.Extraction.FAILED
    assert cv.extraction_error


def test_a_docx_that_inflates_to_a_hundred_megabytes_is_kept_with_its_text_not_extracted(
    client, organization, vacancy, settings
):
    """A python-docx parse of 90 MB of XML needs gigabytes: the child stops at the memory
    limit, the worker goes on, and recruiters still open the file."""
    # The limit covers the worker and its child; the worker here is pytest, bigger than a
    # real one (some 110 MB): leave the child what a real worker leaves it of 512 MB.
    pytest_megabytes = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    settings.TREMPLIN_EXTRACTION_MEMORY_LIMIT = pytest_megabytes + 512 - 110
    heavy = samples.docx_inflating_bytes(90)
    response = Client().post(
        apply_url(vacancy),
        {
            "name": "Ada Lovelace",
            "email": "ada@example.org",
            "letter_text": samples.LETTER_EN,
            "cv": SimpleUploadedFile("cv.docx", heavy),
        },
    )
    assert response.status_code == 302  # the form takes it
    run_worker()
    cv = Document.objects.get(role=Document.Role.CV)

    assert cv.extraction_status == Document.Extraction.NOT_EXTRACTED
    assert "MB of memory" in cv.extraction_error
    assert cv.text == ""
    recruiter = staff_login(client, team_make(organization, vacancy).recruiter)
    org = organization.slug
    page = recruiter.get(
        reverse("staff_applications:detail", kwargs={"org": org, "application": cv.application_id})
    ).content.decode()
    assert "Text not extracted: the file is too long or complex" in page
    with translation.override("fr"):
        page_fr = recruiter.get(
            reverse(
                "staff_applications:detail", kwargs={"org": org, "application": cv.application_id}
            )
        ).content.decode()
    assert "Texte non extrait\u00a0: le fichier est trop long ou trop complexe" in page_fr
    download = recruiter.get(
        reverse("staff_applications:document_download", kwargs={"org": org, "document": cv.pk})
    )
    assert download.status_code == 200
    assert download.getvalue() == heavy


def test_a_document_that_takes_too_long_to_read_is_kept_with_its_text_not_extracted(
    apply, settings
):
    settings.TREMPLIN_EXTRACTION_TIME_LIMIT = 1
    settings.TREMPLIN_EXTRACTION_MEMORY_LIMIT = 4096  # so that only time runs out
    cv = apply(("cv", "cv.docx", samples.docx_inflating_bytes(20))).documents.get()
    assert cv.extraction_status == Document.Extraction.NOT_EXTRACTED
    assert cv.extraction_error == "reading it took more than 1 s"
    assert cv.file.open("rb").read(2) == b"PK"


def extraction_tasks() -> QuerySet[DBTaskResult]:
    """The extraction tasks (the search index has tasks of its own)."""
    return DBTaskResult.objects.filter(task_path__endswith="document_extract_task")


class TestSweep:
    def submit_without_worker(self, vacancy):
        """An application whose extraction task was claimed by a worker that then died:
        django-tasks-db leaves such a task "running" and never runs it again."""
        application = application_submit(
            vacancy=vacancy,
            name="Ada",
            email="ada@example.org",
            files=[IncomingFile(role="cv", name="cv.pdf", file=ContentFile(samples.pdf_bytes()))],
            language="en",
            acknowledge=False,
        )
        extraction_tasks().update(status="RUNNING", started_at=timezone.now())
        return application

    def test_it_requeues_documents_pending_past_the_timeout(self, vacancy):
        cv = self.submit_without_worker(vacancy).documents.get()
        run_worker()
        cv.refresh_from_db()
        assert cv.extraction_status == Document.Extraction.PENDING  # a restart alone: stuck
        Document.objects.filter(pk=cv.pk).update(
            extraction_queued_at=timezone.now() - timedelta(hours=1)
        )
        call_command("extraction_sweep", verbosity=0)
        run_worker()
        cv.refresh_from_db()
        assert cv.extraction_status == Document.Extraction.DONE

    def test_it_leaves_recent_documents_to_their_task(self, vacancy):
        self.submit_without_worker(vacancy)
        assert document_extraction_sweep(older_than=timedelta(minutes=10)) == 0

    def test_it_leaves_finished_documents_alone(self, apply):
        cv = apply(("cv", "cv.pdf", samples.pdf_bytes())).documents.get()
        assert document_extraction_sweep(older_than=timedelta(0)) == 0
        assert Document.objects.get(pk=cv.pk).extraction_attempts == 1

    def test_a_file_that_killed_its_worker_three_times_is_given_up(self, vacancy):
        cv = self.submit_without_worker(vacancy).documents.get()
        Document.objects.filter(pk=cv.pk).update(extraction_attempts=3)
        document_extraction_sweep(older_than=timedelta(0))
        run_worker()
        cv.refresh_from_db()
        assert cv.extraction_status == Document.Extraction.FAILED
        assert "3 times" in cv.extraction_error

    def test_a_negative_timeout_is_refused(self):
        from django.core.management.base import CommandError

        with pytest.raises(CommandError):
            call_command("extraction_sweep", older_than=-1)


class TestRecovery:
    """What the worker does by itself as it starts, and every few seconds after."""

    def submit(self, vacancy, *, task_status: str, started: timedelta):
        """An application whose extraction task was claimed ``started`` ago."""
        application = application_submit(
            vacancy=vacancy,
            name="Ada",
            email="ada@example.org",
            files=[IncomingFile(role="cv", name="cv.pdf", file=ContentFile(samples.pdf_bytes()))],
            language="en",
            acknowledge=False,
        )
        extraction_tasks().update(status=task_status, started_at=timezone.now() - started)
        Document.objects.update(extraction_queued_at=timezone.now() - started)
        return application.documents.get()

    def test_a_worker_starting_finishes_the_task_a_killed_worker_left_running(self, vacancy):
        cv = self.submit(vacancy, task_status="RUNNING", started=timedelta(minutes=2))
        run_worker()  # no extraction_sweep
        cv.refresh_from_db()
        assert cv.extraction_status == Document.Extraction.DONE
        assert "programme manager" in cv.text
        # The dead worker's task is marked failed; the new one succeeded.
        assert sorted(extraction_tasks().values_list("status", flat=True)) == [
            "FAILED",
            "SUCCESSFUL",
        ]

    def test_it_leaves_a_task_running_within_the_time_limit_to_its_worker(self, vacancy):
        cv = self.submit(vacancy, task_status="RUNNING", started=timedelta(seconds=30))
        assert (
            document_extraction_recover(
                stale_after=timedelta(seconds=90), grace=timedelta(seconds=30)
            )
            == 0
        )
        run_worker()
        cv.refresh_from_db()
        assert cv.extraction_status == Document.Extraction.PENDING
        assert extraction_tasks().get().status == "RUNNING"

    def test_a_document_whose_task_failed_is_queued_again(self, vacancy):
        cv = self.submit(vacancy, task_status="FAILED", started=timedelta(minutes=1))
        run_worker()
        cv.refresh_from_db()
        assert cv.extraction_status == Document.Extraction.DONE

    def test_a_document_waiting_in_the_queue_is_not_queued_twice(self, vacancy):
        self.submit(vacancy, task_status="READY", started=timedelta(hours=1))
        assert (
            document_extraction_recover(
                stale_after=timedelta(seconds=90), grace=timedelta(seconds=30)
            )
            == 0
        )
        assert extraction_tasks().count() == 1


@pytest.mark.parametrize(
    ("name", "value"),
    [("TREMPLIN_EXTRACTION_TIME_LIMIT", "0"), ("TREMPLIN_EXTRACTION_MEMORY_LIMIT", "64")],
)
def test_limits_too_small_to_read_any_file_are_refused_at_start(name, value):
    started = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=Path(__file__).resolve().parents[3],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "tremplin.settings_test", name: value},
        capture_output=True,
        check=False,
    )
    assert started.returncode != 0
    assert "ImproperlyConfigured" in started.stderr.decode()
    assert name in started.stderr.decode()


def test_a_typed_letter_is_read_in_the_worker_itself_and_a_parsed_file_in_a_child():
    """Plain text has no parser to contain: it needs no child process (and so no address
    space beyond the worker's), where a PDF is refused a child with no room left for one."""
    from tremplin.applications.extraction import ExtractionBeyondLimits, text_extract_bounded

    letter = text_extract_bounded(
        kind="txt", data=b"Madame,\r\n\r\n\r\n\r\nje", time_limit=5, memory_limit=0
    )
    assert letter.text == "Madame,\n\nje"
    with pytest.raises(ExtractionBeyondLimits):
        text_extract_bounded(kind="pdf", data=samples.pdf_bytes(), time_limit=5, memory_limit=0)


def test_a_file_that_exhausted_its_reader_leaves_the_next_file_a_fresh_one():
    """Each file is read by a process of its own: one that ran out of memory (and is
    stopped) changes nothing for the CV read after it."""
    from tremplin.applications.extraction import (
        MB,
        ExtractionBeyondLimits,
        text_extract_bounded,
    )

    memory_limit = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 + 400 * MB
    with pytest.raises(ExtractionBeyondLimits, match="MB of memory"):
        text_extract_bounded(
            kind="docx",
            data=samples.docx_inflating_bytes(90),
            time_limit=60,
            memory_limit=memory_limit,
        )
    cv = text_extract_bounded(
        kind="pdf", data=samples.pdf_bytes(), time_limit=60, memory_limit=memory_limit
    )
    assert cv.page_count == 1
    assert cv.text


def test_the_processes_that_read_files_hold_none_of_the_workers_secrets():
    """A parser exploited by a hostile file finds neither the files key nor the database
    in its environment: the extraction server starts with only what parsing needs."""
    from tremplin.applications.extraction import text_extract_bounded

    text_extract_bounded(kind="pdf", data=samples.pdf_bytes(), time_limit=60, memory_limit=2**31)
    children = [
        int(pid)
        for task in Path("/proc/self/task").iterdir()
        for pid in (task / "children").read_text().split()
    ]
    readers = [
        pid for pid in children if b"forkserver" in Path(f"/proc/{pid}/cmdline").read_bytes()
    ]
    assert readers, "no extraction server runs beside the worker"
    for pid in readers:
        environment = Path(f"/proc/{pid}/environ").read_bytes()
        assert os.environ["TREMPLIN_FILES_KEY"].encode() not in environment
        assert os.environ["SECRET_KEY"].encode() not in environment
        assert b"DATABASE" not in environment
