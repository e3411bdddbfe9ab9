"""Erasure: asked by the candidate and confirmed from an e-mail, done by the shredders in
one transaction, followed by VACUUM, and done again after a backup is restored.

The confirmation link signs the application's random public id with a timestamp and a
salt of its own (a status link cannot stand in for it, nor the other way round); it
expires after ``ERASE_LINK_MAX_AGE``. What it erases is everything the application's
organization holds about the candidate, whichever of their applications there the link
came from.

VACUUM: a DELETE in PostgreSQL only marks a row dead; its bytes stay in the table's pages
(and its indexes) until VACUUM removes it. Autovacuum gets there some day, on its own
thresholds. After an erasure we vacuum the tables erasures touch, once per batch: after each
erasure from the web (a task, after the commit: VACUUM cannot run in a transaction and the
request need not wait), once at the end of a retention run or a reapply-erasures run
(however many candidates it erased; a task too when a retention run is asked to stop).
At scale: VACUUM reads the pages that are not all-visible and, when it has dead rows to
remove, each index of the table. The task skips a table vacuumed (by us or autovacuum)
since the erasure, so a burst of erasures costs about one VACUUM per table, not one each.
What VACUUM does not do: the freed space is reusable, not wiped (a dead row's bytes may
stay in a page until the space is used again; VACUUM FULL rewrites the table), and the
write-ahead log and the backups still hold the rows (see the README). SQLite has no VACUUM
here: nothing is done there.

After a backup is restored (``reapply-erasures``), whoever the erasure ledger names is
erased again. The ledger comes from the restored database's table (the erasures made
before the backup) and from the ledger files (those made since: a restored database does
not hold them). The entries the restored table lacks are put back, so the next restore
finds them too. For an entry naming no applications (the person asked, or an owner erased
them), every application of that e-mail address at that organization made before the
erasure goes; for an entry naming applications (retention took some, others stayed), those
of them still there, if they are that address's and made before it. Someone who applied
again after their erasure is not erased again by a restore: their new application (and so
their identity) stays; only what the erasure took goes.
"""

import enum
import logging
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import Model, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from tremplin.accounts.models import Organization, User
from tremplin.applications.models import Application, Candidate, Document
from tremplin.core.audit import audit_events_redact, log_action
from tremplin.core.models import AuditEvent
from tremplin.messaging.models import InboundMessage, OutboxMessage
from tremplin.messaging.outbox import AUTOMATIC_HEADERS, outbox_compose
from tremplin.privacy.deletion import Batch, Subject, chunks
from tremplin.privacy.ledger import (
    LedgerRecord,
    email_hmac,
    erasure_ledger_record_many,
    ledger_key,
    ledger_key_id,
)
from tremplin.privacy.models import ErasureLedgerEntry, candidate_data_models
from tremplin.privacy.shredders import SHREDDERS, subject_for_applications
from tremplin.review.models import Review

logger = logging.getLogger(__name__)

# The candidate's request and its confirmation link --------------------------------------

SALT = "tremplin.privacy.erase"
ERASE_LINK_MAX_AGE = timedelta(hours=48)
# A candidate asking again and again gets one e-mail per interval, not one per click.
ERASE_REQUEST_INTERVAL = timedelta(minutes=10)
CONFIRMATION_KIND = "erasure_confirmation"


