"""Erasure, done by the shredders in one transaction, recorded in the erasure ledger,
followed by VACUUM, and done again after a backup is restored. (The candidate asks for it
from a link that ``services.erasure_request_send`` mails them.)

VACUUM (``core.db``): after an erasure we vacuum the tables erasures touch once per batch:
after each erasure from the web (a task, after the commit: VACUUM cannot run in a
transaction and the request need not wait), once at the end of a retention run or a
reapply-erasures run (a task too when a retention run is asked to stop). The task skips a
table vacuumed since the erasure, so a burst of erasures costs about one VACUUM per table.
VACUUM does not wipe: freed space is reusable, not overwritten (VACUUM FULL rewrites the
table), and the write-ahead log and the backups still hold the rows (see the README).
SQLite has no VACUUM here: its write-ahead log is truncated instead.

The ledger: each erasure is recorded as a keyed hash of the person's e-mail address
(HMAC-SHA256 of the address stripped and lower-cased), the organization, the moment, and
the applications it took (none listed: every application of theirs there made before that
moment). Nothing in clear: the ledger holds the promise, not the person. Entries live in
the database (``ErasureLedgerEntry``, written in the erasure's transaction) and, once
committed, as JSON lines appended to ``TREMPLIN_ERASURE_LEDGER_FILE``: a restored database
holds the ledger of its day, the file the erasures made since. The key is
``TREMPLIN_ERASURE_LEDGER_KEY``; empty, it is derived from ``SECRET_KEY`` (changing that
then orphans the ledger). Each entry keeps a short identifier of its key, so
``reapply-erasures`` says which entries it cannot match. Back the key up apart from the
database backups: with the key and the ledger, anyone can test whether an address is in it.

After a restore (``reapply-erasures``), whoever the ledger (table and files) names is erased
again, and the entries the restored table lacks are put back. An entry naming no
applications takes every application of that address at that organization made before the
erasure; one naming applications (retention took some) takes those still there, if they
are that address's and made before it. Someone who applied again after their erasure keeps
their new application: only what the erasure took goes.
"""

import hashlib
import hmac
import json
import logging
import os
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import batched
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import Model, Q
from django.utils import timezone

from tremplin.accounts.models import Organization, User
from tremplin.applications.models import Application, Candidate
from tremplin.core import db
from tremplin.core.audit import audit_events_redact, log_action, log_actions
from tremplin.core.models import AuditEvent
from tremplin.privacy.deletion import Batch, Subject
from tremplin.privacy.models import ErasureLedgerEntry, candidate_data_models
from tremplin.privacy.shredders import SHREDDERS, subject_for_applications

logger = logging.getLogger(__name__)

# The ledger -----------------------------------------------------------------------------


KEY_DERIVATION = b"tremplin.privacy.erasure-ledger"


def ledger_key() -> bytes:
    configured = getattr(settings, "TREMPLIN_ERASURE_LEDGER_KEY", "")
    if configured:
        return str(configured).encode()
    return hmac.new(settings.SECRET_KEY.encode(), KEY_DERIVATION, hashlib.sha256).digest()


def ledger_key_id(*, key: bytes | None = None) -> str:
    """Names the key without revealing it (a hash of it, cut short)."""
    return hmac.new(key or ledger_key(), b"key-id", hashlib.sha256).hexdigest()[:12]


def email_normalize(email: str) -> str:
    return email.strip().lower()


def email_hmac(*, email: str, key: bytes | None = None) -> str:
    normalized = email_normalize(email).encode()
    return hmac.new(key or ledger_key(), normalized, hashlib.sha256).hexdigest()


def ledger_file_path() -> Path:
    return Path(settings.TREMPLIN_ERASURE_LEDGER_FILE)


