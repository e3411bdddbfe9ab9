"""The erasure ledger: whom to erase again after a backup is restored.

Each erasure is recorded as a keyed hash of the person's e-mail address (HMAC-SHA256 of the
address stripped and lower-cased), the organization, the moment, and the applications it
took (none listed: every application of theirs there made before that moment). Nothing
else, and nothing in clear: the ledger holds the promise, not the person.

The key is ``TREMPLIN_ERASURE_LEDGER_KEY``; empty, it is derived from ``SECRET_KEY``, so a
deployment works without one more secret, but changing ``SECRET_KEY`` then orphans the
ledger. Each entry keeps a short identifier of its key, so ``reapply-erasures`` says which
entries it cannot match instead of skipping them in silence. Set a key of your own and back
it up apart from the database backups (like ``TREMPLIN_FILES_KEY``): with the key and the
ledger, anyone can test whether an address is in it.

Entries live in the database (``ErasureLedgerEntry``, written in the erasure's transaction)
and, once committed, as JSON lines appended to ``TREMPLIN_ERASURE_LEDGER_FILE``: a restored
database holds the ledger of its day, the file holds the erasures made since.
"""

import hashlib
import hmac
import json
import logging
import os
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from tremplin.privacy.models import ErasureLedgerEntry

logger = logging.getLogger(__name__)

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