def erase_link_hours() -> int:
    return int(ERASE_LINK_MAX_AGE.total_seconds() // 3600)


class EraseLink(enum.Enum):
    VALID = "valid"
    EXPIRED = "expired"
    BAD = "bad"  # tampered with, made elsewhere, or not a token at all


@dataclass(frozen=True)
class EraseLinkReading:
    state: EraseLink
    public_id: uuid.UUID | None = None


def erase_token_make(*, application: Application) -> str:
    return signing.TimestampSigner(salt=SALT).sign(application.public_id.hex)


def erase_token_read(*, token: str) -> EraseLinkReading:
    """Whether ``token`` is one of our erasure links, still valid, and for which application."""
    signer = signing.TimestampSigner(salt=SALT)
    try:
        value = signer.unsign(token, max_age=ERASE_LINK_MAX_AGE)
    except signing.SignatureExpired:
        state = EraseLink.EXPIRED
        try:
            value = signer.unsign(token)  # the signature is good: only its age is wrong
        except signing.BadSignature:
            return EraseLinkReading(EraseLink.BAD)
    except signing.BadSignature:
        return EraseLinkReading(EraseLink.BAD)
    else:
        state = EraseLink.VALID
    try:
        public_id = uuid.UUID(hex=value)
    except ValueError:
        return EraseLinkReading(EraseLink.BAD)
    return EraseLinkReading(state, public_id)


def erase_link_url(*, application: Application) -> str:
    """The absolute confirmation link, in the application's language."""
    with translation.override(application.language):
        path = reverse(
            "privacy:erase_confirm", kwargs={"token": erase_token_make(application=application)}
        )
    return settings.SITE_URL + path


def erasure_request_send(*, application: Application) -> bool:
    """E-mail the candidate the link that confirms the erasure, in their language; False
    (and no e-mail) when one went to them for this organization less than
    ``ERASE_REQUEST_INTERVAL`` ago."""
    organization = application.vacancy.organization
    with transaction.atomic():
        # One request at a time per candidate: two clicks at once send one e-mail.
        candidate = Candidate.objects.select_for_update().get(pk=application.candidate_id)
        recent = OutboxMessage.objects.filter(
            kind=CONFIRMATION_KIND,
            application__candidate=candidate,
            application__vacancy__organization=organization,
            created_at__gt=timezone.now() - ERASE_REQUEST_INTERVAL,
        )
        if recent.exists():
            return False

        def compose() -> tuple[str, str]:
            context = {
                "candidate": candidate,
                "organization": organization,
                "erase_url": erase_link_url(application=application),
                "hours": erase_link_hours(),
            }
            subject = gettext("Confirm the erasure of your data at %(organization)s") % {
                "organization": organization.name
            }
            return subject, render_to_string("privacy/email/erase_confirm.txt", context)

        outbox_compose(
            to=candidate.email,
            language=application.language,
            compose=compose,
            headers=AUTOMATIC_HEADERS,
            application=application,
            kind=CONFIRMATION_KIND,
        )
    return True


@dataclass(frozen=True)
class ErasureSummary:
    """How much an erasure takes away, by kind, for the page that confirms it."""

    applications: int
    documents: int
    messages: int
    reviews: int


def erasure_summary(*, subject: Subject) -> ErasureSummary:
    ids = subject.application_ids
    return ErasureSummary(
        applications=len(ids),
        documents=Document.objects.filter(application__in=ids).count(),
        messages=OutboxMessage.objects.filter(application__in=ids).count()
        + InboundMessage.objects.filter(application__in=ids).count(),
        reviews=Review.objects.filter(application__in=ids).count(),
    )


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
        every = []
        for i, subject in enumerate(subjects):
            counts = {key: counts[i] for key, counts in by_shredder.items()}
            every.append(counts)
            log_action(
                actor,
                "candidate.erased" if subject.whole else "application.erased",
                None,
                {
                    "reason": reason,
                    "counts": counts,
                    "applications": list(subject.application_ids),
                },
                organization=subject.organization,
            )
        if vacuum:
            erasure_vacuum()
    return every


def _deleted_redact(batch: Batch) -> None:
    """Redact the audit events about the rows the batch deleted (as
    ``deletion.audit_follows_deletions`` does for rows deleted otherwise), in one UPDATE
    while the statement's parameters allow."""
    about = [
        (model._meta.label_lower, [str(pk) for pk in pks]) for model, pks in batch.deleted.items()
    ]
    size = min(connections[DEFAULT_DB_ALIAS].features.max_query_params or 10_000, 10_000) - 50
    where, used = Q(pk__in=[]), 0
    for label, ids in about:
        for chunk in chunks(ids, size):
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


def _postgresql(using: str) -> bool:
    return connections[using].vendor == "postgresql"


def tables_vacuum(
    *, tables: Sequence[str], since: datetime | None = None, using: str = DEFAULT_DB_ALIAS
) -> list[str]:
    """VACUUM ``tables`` (PostgreSQL only, outside any transaction); with ``since``, only
    those not vacuumed since then. Returns the tables vacuumed."""
    if not _postgresql(using):
        return []
    connection = connections[using]
    if connection.in_atomic_block:
        raise RuntimeError("VACUUM cannot run inside a transaction")
    todo = list(tables)
    with connection.cursor() as cursor:
        if since is not None:
            cursor.execute(
                "SELECT relname FROM pg_stat_user_tables WHERE relname = ANY(%s) AND "
                "GREATEST(last_vacuum, last_autovacuum) >= %s",
                [todo, since],
            )
            done = {name for (name,) in cursor.fetchall()}
            todo = [table for table in todo if table not in done]
        for table in todo:
            cursor.execute(f"VACUUM {connection.ops.quote_name(table)}")
    logger.info("vacuumed after erasure: %s", ", ".join(todo) or "nothing left to do")
    return todo


def erasure_vacuum(*, tables: Sequence[str] | None = None, background: bool = False) -> None:
    """After an erasure: VACUUM its tables now if no transaction is open (and not
    ``background``), else in a task once the erasure is committed. Nothing on SQLite."""
    if not _postgresql(DEFAULT_DB_ALIAS):
        return
    names = list(tables) if tables is not None else erased_tables()
    if not background and not connections[DEFAULT_DB_ALIAS].in_atomic_block:
        tables_vacuum(tables=names)
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
