"""``tremplin apply-retention --now`` stopped by SIGTERM or Ctrl+C (SIGINT): it stops between
two candidates, says so in one line, exits as a process stopped by that signal does, and
keeps what it finished; no candidate is left half erased.

The command is a real process on the test database, so this needs PostgreSQL (the SQLite
test database lives in this process's memory).
"""

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django_tasks_db.models import DBTaskResult

from tremplin.applications.models import Application, Candidate, Document
from tremplin.applications.services import applications_move
from tremplin.core.models import AuditEvent
from tremplin.messaging.models import OutboxMessage
from tremplin.privacy.selectors import RUN_VERB
from tremplin.privacy.tests.test_retention import DAY, T0, apply, close, world_make
from tremplin.testing.commands import command_env

REPO = Path(settings.BASE_DIR)
TREMPLIN = Path(sys.executable).parent / "tremplin"
PEOPLE = 120


def traces(email: str, private_files: Path, files: set[str]) -> list[bool]:
    """Whether each kind of data about ``email`` is still there."""
    return [
        Candidate.objects.filter(email=email).exists(),
        Application.objects.filter(candidate__email=email).exists(),
        OutboxMessage.objects.filter(to=email).exists(),
        *((private_files / name).exists() for name in sorted(files)),
    ]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("sig", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_stops_the_run_between_candidates_and_keeps_what_it_finished(
    private_files, sig, status
):
    w = world_make()
    applications = [apply(w.vacancy, f"person{n}@example.org", at=T0) for n in range(PEOPLE)]
    with time_machine.travel(T0 + DAY, tick=False):
        applications_move(
            applications=applications, to_stage="rejected", by=w.owner, reason="position_filled"
        )
    close(w.vacancy, at=T0 + 30 * DAY)  # all due today, months later
    files = {
        app.candidate.email: set(
            Document.objects.filter(application=app).exclude(file="").values_list("file", flat=True)
        )
        for app in applications
    }
    assert all(files.values())
    assert all(all(traces(email, private_files, f)) for email, f in files.items())

    process = subprocess.Popen(
        [str(TREMPLIN), "apply-retention", "--now", "--batch-size", "5"],
        cwd=REPO,
        env=command_env(
            private_files=private_files,
            TREMPLIN_ERASURE_LEDGER_FILE=str(private_files.parent / "ledger.jsonl"),
        ),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while Candidate.objects.count() > PEOPLE - 3:
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the command never started erasing"
            time.sleep(0.005)
        process.send_signal(sig)
        out, err = process.communicate(timeout=10)  # promptly
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

    assert process.returncode == status, err
    erased = [email for email in files if not Candidate.objects.filter(email=email).exists()]
    assert 3 <= len(erased) < PEOPLE  # stopped in the middle
    assert err.splitlines()[-1] == (
        f"apply-retention: stopped by {signal.Signals(sig).name} after erasing {len(erased)} "
        "application(s); the rest is untouched: run it again to finish."
    )
    assert out == f"open-future: done: {len(erased)} application(s) not retained or withdrawn\n"
    for email, stored in files.items():
        left = traces(email, private_files, stored)
        assert left == [email not in erased] * len(left), f"{email} is half erased: {left}"
    assert AuditEvent.objects.filter(verb="candidate.erased").count() == len(erased)
    run = AuditEvent.objects.get(verb=RUN_VERB)
    assert run.data["interrupted"] is True
    applied = AuditEvent.objects.get(verb="retention.applied")
    assert applied.data["counts"]["not_retained"] == len(erased)
    # The VACUUM of what it erased is left to the worker, not done before stopping.
    assert DBTaskResult.objects.filter(task_path__endswith="erasure_vacuum_task").count() == 1

    # Run again, to the end: the rest goes.
    again = subprocess.run(
        [str(TREMPLIN), "apply-retention", "--now"],
        cwd=REPO,
        env=command_env(
            private_files=private_files,
            TREMPLIN_ERASURE_LEDGER_FILE=str(private_files.parent / "ledger.jsonl"),
        ),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert again.stdout == (
        f"open-future: done: {PEOPLE - len(erased)} application(s) not retained or withdrawn\n"
    )
    assert not Candidate.objects.exists()
