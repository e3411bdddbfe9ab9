"""After a backup is restored: erase again whoever the erasure ledger names.

The ledger comes from the restored database's table (the erasures made before the backup)
and from the ledger files (those made since: a restored database does not hold them). The
entries the restored table lacks are put back, so the next restore finds them too.

Who is erased again: for an entry naming no applications (the person asked, or an owner
erased them), every application of that e-mail address at that organization made before
the erasure; for an entry naming applications (retention took some, others stayed), those
of them still there, if they are that address's and made before it. Someone who applied
again after their erasure is not erased again by a restore: their new application (and
so their identity) stays; only what the erasure took goes.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction

from tremplin.accounts.models import Organization
from tremplin.applications.models import Application, Candidate
from tremplin.core.audit import log_action
from tremplin.privacy.ledger import LedgerRecord, email_hmac, ledger_key, ledger_key_id
from tremplin.privacy.models import ErasureLedgerEntry
from tremplin.privacy.shredders import shred, subject_for_applications
from tremplin.privacy.vacuum import erasure_vacuum

REASON = "restore"


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
                    reason=REASON,
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
