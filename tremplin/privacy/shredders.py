"""Erasure, in small units: one shredder per kind of candidate data.

Each shredder knows the rows (and stored files) of one kind of data about a Subject (a
candidate at one organization, or some of their applications there). It can export them
(the candidate's copy of their data is every shredder's export) and then erase them. The
audit log is the exception: its events are kept, redacted (as the rows they are about
go), so the organization can still show what was done, but no longer to whom.

pretix's data shredders are the model: small units, export before erase, run together
(``erasure.shred`` erases with all of them; ``exports`` builds the copy from their exports).
The search index (tremplin.search) is one shredder like the others.
"""

import json
from collections.abc import Iterator, Sequence
from itertools import batched
from pathlib import PurePath
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.fields.files import FieldFile
from django.db.models.functions import Upper
from django.utils.text import get_valid_filename

from tremplin.accounts.models import Organization
from tremplin.applications.models import (
    Answer,
    Application,
    Candidate,
    Document,
    DocumentDownload,
    Note,
    ReviewerAssignment,
    StageChange,
)
from tremplin.core.models import AuditEvent
from tremplin.interviews.models import (
    Interview,
    InterviewSlot,
    RescheduleRequest,
    Scorecard,
    ScorecardScore,
)
from tremplin.messaging.models import DraftMessage, InboundMessage, OutboxMessage
from tremplin.notifications.models import Notification
from tremplin.privacy.deletion import Batch, Rows, Subject
from tremplin.privacy.models import DataExport
from tremplin.review.models import AnswerScore, CandidateNumber, CriterionScore, Review
from tremplin.search.models import SearchEntry
from tremplin.search.services import search_index_purge

# Fields never exported: secrets of ours, not data about the candidate.
NOT_EXPORTED = {
    "messaging.outboxmessage": {"headers", "reply_token", "attachments"},
    "privacy.dataexport": {"file"},
}
# Text fields naming a member of staff, with the foreign key that says which one: the
# candidate's copy names staff by a stable pseudonym ("Member 2"), not by their e-mail.
STAFF_LABEL_FIELDS = {"by_label": "by", "actor_label": "actor", "author_label": "author"}


def _applications_of(candidate: Candidate, organization: Organization) -> models.QuerySet[Any]:
    return Application.objects.filter(candidate=candidate, vacancy__organization=organization)


def subject_for_candidate(*, candidate: Candidate, organization: Organization) -> Subject:
    ids = _applications_of(candidate, organization).order_by("pk").values_list("pk", flat=True)
    elsewhere = Application.objects.filter(candidate=candidate).exclude(pk__in=ids).exists()
    return Subject(organization, candidate, tuple(ids), True, last_trace=not elsewhere)


def subjects_for_applications(*, applications: Sequence[Application]) -> list[Subject]:
    """The applications as subjects, one per candidate and organization (in the order of
    their first application), in two queries however many they are. A candidate all of
    whose applications are given, at several organizations, leaves no trace: the last of
    their subjects is marked ``last_trace``."""
    rows = list(
        Application.objects.filter(pk__in=[a.pk for a in applications])
        .select_related("candidate", "vacancy__organization")
        .order_by("pk")
    )
    chosen: dict[tuple[int, int], list[Application]] = {}
    for row in rows:
        chosen.setdefault((row.candidate_id, row.vacancy.organization_id), []).append(row)
    every: dict[int, list[tuple[int, int]]] = {}  # candidate -> (application, organization)
    for pk, candidate_id, organization_id in Application.objects.filter(
        candidate_id__in={candidate_id for candidate_id, _org in chosen}
    ).values_list("pk", "candidate_id", "vacancy__organization_id"):
        every.setdefault(candidate_id, []).append((pk, organization_id))
    # A candidate whose every application is chosen, at one organization or several: the
    # last of their subjects takes the last trace (the Candidate row), the others their own.
    taken: dict[int, set[int]] = {}
    last: dict[int, tuple[int, int]] = {}
    for (candidate_id, organization_id), chosen_rows in chosen.items():
        taken.setdefault(candidate_id, set()).update(row.pk for row in chosen_rows)
        last[candidate_id] = (candidate_id, organization_id)
    subjects = []
    for (candidate_id, organization_id), chosen_rows in chosen.items():
        ids = tuple(row.pk for row in chosen_rows)
        theirs = every[candidate_id]
        whole = {pk for pk, org in theirs if org == organization_id} == set(ids)
        last_trace = (
            whole
            and last[candidate_id] == (candidate_id, organization_id)
            and {pk for pk, _org in theirs} == taken[candidate_id]
        )
        first = chosen_rows[0]
        subjects.append(
            Subject(first.vacancy.organization, first.candidate, ids, whole, last_trace)
        )
    return subjects


