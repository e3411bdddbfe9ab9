"""``manage.py apply_retention``: enqueue the task, run it here (--now), count (--dry-run),
in batches; bad arguments get a clear error and change nothing."""

import io
from datetime import datetime

import pytest
import time_machine
from dateutil.relativedelta import relativedelta
from django.core.management import CommandError, call_command
from django.test import TestCase
from django_tasks_db.models import DBTaskResult

from tremplin.applications.models import Application, Candidate, Document
from tremplin.applications.services import applications_move
from tremplin.core.models import AuditEvent
from tremplin.messaging.models import OutboxMessage
from tremplin.privacy.tests.test_retention import (
    DAY,
    T0,
    apply,
    close,
    decide,
    exists,
    world_make,
)
from tremplin.testing.worker import run_worker

pytestmark = pytest.mark.django_db

END = T0 + relativedelta(days=30)  # when the vacancy closes
DUE = END + relativedelta(months=3) + DAY


class Terminal(io.StringIO):
    """Output that says it is a terminal, as a person's shell is."""

    def isatty(self) -> bool:
        return True


def command(*args: str, at: datetime = DUE, out: io.StringIO | None = None) -> str:
    out = out or io.StringIO()
    # Stored files go once the erasure commits: run what waits for the commit (the test's
    # own transaction never commits).
    with time_machine.travel(at, tick=False), TestCase.captureOnCommitCallbacks(execute=True):
        call_command("apply_retention", *args, stdout=out)
    return out.getvalue()


def due_world() -> Application:
    """Ada not retained, Bob in the talent pool (his offer is not due yet): the vacancy closed."""
    w = world_make()
    ada = apply(w.vacancy, "ada@example.org", at=T0)
    bob = apply(w.vacancy, "bob@example.org", at=T0, consent=True)
    decide(ada, "rejected", at=T0 + DAY, by=w.owner)
    decide(bob, "rejected", at=T0 + DAY, by=w.owner)
    close(w.vacancy, at=END)
    return ada


def snapshot() -> tuple[int, ...]:
    return (
        Application.objects.count(),
        Candidate.objects.count(),
        Document.objects.count(),
        OutboxMessage.objects.count(),
        AuditEvent.objects.filter(verb="retention.applied").count(),
        DBTaskResult.objects.count(),
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--batch-size", "0"], "--batch-size must be 1 or more, not 0"),
        (["--batch-size", "-5", "--now"], "--batch-size must be 1 or more, not -5"),
        (["--batch-size", "many"], "argument --batch-size: invalid int value: 'many'"),
        (["--every", "-1"], "--every must be zero or more seconds, not -1"),
        (["--now", "--dry-run"], "argument --dry-run: not allowed with argument --now"),
    ],
)
def test_bad_arguments_get_a_clear_error_and_change_nothing(args, message):
    ada = due_world()
    before = snapshot()

    with pytest.raises(CommandError, match=message):
        command(*args)

    assert snapshot() == before
    assert exists(ada)


def test_a_dry_run_counts_and_changes_nothing():
    ada = due_world()
    before = snapshot()

    out = command("--dry-run")

    assert out == "open-future: would do: 1 application(s) not retained or withdrawn\n"
    assert snapshot() == before
    assert exists(ada)
    assert command("--dry-run", at=END) == "Nothing due.\n"


@pytest.mark.django_db(transaction=True)  # the worker closes its connection when done
def test_it_enqueues_the_task_that_the_worker_runs(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # acknowledgements
    ada = due_world()

    out = command()

    assert out == "Retention task enqueued: the worker applies it.\n"
    [task] = DBTaskResult.objects.filter(task_path="tremplin.privacy.tasks.retention_task")
    assert exists(ada)
    with time_machine.travel(DUE, tick=False):
        run_worker()
    assert not exists(ada)
    assert Application.objects.filter(candidate__email="bob@example.org").exists()
    task.refresh_from_db()
    assert task.status == "SUCCESSFUL"


def test_now_applies_the_rules_here_and_twice_does_nothing_more():
    ada = due_world()

    assert command("--now") == "open-future: done: 1 application(s) not retained or withdrawn\n"
    assert not exists(ada)
    # Not enqueued (on PostgreSQL the VACUUM after it is a task here: the test's own
    # transaction is still open when the run ends).
    assert not DBTaskResult.objects.filter(task_path="tremplin.privacy.tasks.retention_task")

    assert command("--now") == "Nothing due.\n"
    assert command("--now", "-v0", at=DUE + relativedelta(days=20)) == ""


def test_250_due_applications_are_erased_in_batches_of_100(private_files):
    w = world_make()
    applications = [apply(w.vacancy, f"person{n}@example.org", at=T0) for n in range(250)]
    with time_machine.travel(T0 + DAY, tick=False):
        applications_move(
            applications=applications, to_stage="rejected", by=w.owner, reason="position_filled"
        )
    close(w.vacancy, at=END)
    assert command("--dry-run") == (
        "open-future: would do: 250 application(s) not retained or withdrawn\n"
    )

    out = command("--now", "--batch-size", "100")

    assert out == "open-future: done: 250 application(s) not retained or withdrawn\n"
    assert Application.objects.count() == 0
    assert Candidate.objects.count() == 0
    assert Document.objects.count() == 0
    assert not [p for p in private_files.rglob("*") if p.is_file()]
    event = AuditEvent.objects.get(verb="retention.applied")
    assert event.data["counts"]["not_retained"] == 250
    assert AuditEvent.objects.filter(verb="candidate.erased").count() == 250

    assert command("--now", "--batch-size", "100") == "Nothing due.\n"
    assert AuditEvent.objects.filter(verb="retention.applied").count() == 1


def test_on_a_terminal_it_shows_how_far_the_erasure_has_gone_batch_by_batch():
    w = world_make()
    applications = [apply(w.vacancy, f"person{n}@example.org", at=T0) for n in range(12)]
    with time_machine.travel(T0 + DAY, tick=False):
        applications_move(
            applications=applications, to_stage="rejected", by=w.owner, reason="position_filled"
        )
    close(w.vacancy, at=END)

    out = command("--now", "--batch-size", "5", out=Terminal())

    lines = out.split("\r")
    assert [line.split("] ")[-1].strip() for line in lines[1:]] == [
        "5/12 application(s)",
        "10/12 application(s)",
        "12/12 application(s)\nopen-future: done: 12 application(s) not retained or withdrawn",
    ]
    assert lines[-1].startswith("Erasing [" + "#" * 30 + "]")
    assert not Application.objects.exists()
