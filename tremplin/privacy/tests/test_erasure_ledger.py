"""The erasure ledger and ``tremplin reapply-erasures``: a backup restored after an erasure
brings the person back; the ledger (a keyed hash of their address, in the database and in
a file beside the backups) erases them again, and only what the erasure took."""

import io
import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
import time_machine
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.management import CommandError, call_command

from tremplin.applications.models import Application, Candidate
from tremplin.core.models import AuditEvent
from tremplin.privacy.erasure import email_hmac, shred
from tremplin.privacy.models import ErasureLedgerEntry
from tremplin.privacy.services import retention_apply
from tremplin.privacy.shredders import subject_for_candidate
from tremplin.privacy.tests.test_retention import (
    DAY,
    T0,
    World,
    apply,
    close,
    decide,
    vacancy_titled,
    world_make,
)

pytestmark = pytest.mark.django_db

ADA = "ada.lovelace@example.org"
ERASED_AT = T0 + relativedelta(days=10)
RESTORED_AT = T0 + relativedelta(days=40)
# What a dump of the database holds (the rest: organizations, vacancies, staff, are there).
DUMPED_APPS = ["applications", "messaging", "review", "core.auditevent", "privacy"]


def backup(path: Path) -> Path:
    """A dump of the candidates' data, as a database backup would hold it."""
    call_command("dumpdata", *DUMPED_APPS, output=str(path), verbosity=0)
    return path


def restore(path: Path) -> None:
    """Load the backup back: its rows return, and its ledger is the old one (without the
    erasures made since)."""
    call_command("loaddata", str(path), verbosity=0)
    ErasureLedgerEntry.objects.all().delete()


def erase(application: Application, *, at: datetime = ERASED_AT) -> None:
    """An owner erases the candidate (everything the organization holds about them)."""
    organization = application.vacancy.organization
    with time_machine.travel(at, tick=False):
        subject = subject_for_candidate(candidate=application.candidate, organization=organization)
        shred(subject=subject, actor=None, reason="owner")


def reapply(*args: str, at: datetime = RESTORED_AT) -> str:
    out = io.StringIO()
    with time_machine.travel(at, tick=False):
        call_command("reapply_erasures", *args, stdout=out, stderr=out)
    return out.getvalue()


def present(email: str) -> bool:
    return Application.objects.filter(candidate__email=email).exists()


@pytest.fixture
def w() -> World:
    return world_make()


def test_an_erasure_is_recorded_by_a_keyed_hash_in_the_database_and_the_file(
    w, erasure_ledger_file, django_capture_on_commit_callbacks
):
    ada = apply(w.vacancy, ADA, at=T0)

    with django_capture_on_commit_callbacks(execute=True):
        erase(ada)

    entry = ErasureLedgerEntry.objects.get()  # the shredders left it
    assert entry.email_hmac == email_hmac(email=" Ada.Lovelace@Example.ORG ")  # normalised
    assert len(entry.email_hmac) == 64
    assert (entry.organization, entry.erased_at, entry.applications, entry.reason) == (
        w.organization,
        ERASED_AT,
        [],
        "owner",
    )
    [line] = erasure_ledger_file.read_text().splitlines()
    data = json.loads(line)
    assert data["email_hmac"] == entry.email_hmac
    assert data["entry"] == str(entry.entry_id)
    assert data["organization"] == w.organization.pk
    everything = line + json.dumps(list(ErasureLedgerEntry.objects.values()), default=str)
    assert "lovelace" not in everything.lower() and "Ada" not in everything


def test_the_hash_depends_on_the_key():
    assert email_hmac(email=ADA) != email_hmac(email=ADA, key=b"another key")


def test_a_restored_backup_is_erased_again_and_the_count_is_printed(
    w, tmp_path, erasure_ledger_file, django_capture_on_commit_callbacks
):
    ada = apply(w.vacancy, ADA, at=T0)
    bob = apply(w.vacancy, "bob@example.org", at=T0)
    dump = backup(tmp_path / "backup.json")
    with django_capture_on_commit_callbacks(execute=True):
        erase(ada)
    assert not present(ADA)

    restore(dump)
    assert present(ADA)  # the backup brought her back
    assert not ErasureLedgerEntry.objects.exists()  # and an old ledger

    assert reapply("--dry-run") == (
        "open-future: would erase again: 1 person(s), 1 application(s)\n"
    )
    assert present(ADA)
    assert not ErasureLedgerEntry.objects.exists()  # a dry run changes nothing

    out = reapply()

    assert out == (
        "1 ledger entr(y/ies) from the file put back in the database.\n"
        "open-future: erased again: 1 person(s), 1 application(s)\n"
    )
    assert not present(ADA)
    assert not Candidate.objects.filter(email=ADA).exists()
    assert Application.objects.filter(pk=bob.pk).exists()
    assert ErasureLedgerEntry.objects.count() == 1  # put back, not recorded twice
    assert len(erasure_ledger_file.read_text().splitlines()) == 1
    event = AuditEvent.objects.get(verb="erasure.reapplied")
    assert event.data == {"people": 1, "applications": 1}
    assert AuditEvent.objects.get(verb="candidate.erased", data__reason="restore")

    # A second run finds no one.
    assert (
        reapply()
        == "Nothing to erase again: the database holds no one of the ledger's 1 entr(y/ies).\n"
    )


def test_without_a_ledger_file_it_says_it_reads_the_database_only(w, erasure_ledger_file):
    assert reapply() == (
        f"No ledger file at {erasure_ledger_file}: the database's ledger only.\n"
        "Nothing to erase again: the database holds no one of the ledger's 0 entr(y/ies).\n"
    )