@dataclass(frozen=True)
class LedgerRecord:
    """One ledger entry, from the table or the file."""

    entry_id: uuid.UUID
    organization_id: int
    email_hmac: str
    key_id: str
    erased_at: datetime
    applications: tuple[int, ...]  # empty: all made before erased_at
    reason: str

    @classmethod
    def of(cls, entry: ErasureLedgerEntry) -> "LedgerRecord":
        return cls(
            entry.entry_id,
            entry.organization_id,
            entry.email_hmac,
            entry.key_id,
            entry.erased_at,
            tuple(entry.applications),
            entry.reason,
        )

    def line(self, *, organization_slug: str = "") -> str:
        """The record as one JSON line (the slug only helps a human reading the file)."""
        return json.dumps(
            {
                "entry": str(self.entry_id),
                "organization": self.organization_id,
                "organization_slug": organization_slug,
                "email_hmac": self.email_hmac,
                "key_id": self.key_id,
                "erased_at": self.erased_at.isoformat(),
                "applications": list(self.applications),
                "reason": self.reason,
            },
            sort_keys=True,
        )

    def entry(self) -> ErasureLedgerEntry:
        return ErasureLedgerEntry(
            entry_id=self.entry_id,
            organization_id=self.organization_id,
            email_hmac=self.email_hmac,
            key_id=self.key_id,
            erased_at=self.erased_at,
            applications=list(self.applications),
            reason=self.reason,
        )


def erasure_ledger_record(
    *,
    organization: Any,
    email: str,
    application_ids: tuple[int, ...] | None,
    reason: str,
) -> ErasureLedgerEntry:
    """Record an erasure (call it inside the erasure's transaction): the row now, the line
    in the ledger file once committed. ``application_ids`` None: all of theirs there."""
    return erasure_ledger_record_many(
        erasures=[(organization, email, application_ids)], reason=reason
    )[0]


def erasure_ledger_record_many(
    *, erasures: Sequence[tuple[Any, str, tuple[int, ...] | None]], reason: str
) -> list[ErasureLedgerEntry]:
    """Record erasures (organization, e-mail address, application ids or None) as
    ``erasure_ledger_record`` does, in one INSERT and, once committed, one write."""
    key = ledger_key()
    key_id = ledger_key_id(key=key)
    now = timezone.now()
    entries = ErasureLedgerEntry.objects.bulk_create(
        ErasureLedgerEntry(
            organization=organization,
            email_hmac=email_hmac(email=email, key=key),
            key_id=key_id,
            erased_at=now,
            applications=list(application_ids or ()),
            reason=reason,
        )
        for organization, email, application_ids in erasures
    )
    lines = "\n".join(
        LedgerRecord.of(entry).line(organization_slug=organization.slug)
        for entry, (organization, _email, _ids) in zip(entries, erasures, strict=True)
    )
    transaction.on_commit(lambda: ledger_file_append(line=lines), robust=True)
    return entries


def ledger_file_append(*, line: str, path: Path | None = None) -> None:
    """Append one line to the ledger file, in one write, and flush it to the disk. A
    failure is logged (the database holds the entry) and raised."""
    path = path or ledger_file_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, (line + "\n").encode())
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        logger.exception("the erasure ledger file %s could not be written", path)
        raise


class LedgerFileError(Exception):
    """The ledger file cannot be read, or holds something that is not an entry."""


FIELDS = {
    "entry": str,
    "organization": int,
    "email_hmac": str,
    "key_id": str,
    "erased_at": str,
    "applications": list,
    "reason": str,
}


def _record(data: Any) -> LedgerRecord:
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    for name, kind in FIELDS.items():
        if not isinstance(data.get(name), kind) or isinstance(data.get(name), bool):
            raise ValueError(f"{name} missing or not a {kind.__name__}")
    digest = data["email_hmac"]
    if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise ValueError("email_hmac is not a SHA-256 hex digest")
    erased_at = datetime.fromisoformat(data["erased_at"])
    if timezone.is_naive(erased_at):
        raise ValueError("erased_at has no time zone")
    applications = data["applications"]
    if not all(isinstance(pk, int) and not isinstance(pk, bool) for pk in applications):
        raise ValueError("applications is not a list of numbers")
    return LedgerRecord(
        uuid.UUID(data["entry"]),
        data["organization"],
        digest,
        data["key_id"],
        erased_at,
        tuple(applications),
        data["reason"],
    )