def subject_for_applications(*, applications: Sequence[Application]) -> Subject:
    """Some applications of one candidate at one organization (ValueError otherwise)."""
    subjects = subjects_for_applications(applications=applications)
    if not subjects:
        raise ValueError("no applications to erase")
    if len(subjects) != 1:
        raise ValueError("the applications are not one candidate's at one organization")
    return subjects[0]


class Pseudonyms:
    """Members of staff as "Member 1", "Member 2"… in the order the export meets them."""

    def __init__(self) -> None:
        self._labels: dict[int, str] = {}

    def label(self, user_id: int | None) -> str | None:
        if user_id is None:
            return None
        return self._labels.setdefault(user_id, f"Member {len(self._labels) + 1}")


def row_data(instance: models.Model, people: Pseudonyms) -> dict[str, Any]:
    """Every stored field of ``instance``, ready for JSON: staff as pseudonyms, files as
    their path inside the export."""
    label = instance._meta.label_lower
    skipped = NOT_EXPORTED.get(label, set())
    data: dict[str, Any] = {}
    for field in instance._meta.concrete_fields:
        if field.name in skipped:
            continue
        value = field.value_from_object(instance)
        if isinstance(field, models.FileField):
            value = export_path(getattr(instance, field.name)) if value else None
        elif field.is_relation and field.related_model is _user_model():
            value = people.label(value)
        elif field.name in STAFF_LABEL_FIELDS:
            value = people.label(getattr(instance, f"{STAFF_LABEL_FIELDS[field.name]}_id"))
        data[field.name] = value
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def _user_model() -> Any:
    from django.contrib.auth import get_user_model

    return get_user_model()


def export_path(file: FieldFile) -> str:
    """Where a stored file goes in the export: files/<model>-<pk>-<the candidate's name>."""
    instance = file.instance
    name = getattr(instance, "download_name", "") or PurePath(str(file.name)).name
    safe = get_valid_filename(name) or "file"
    return f"files/{instance._meta.model_name}-{instance.pk}-{safe}"


class Shredder:
    """One kind of data. Subclasses say which rows (``rows``, for a batch of subjects) and
    may override ``erase_many``; one subject is a batch of one."""

    key = ""

    def rows(self, batch: Batch) -> list[Rows]:
        raise NotImplementedError

    def querysets(self, subject: Subject) -> list[models.QuerySet[Any]]:
        return [rows.queryset for rows in self.rows(Batch([subject]))]

    def export(self, subject: Subject, people: Pseudonyms) -> dict[str, list[dict[str, Any]]]:
        sections: dict[str, list[dict[str, Any]]] = {}
        for queryset in self.querysets(subject):
            label = queryset.model._meta.label_lower
            rows = sections.setdefault(label, [])
            rows.extend(row_data(row, people) for row in queryset.order_by("pk").iterator())
        return sections

    def files(self, subject: Subject) -> Iterator[tuple[str, FieldFile]]:
        for queryset in self.querysets(subject):
            file_fields = [
                field.name
                for field in queryset.model._meta.concrete_fields
                if isinstance(field, models.FileField)
                and field.name not in NOT_EXPORTED.get(queryset.model._meta.label_lower, ())
            ]
            for row in queryset.order_by("pk").iterator():
                for name in file_fields:
                    file = getattr(row, name)
                    if file:
                        yield export_path(file), file

    def erase_many(self, batch: Batch) -> list[int]:
        """Delete the rows of every subject of ``batch``, the last kind first (the rows of
        a kind may point at those of the kinds before it, never after); returns how many
        went of each subject's."""
        counts = [0] * len(batch.subjects)
        for rows in reversed(self.rows(batch)):
            for i, count in enumerate(batch.delete(rows)):
                counts[i] += count
        return counts


def _by_application(batch: Batch, queryset: models.QuerySet[Any], path: str) -> Rows:
    return Rows(
        queryset.filter(**{f"{path}__in": batch.application_ids}), (path,), batch.of_application
    )


