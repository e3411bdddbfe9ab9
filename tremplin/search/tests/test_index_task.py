"""The index is written by a task, not by what changed a text: one task per transaction,
run by the worker after the commit, safe to run twice, and harmless for an application
erased before it runs."""

from typing import Any

import pytest
from django.core.files.base import ContentFile
from django_tasks_db.models import DBTaskResult

from tremplin.applications.intake.submit import IncomingFile, application_submit
from tremplin.applications.models import Application
from tremplin.privacy.erasure import shred
from tremplin.privacy.shredders import subject_for_candidate
from tremplin.search.models import SearchEntry
from tremplin.search.tasks import applications_index_task
from tremplin.search.tests.test_erasure import engine_rows_holding
from tremplin.testing import samples
from tremplin.testing.worker import run_worker

# The worker runs its tasks in transactions of its own.
worker_db = pytest.mark.django_db(transaction=True)


def index_tasks() -> list[list[int]]:
    """The application ids of each index task enqueued, in order."""
    results = DBTaskResult.objects.filter(task_path__endswith="applications_index_task")
    return [result.args_kwargs["kwargs"]["application_ids"] for result in results.order_by("pk")]


def submit(vacancy: Any, name: str, email: str, cv: str) -> Application:
    question = vacancy.questions.get()
    return application_submit(
        vacancy=vacancy,
        name=name,
        email=email,
        files=[IncomingFile(role="cv", name="cv.docx", file=ContentFile(samples.docx_bytes(cv)))],
        letter_text="Dear team, I keep bees.",
        answers={question.pk: "Because of the bees."},
        language="en",
        acknowledge=False,
    )


@worker_db
def test_a_submission_enqueues_one_index_task_and_the_worker_writes_the_index(open_vacancy):
    application = submit(open_vacancy, "Ada Lovelace", "ada@example.org", "Beekeeper in Lyon.")
    # The candidate, the application, two documents and an answer: one task for them all,
    # and nothing indexed by the submission itself.
    assert index_tasks() == [[application.pk]]
    assert not SearchEntry.objects.filter(application=application).exists()

    run_worker()

    staff = application.search_entries.get(form=SearchEntry.Form.STAFF)
    assert "Ada Lovelace" in staff.text and "Beekeeper in Lyon." in staff.text
    assert "Because of the bees." in staff.text
    # The extraction of each document enqueued its own task; every one ran.
    assert len(index_tasks()) == 3
    statuses = DBTaskResult.objects.filter(task_path__endswith="applications_index_task")
    assert set(statuses.values_list("status", flat=True)) == {"SUCCESSFUL"}


@worker_db
def test_running_the_task_twice_writes_the_same_rows(open_vacancy, blind_vacancy):
    ids = [
        submit(vacancy, "Ada Lovelace", "ada@example.org", "Ada Lovelace, beekeeper.").pk
        for vacancy in (open_vacancy, blind_vacancy)
    ]
    run_worker()
    before = sorted(SearchEntry.objects.values_list("application_id", "form", "text", "parts"))
    assert len(before) == 5  # staff and review on both, blind on the blind vacancy's

    applications_index_task.enqueue(application_ids=ids)
    applications_index_task.enqueue(application_ids=ids)
    run_worker()

    after = sorted(SearchEntry.objects.values_list("application_id", "form", "text", "parts"))
    assert after == before


@worker_db
def test_a_task_for_an_application_erased_before_it_runs_writes_nothing(open_vacancy, organization):
    application = submit(
        open_vacancy, "Zephyrine Quintavalle", "zq@example.net", "Beekeeper of the apiary."
    )
    assert index_tasks() == [[application.pk]]  # enqueued, not run yet

    shred(
        subject=subject_for_candidate(candidate=application.candidate, organization=organization),
        actor=None,
        reason="candidate",
        vacuum=False,
    )
    run_worker()

    statuses = DBTaskResult.objects.filter(task_path__endswith="applications_index_task")
    assert set(statuses.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert not SearchEntry.objects.filter(application_id=application.pk).exists()
    for trace in ("zephyrin", "quintaval", "zq", "apiary"):
        assert engine_rows_holding(trace) == 0, trace