def ledger_file_read(*, path: Path) -> list[LedgerRecord]:
    """Every entry of a ledger file (blank lines skipped); LedgerFileError, with the file
    and the line, on anything else."""
    try:
        with path.open(encoding="utf-8") as lines:
            return list(_records(path, lines))
    except OSError as exc:
        raise LedgerFileError(f"cannot read the ledger file {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise LedgerFileError(f"{path} is not a ledger file (not UTF-8 text)") from None


def _records(path: Path, lines: Any) -> Iterator[LedgerRecord]:
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            yield _record(json.loads(text))
        except ValueError as exc:  # JSONDecodeError is one
            raise LedgerFileError(
                f"{path}, line {number}: not an erasure ledger entry ({exc})"
            ) from None


# Erasing --------------------------------------------------------------------------------


def shred(
    *, subject: Subject, actor: User | None, reason: str, ledger: bool = True, vacuum: bool = True
) -> dict[str, int]:
    """Erase the subject's data, every shredder in turn, in one transaction; record it in
    the audit log by counts, without naming the person. Returns the counts by shredder.

    ``ledger``: record it in the erasure ledger (a keyed hash of the address, never the
    address), to erase it again after a backup is restored; replaying the ledger does not
    record again. ``vacuum``: on PostgreSQL, VACUUM the tables after the commit (a task);
    a caller erasing many at once says False and vacuums once at the end.
    """
    return shred_many(subjects=[subject], actor=actor, reason=reason, ledger=ledger, vacuum=vacuum)[
        0
    ]


def shred_many(
    *,
    subjects: Sequence[Subject],
    actor: User | None,
    reason: str,
    ledger: bool = True,
    vacuum: bool = True,
) -> list[dict[str, int]]:
    """``shred`` for several subjects at once, in one transaction and a few statements per
    kind of data, however many they are: one audit event per subject all the same (its
    counts), the audit events about what went redacted in one UPDATE, the stored files
    removed once committed. Returns each subject's counts by shredder."""
    batch = Batch(subjects)
    with transaction.atomic():
        if ledger:
            erasure_ledger_record_many(
                erasures=[
                    (
                        subject.organization,
                        subject.candidate.email,
                        None if subject.whole else subject.application_ids,
                    )
                    for subject in subjects
                ],
                reason=reason,
            )
        by_shredder = {shredder.key: shredder.erase_many(batch) for shredder in SHREDDERS}
        _deleted_redact(batch)
        batch.files_remove()
        every = [
            {key: counts[i] for key, counts in by_shredder.items()} for i in range(len(subjects))
        ]
        log_actions(  # one INSERT for the batch
            actor,
            (
                (
                    "candidate.erased" if subject.whole else "application.erased",
                    {
                        "reason": reason,
                        "counts": counts,
                        "applications": list(subject.application_ids),
                    },
                    subject.organization,
                )
                for subject, counts in zip(subjects, every, strict=True)
            ),
        )
        if vacuum:
            erasure_vacuum()
    return every


def _deleted_redact(batch: Batch) -> None:
    """Redact the audit events about the rows the batch deleted (as
    ``core.audit.audit_follow_deletions`` does for rows deleted otherwise), in one UPDATE
    while the statement's parameters allow."""
    about = [
        (model._meta.label_lower, [str(pk) for pk in pks]) for model, pks in batch.deleted.items()
    ]
    size = min(connections[DEFAULT_DB_ALIAS].features.max_query_params or 10_000, 10_000) - 50
    where, used = Q(pk__in=[]), 0
    for label, ids in about:
        for chunk in batched(ids, size, strict=False):
            if used + len(chunk) > size:
                audit_events_redact(AuditEvent.objects.filter(where))
                where, used = Q(pk__in=[]), 0
            where |= Q(target_type=label, target_id__in=chunk)
            used += len(chunk) + 1
    if used:
        audit_events_redact(AuditEvent.objects.filter(where))


# VACUUM after an erasure ----------------------------------------------------------------


def erased_tables() -> list[str]:
    """The tables an erasure deletes from (every model holding candidate data) or updates
    (the audit log, whose events are redacted)."""
    models: list[type[Model]] = [*candidate_data_models(), AuditEvent]
    return sorted({model._meta.db_table for model in models})


def erasure_vacuum(*, tables: Sequence[str] | None = None, background: bool = False) -> None:
    """After an erasure: VACUUM its tables now if no transaction is open (and not
    ``background``), else in a task once the erasure is committed. On SQLite, truncate the
    write-ahead log instead (``core.db``) once it is committed."""
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor == "sqlite":
        transaction.on_commit(db.wal_truncate, robust=True)  # outside a transaction: at once
        return
    if connection.vendor != "postgresql":
        return
    names = list(tables) if tables is not None else erased_tables()
    if not background and not connection.in_atomic_block:
        db.tables_vacuum(tables=names)
        return
    from tremplin.privacy.tasks import erasure_vacuum_task  # the task calls tables_vacuum

    def enqueue() -> None:
        erasure_vacuum_task.enqueue(tables=names, since=timezone.now().isoformat())

    transaction.on_commit(enqueue, robust=True)  # outside a transaction: at once


# Erasing again after a restore ----------------------------------------------------------


RESTORE_REASON = "restore"


@dataclass
class Found:
    """What the restored database holds of one organization's erased people."""

    people: int = 0
    applications: int = 0


@dataclass
class Replay:
    by_organization: dict[str, Found] = field(default_factory=dict)  # slug -> counts
    entries: int = 0  # ledger entries read, table and files together
    restored_entries: int = 0  # put back in the table
    other_key: int = 0  # made with another key: cannot be matched


def _ledger(files: Iterable[LedgerRecord]) -> dict[str, LedgerRecord]:
    """Table and files together, one record per entry."""
    records = {
        str(entry.entry_id): LedgerRecord.of(entry)
        for entry in ErasureLedgerEntry.objects.order_by("pk").iterator()
    }
    for record in files:
        records.setdefault(str(record.entry_id), record)
    return records


def erasures_reapply(*, file_records: Iterable[LedgerRecord], dry_run: bool) -> Replay:
    """Erase again everyone in the ledger whose data the database holds (``dry_run``:
    count them, changing nothing). Returns the counts by organization."""
    report = Replay()
    records = _ledger(file_records)
    report.entries = len(records)
    organizations = {
        org.pk: org
        for org in Organization.objects.filter(
            pk__in={record.organization_id for record in records.values()}
        )
    }
    known = set(
        str(entry_id) for entry_id in ErasureLedgerEntry.objects.values_list("entry_id", flat=True)
    )
    missing = [
        record.entry()
        for entry_id, record in records.items()
        if entry_id not in known and record.organization_id in organizations
    ]
    report.restored_entries = len(missing)
    key = ledger_key()
    ours = [r for r in records.values() if r.organization_id in organizations]
    report.other_key = sum(1 for r in ours if r.key_id != ledger_key_id(key=key))
    ours = [r for r in ours if r.key_id == ledger_key_id(key=key)]
    by_hmac: dict[str, list[LedgerRecord]] = defaultdict(list)
    for record in ours:
        by_hmac[record.email_hmac].append(record)

    # Whose data is here: one pass over the candidates, hashing each address.
    due: dict[tuple[int, int], set[int]] = defaultdict(set)  # (candidate, org) -> applications
    candidates = Candidate.objects.only("pk", "email").order_by("pk")
    for candidate in candidates.iterator(chunk_size=2000):
        for record in by_hmac.get(email_hmac(email=candidate.email, key=key), ()):
            applications = Application.objects.filter(
                candidate=candidate,
                vacancy__organization_id=record.organization_id,
                created_at__lte=record.erased_at,
            )
            if record.applications:
                applications = applications.filter(pk__in=record.applications)
            ids = set(applications.values_list("pk", flat=True))
            if ids:
                due[(candidate.pk, record.organization_id)] |= ids

    for (_candidate, organization_id), ids in sorted(due.items()):
        found = report.by_organization.setdefault(organizations[organization_id].slug, Found())
        found.people += 1
        found.applications += len(ids)

    if dry_run:
        return report
    ErasureLedgerEntry.objects.bulk_create(missing)
    for (_candidate, _organization), ids in sorted(due.items()):
        with transaction.atomic():
            rows = list(Application.objects.filter(pk__in=ids).select_for_update())
            if rows:
                shred(
                    subject=subject_for_applications(applications=rows),
                    actor=None,
                    reason=RESTORE_REASON,
                    ledger=False,  # the entry that asked for it is there already
                    vacuum=False,
                )
    for slug, found in report.by_organization.items():
        log_action(
            None,
            "erasure.reapplied",
            None,
            {"people": found.people, "applications": found.applications},
            organization=next(o for o in organizations.values() if o.slug == slug),
        )
    if report.by_organization:
        erasure_vacuum()
    return report