class AuditShredder(Shredder):
    """The audit events about the subject's rows: exported, never deleted. They are
    redacted as the rows they are about go (``erasure.shred_many`` for the rows of an
    erasure, ``core.audit.audit_follow_deletions`` for rows deleted otherwise): erasing
    counts them."""

    key = "audit"

    def targets(self, batch: Batch) -> list[Rows]:
        targets = [
            _by_application(batch, Application.objects.all(), "pk"),
            _by_application(batch, Document.objects.all(), "application_id"),
            _inbound(batch),
            _outbox(batch),
            _by_application(batch, DraftMessage.objects.all(), "application_id"),
            _by_application(batch, Review.objects.all(), "application_id"),
            _exports(batch),
        ]
        return [*targets, _last_candidates(batch)]

    def rows(self, batch: Batch) -> list[Rows]:
        about = models.Q(pk__in=[])
        for rows in self.targets(batch):
            ids = [str(pk) for pk in rows.queryset.values_list("pk", flat=True)]
            if ids:
                about |= models.Q(
                    target_type=rows.queryset.model._meta.label_lower, target_id__in=ids
                )
        return [Rows(AuditEvent.objects.filter(about), (), lambda: 0)]

    def erase_many(self, batch: Batch) -> list[int]:
        counts = [0] * len(batch.subjects)
        for rows in self.targets(batch):
            owners = {str(pk): owner for pk, owner in batch.find(rows)}
            label = rows.queryset.model._meta.label_lower
            for chunk in batched(list(owners), 10_000, strict=False):
                for target_id in AuditEvent.objects.filter(
                    target_type=label, target_id__in=chunk
                ).values_list("target_id", flat=True):
                    counts[owners[target_id]] += 1
        return counts


class ExportShredder(Shredder):
    """Copies of the data made for the candidate: they hold everything else."""

    key = "exports"

    def rows(self, batch: Batch) -> list[Rows]:
        return [_exports(batch)]


class ReviewShredder(Shredder):
    """Reviewers' scores and notes, who was asked to review, and the number a candidate
    goes by in blind review."""

    key = "reviews"

    def rows(self, batch: Batch) -> list[Rows]:
        return [
            _by_application(batch, ReviewerAssignment.objects.all(), "application_id"),
            _by_application(batch, CandidateNumber.objects.all(), "application_id"),
            _by_application(batch, Review.objects.all(), "application_id"),
            _by_application(batch, AnswerScore.objects.all(), "answer__application_id"),
            _by_application(batch, CriterionScore.objects.all(), "review__application_id"),
        ]


class InterviewShredder(Shredder):
    """Interviews: their times, panel, the candidate's requests to move them and the panel's
    scorecards (their mail is the outbox's, which ``MessageShredder`` erases)."""

    key = "interviews"

    def rows(self, batch: Batch) -> list[Rows]:
        return [
            _by_application(batch, Interview.objects.all(), "application_id"),
            _by_application(batch, InterviewSlot.objects.all(), "interview__application_id"),
            _by_application(batch, RescheduleRequest.objects.all(), "interview__application_id"),
            _by_application(
                batch, Interview.panel.through.objects.all(), "interview__application_id"
            ),
            _by_application(batch, Scorecard.objects.all(), "interview__application_id"),
            _by_application(
                batch, ScorecardScore.objects.all(), "scorecard__interview__application_id"
            ),
        ]


class NoteShredder(Shredder):
    """Staff notes on the applications (exported: they are about the candidate), and the
    notifications of mentions in them (not exported: they hold only a link, for staff)."""

    key = "notes"

    def rows(self, batch: Batch) -> list[Rows]:
        return [
            _by_application(batch, Note.objects.all(), "application_id"),
            _by_application(batch, Notification.objects.all(), "application_ref"),
        ]

    def export(self, subject: Subject, people: Pseudonyms) -> dict[str, list[dict[str, Any]]]:
        sections = super().export(subject, people)
        sections.pop(Notification._meta.label_lower, None)
        return sections


class AnswerShredder(Shredder):
    key = "answers"

    def rows(self, batch: Batch) -> list[Rows]:
        return [_by_application(batch, Answer.objects.all(), "application_id")]


class DocumentShredder(Shredder):
    """Documents, their extracted text and stored files, and who downloaded them."""

    key = "documents"

    def rows(self, batch: Batch) -> list[Rows]:
        return [
            _by_application(batch, Document.objects.all(), "application_id"),
            _by_application(batch, DocumentDownload.objects.all(), "document__application_id"),
        ]


