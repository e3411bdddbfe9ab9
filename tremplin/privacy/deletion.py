"""Rows of candidate data deleted, and the audit log following them.

An erasure deletes a Batch: Subjects (a candidate at one organization: some or all of their
applications there) erased together in one transaction. The Batch says whose each row is
(so each erasure is counted and logged on its own), deletes rows in a few statements,
however many subjects (no per-row signal: ``erasure`` redacts the audit events about them
in one UPDATE), and removes their stored files once the transaction commits.

Rows deleted otherwise (the admin, a vacancy or organization deleted with everything in
it) are followed one at a time: the events about each are redacted as it goes, so the log
keeps no name of a person whose data is gone (``core.audit.audit_follow_deletions``).
"""

import logging
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from itertools import batched
from typing import Any

from django.core.files.storage import Storage
from django.db import connection, models, transaction
from django.db.models.fields.files import FieldFile
from django.db.models.functions import Upper

from tremplin.accounts.models import Organization
from tremplin.applications.models import Candidate

logger = logging.getLogger(__name__)

FILE_REMOVERS = 8  # stored files removed at once after an erasure


@dataclass(frozen=True)
class Subject:
    """Whose data, at which organization: some or all of one candidate's applications."""

    organization: Organization
    candidate: Candidate
    application_ids: tuple[int, ...]
    whole: bool  # every application of theirs at the organization
    # Nothing of the candidate stays anywhere once this subject is erased: the Candidate
    # row and what was filed under their address alone go too.
    last_trace: bool


@dataclass(frozen=True)
class Rows:
    """Rows of one kind for a batch of subjects; ``owner`` says whose each row is (an index
    in the batch, None: no subject's) from the values of ``fields``."""

    queryset: models.QuerySet[Any]
    fields: tuple[str, ...]
    owner: Callable[..., int | None]


class Batch:
    """Subjects erased together, in one transaction: whose each row is, and what went (the
    rows, for the audit log; the stored files, removed once the transaction commits)."""

    def __init__(self, subjects: Sequence[Subject]) -> None:
        self.subjects = tuple(subjects)
        self.application_ids = [pk for s in self.subjects for pk in s.application_ids]
        self._applications = {
            pk: i for i, s in enumerate(self.subjects) for pk in s.application_ids
        }
        self._candidates = {
            (s.candidate.pk, s.organization.pk): i for i, s in enumerate(self.subjects)
        }
        self._last = {s.candidate.pk: i for i, s in enumerate(self.subjects) if s.last_trace}
        self._addresses: dict[str, list[int]] | None = None
        self.deleted: dict[type[models.Model], list[Any]] = {}
        self.files: list[FieldFile] = []

    # Whose rows --------------------------------------------------------------------------

    def candidates(self, *, last_trace: bool = False, whole: bool = False) -> list[int]:
        return [
            s.candidate.pk
            for s in self.subjects
            if (s.last_trace or not last_trace) and (s.whole or not whole)
        ]

    def upper_emails(self, *, last_trace: bool = False, whole: bool = False) -> Any:
        """The subjects' addresses as the database upper-cases them (what ``iexact`` does)."""
        ids = self.candidates(last_trace=last_trace, whole=whole)
        return Candidate.objects.filter(pk__in=ids).annotate(upper=Upper("email")).values("upper")

    def of_application(self, application_id: int | None) -> int | None:
        return self._applications.get(application_id) if application_id is not None else None

    def of_candidate(self, candidate_id: int, organization_id: int | None = None) -> int | None:
        if organization_id is None:
            return self._last.get(candidate_id)
        return self._candidates.get((candidate_id, organization_id))

    def of_address(self, upper: str, organization_id: int | None, *, whole: bool) -> int | None:
        """The subject whose address it is, filed at their organization (``whole``) or
        nowhere (the last trace)."""
        if self._addresses is None:
            self._addresses = {}
            for upper_email, pk in (
                Candidate.objects.filter(pk__in=self.candidates())
                .annotate(upper=Upper("email"))
                .values_list("upper", "pk")
            ):
                self._addresses.setdefault(upper_email, []).extend(
                    i for i, s in enumerate(self.subjects) if s.candidate.pk == pk
                )
        for i in self._addresses.get(upper, ()):
            subject = self.subjects[i]
            if organization_id is None and subject.last_trace:
                return i
            if whole and subject.whole and organization_id == subject.organization.pk:
                return i
        return None

    # Reading and deleting ----------------------------------------------------------------

    def find(self, rows: Rows) -> list[tuple[Any, int]]:
        """(pk, owner) of each of the rows that is a subject's."""
        found = []
        for pk, *values in rows.queryset.values_list("pk", *rows.fields).order_by("pk"):
            owner = rows.owner(*values)
            if owner is not None:
                found.append((pk, owner))
        return found

    def delete(self, rows: Rows) -> list[int]:
        """Delete the rows in a few statements (no per-row signal): what points at them with
        SET_NULL is set to NULL, their stored files are noted for after the commit. Returns
        how many went of each subject's."""
        model = rows.queryset.model
        found = self.find(rows)
        counts = [0] * len(self.subjects)
        for _pk, owner in found:
            counts[owner] += 1
        pks = [pk for pk, _owner in found]
        if not pks:
            return counts
        file_fields = [
            f.name for f in model._meta.concrete_fields if isinstance(f, models.FileField)
        ]
        size = min(connection.features.max_query_params or 10_000, 10_000)
        for chunk in batched(pks, size, strict=False):
            manager = model._base_manager
            if file_fields:
                for row in manager.filter(pk__in=chunk).only(*file_fields):
                    self.files.extend(f for name in file_fields if (f := getattr(row, name)))
            for relation in model._meta.related_objects:
                if relation.on_delete is models.SET_NULL:
                    field = relation.field.name
                    relation.related_model._base_manager.filter(**{f"{field}__in": chunk}).update(
                        **{field: None}
                    )
            manager.filter(pk__in=chunk)._raw_delete(manager.db)
        self.deleted.setdefault(model, []).extend(pks)
        return counts

    def files_remove(self) -> None:
        """Once the transaction commits: remove the stored files of the rows deleted, a few
        at a time (removing a file is waiting on the disk or the object store)."""
        names = [(file.storage, str(file.name)) for file in self.files]

        def remove_one(storage: Storage, name: str) -> None:
            try:
                storage.delete(name)
            except Exception:  # the others go all the same; the row is gone already
                logger.exception("erasure: the stored file %s could not be removed", name)

        def remove() -> None:
            with ThreadPoolExecutor(max_workers=FILE_REMOVERS) as pool:
                for storage, name in names:
                    pool.submit(remove_one, storage, name)

        if names:
            transaction.on_commit(remove)