def test_someone_who_applied_again_after_the_erasure_keeps_the_new_application(
    w, tmp_path, django_capture_on_commit_callbacks
):
    ada = apply(w.vacancy, ADA, at=T0)
    dump = backup(tmp_path / "backup.json")
    with django_capture_on_commit_callbacks(execute=True):
        erase(ada)
    restore(dump)  # she is back…
    other = vacancy_titled(w.organization, "treasurer", "Treasurer")
    again = apply(other, ADA, at=RESTORED_AT)  # …and applies anew before the ledger is replayed
    assert Application.objects.filter(candidate__email=ADA).count() == 2

    out = reapply(at=RESTORED_AT + DAY)

    assert "open-future: erased again: 1 person(s), 1 application(s)" in out
    assert list(Application.objects.filter(candidate__email=ADA)) == [again]
    assert Candidate.objects.filter(email=ADA).exists()  # her identity, for the new one
    assert not Application.objects.filter(pk=ada.pk).exists()


def test_only_the_applications_retention_took_are_erased_again(
    w, tmp_path, django_capture_on_commit_callbacks
):
    ada = apply(w.vacancy, ADA, at=T0)
    other = vacancy_titled(w.organization, "treasurer", "Treasurer")
    hired = apply(other, ADA, at=T0)
    decide(ada, "rejected", at=T0 + DAY, by=w.owner)
    decide(hired, "hired", at=T0 + DAY, by=w.owner)  # kept years longer
    close(w.vacancy, at=T0 + DAY)
    dump = backup(tmp_path / "backup.json")
    due = T0 + DAY + relativedelta(months=3, days=1)
    with django_capture_on_commit_callbacks(execute=True), time_machine.travel(due, tick=False):
        retention_apply()
    assert not Application.objects.filter(pk=ada.pk).exists()
    assert ErasureLedgerEntry.objects.get().applications == [ada.pk]
    restore(dump)

    out = reapply(at=due + DAY)

    assert "open-future: erased again: 1 person(s), 1 application(s)" in out
    assert list(Application.objects.filter(candidate__email=ADA)) == [hired]


def test_the_same_address_at_another_organization_is_not_erased(
    w, tmp_path, django_capture_on_commit_callbacks
):
    ada = apply(w.vacancy, ADA, at=T0)
    elsewhere = world_make("elsewhere")
    there = apply(elsewhere.vacancy, ADA, at=T0)
    dump = backup(tmp_path / "backup.json")
    with django_capture_on_commit_callbacks(execute=True):
        erase(ada)
    restore(dump)

    assert reapply() == (
        "1 ledger entr(y/ies) from the file put back in the database.\n"
        "open-future: erased again: 1 person(s), 1 application(s)\n"
    )
    assert list(Application.objects.filter(candidate__email=ADA)) == [there]


def test_entries_made_with_another_key_are_reported_not_skipped_in_silence(
    w, tmp_path, settings, django_capture_on_commit_callbacks
):
    ada = apply(w.vacancy, ADA, at=T0)
    dump = backup(tmp_path / "backup.json")
    with django_capture_on_commit_callbacks(execute=True):
        erase(ada)
    restore(dump)
    settings.TREMPLIN_ERASURE_LEDGER_KEY = "a new key"

    out = reapply()

    assert "1 ledger entr(y/ies) were made with another key and cannot be matched" in out
    assert present(ADA)


def bad_ledgers(tmp_path: Path, good: str) -> list[tuple[list[str], str]]:
    malformed = tmp_path / "malformed.jsonl"
    malformed.write_text(good + "\n" + "{not json\n")
    wrong = tmp_path / "wrong.jsonl"
    wrong.write_text(json.dumps({**json.loads(good), "email_hmac": "ada@example.org"}) + "\n")
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b"\xff\xfe\x00")
    return [
        (
            ["--ledger", str(tmp_path / "missing.jsonl")],
            f"cannot read the ledger file {tmp_path / 'missing.jsonl'}: No such file or directory",
        ),
        (["--ledger", str(tmp_path)], f"cannot read the ledger file {tmp_path}: Is a directory"),
        (["--ledger", str(malformed)], f"{malformed}, line 2: not an erasure ledger entry"),
        (
            ["--ledger", str(wrong)],
            f"{wrong}, line 1: not an erasure ledger entry "
            r"\(email_hmac is not a SHA-256 hex digest\)",
        ),
        (["--ledger", str(binary)], f"{binary} is not a ledger file"),
    ]


def test_a_bad_ledger_file_gets_a_clear_error_and_changes_nothing(
    w, tmp_path, erasure_ledger_file, django_capture_on_commit_callbacks
):
    ada = apply(w.vacancy, ADA, at=T0)
    dump = backup(tmp_path / "backup.json")
    with django_capture_on_commit_callbacks(execute=True):
        erase(ada)
    restore(dump)
    good = erasure_ledger_file.read_text().splitlines()[0]

    for args, message in bad_ledgers(tmp_path, good):
        with pytest.raises(CommandError, match=message):
            reapply(*args)
        assert present(ADA)
        assert not ErasureLedgerEntry.objects.exists()


def test_the_command_line_says_it_in_one_line_and_exits_with_1(tmp_path):
    missing = tmp_path / "missing.jsonl"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tremplin.settings_test",
        "TREMPLIN_VAR_DIR": str(tmp_path / "var"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }

    done = subprocess.run(
        [
            str(Path(sys.executable).parent / "tremplin"),
            "reapply-erasures",
            "--ledger",
            str(missing),
        ],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == (
        f"CommandError: cannot read the ledger file {missing}: No such file or directory\n"
    )