class MessageShredder(Shredder):
    """Messages to the candidate: sent, queued, and drafts."""

    key = "messages"

    def rows(self, batch: Batch) -> list[Rows]:
        return [
            _outbox(batch),
            _by_application(batch, DraftMessage.objects.all(), "application_id"),
        ]


class EmailShredder(Shredder):
    """E-mails from the candidate, with the raw messages kept as received."""

    key = "emails"

    def rows(self, batch: Batch) -> list[Rows]:
        return [_inbound(batch)]


class SearchShredder(Shredder):
    """The search index of the applications, and what the engine still keeps of it."""

    key = "search"

    def rows(self, batch: Batch) -> list[Rows]:
        return [_by_application(batch, SearchEntry.objects.all(), "application_id")]

    def erase_many(self, batch: Batch) -> list[int]:
        erased = super().erase_many(batch)
        search_index_purge()
        return erased


class IdentityShredder(Shredder):
    """The applications, their stage history, and the candidate (name, e-mail, phone) when
    nothing of theirs stays anywhere."""

    key = "identity"

    def rows(self, batch: Batch) -> list[Rows]:
        return [
            _last_candidates(batch),
            _by_application(batch, Application.objects.all(), "pk"),
            _by_application(batch, StageChange.objects.all(), "application_id"),
        ]


def _last_candidates(batch: Batch) -> Rows:
    """The candidates of whom nothing stays once their subject is erased."""
    queryset = Candidate.objects.filter(pk__in=batch.candidates(last_trace=True))
    return Rows(queryset, ("pk",), batch.of_candidate)


def _exports(batch: Batch) -> Rows:
    queryset = DataExport.objects.filter(
        candidate__in=batch.candidates(),
        organization__in={s.organization.pk for s in batch.subjects},
    )
    return Rows(queryset, ("candidate_id", "organization_id"), batch.of_candidate)


def _outbox(batch: Batch) -> Rows:
    about = models.Q(application__in=batch.application_ids)
    if batch.candidates(last_trace=True):
        # Mail to their address about no application.
        emails = batch.upper_emails(last_trace=True)
        about |= models.Q(application__isnull=True, to_upper__in=emails)

    def owner(application_id: int | None, to_upper: str) -> int | None:
        if application_id is not None:
            return batch.of_application(application_id)
        return batch.of_address(to_upper, None, whole=False)

    queryset = OutboxMessage.objects.annotate(to_upper=Upper("to")).filter(about)
    return Rows(queryset, ("application_id", "to_upper"), owner)


def _inbound(batch: Batch) -> Rows:
    about = models.Q(application__in=batch.application_ids)
    if batch.candidates(whole=True):
        # Mail from their address that never became an application here (unsorted, say).
        unfiled = models.Q(application__isnull=True, from_upper__in=batch.upper_emails(whole=True))
        where = models.Q(organization__in={s.organization.pk for s in batch.subjects if s.whole})
        if batch.candidates(last_trace=True):
            where |= models.Q(organization__isnull=True)
        about |= unfiled & where

    def owner(
        application_id: int | None, from_upper: str, organization_id: int | None
    ) -> int | None:
        if application_id is not None:
            return batch.of_application(application_id)
        return batch.of_address(from_upper, organization_id, whole=True)

    queryset = InboundMessage.objects.annotate(from_upper=Upper("from_address")).filter(about)
    return Rows(queryset, ("application_id", "from_upper", "organization_id"), owner)


# In erasure order: the audit log first (it finds events by the rows about to go), the
# identity last (the other rows hang on the applications).
SHREDDERS: tuple[Shredder, ...] = (
    AuditShredder(),
    ExportShredder(),
    ReviewShredder(),
    InterviewShredder(),
    NoteShredder(),
    AnswerShredder(),
    DocumentShredder(),
    MessageShredder(),
    EmailShredder(),
    SearchShredder(),
    IdentityShredder(),
)


def export_data(*, subject: Subject) -> dict[str, list[dict[str, Any]]]:
    """Every shredder's rows, the candidate's identity first."""
    people = Pseudonyms()
    sections: dict[str, list[dict[str, Any]]] = {}
    for shredder in reversed(SHREDDERS):
        for label, rows in shredder.export(subject, people).items():
            sections.setdefault(label, []).extend(rows)
    return sections


def export_files(*, subject: Subject) -> Iterator[tuple[str, FieldFile]]:
    for shredder in reversed(SHREDDERS):
        yield from shredder.files(subject)
