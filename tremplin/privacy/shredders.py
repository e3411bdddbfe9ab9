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
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils.text import get_valid_filename

from tremplin.accounts.models import Organization
from tremplin.applications.models import (
    Answer,
    Application,
    Candidate,
    Document,
    DocumentDownload,
    StageChange,
)
from tremplin.core.models import AuditEvent
from tremplin.messaging.models import DraftMessage, InboundMessage, OutboxMessage
from tremplin.privacy.models import DataExport
from tremplin.review.models import AnswerScore, CandidateNumber, CriterionScore, Review
from tremplin.search.models import SearchEntry
from tremplin.search.services import search_index_purge

# Fields never exported: secrets of ours, not data about the candidate.
NOT_EXPORTED = {
    "messaging.outboxmessage": {"headers", "reply_token"},
    "privacy.dataexport": {"file"},
}
# Text fields naming a member of staff, with the foreign key that says which one: the
# candidate's copy names staff by a stable pseudonym ("Member 2"), not by their e-mail.
STAFF_LABEL_FIELDS = {"by_label": "by", "actor_label": "actor"}


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


def _subject(
    organization: Organization, candidate: Candidate, ids: tuple[int, ...], *, whole: bool
) -> Subject:
    elsewhere = Application.objects.filter(candidate=candidate).exclude(pk__in=ids).exists()
    return Subject(organization, candidate, ids, whole, last_trace=whole and not elsewhere)


def _applications_of(candidate: Candidate, organization: Organization) -> models.QuerySet[Any]:
    return Application.objects.filter(candidate=candidate, vacancy__organization=organization)


def subject_for_candidate(*, candidate: Candidate, organization: Organization) -> Subject:
    ids = _applications_of(candidate, organization).order_by("pk").values_list("pk", flat=True)
    return _subject(organization, candidate, tuple(ids), whole=True)


def subject_for_applications(*, applications: Sequence[Application]) -> Subject:
    """Some applications of one candidate at one organization (ValueError otherwise)."""
    rows = list(
        Application.objects.filter(pk__in=[a.pk for a in applications])
        .select_related("candidate", "vacancy__organization")
        .order_by("pk")
    )
    if not rows:
        raise ValueError("no applications to erase")
    if len({(a.candidate_id, a.vacancy.organization_id) for a in rows}) != 1:
        raise ValueError("the applications are not one candidate's at one organization")
    candidate, organization = rows[0].candidate, rows[0].vacancy.organization
    ids = tuple(a.pk for a in rows)
    every = set(_applications_of(candidate, organization).values_list("pk", flat=True))
    return _subject(organization, candidate, ids, whole=every == set(ids))


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
    """One kind of data. Subclasses say which rows (``querysets``) and may override erase."""

    key = ""

    def querysets(self, subject: Subject) -> list[models.QuerySet[Any]]:
        raise NotImplementedError

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

    def erase(self, subject: Subject) -> int:
        """Delete the rows, the last queryset first (it may hold the others); their stored
        files go with them (tremplin.core.files)."""
        return sum(queryset.delete()[0] for queryset in reversed(self.querysets(subject)))


class AuditShredder(Shredder):
    """The audit events about the subject's rows: exported, never deleted. They are
    redacted as the rows they are about go (``privacy.signals``, which also covers rows
    deleted without a shredder): erasing counts them."""

    key = "audit"

    def querysets(self, subject: Subject) -> list[models.QuerySet[Any]]:
        applications = subject.application_ids
        targets: list[models.QuerySet[Any]] = [
            Application.objects.filter(pk__in=applications),
            Document.objects.filter(application__in=applications),
            _inbound(subject),
            _outbox(subject),
            DraftMessage.objects.filter(application__in=applications),
            Review.objects.filter(application__in=applications),
            _exports(subject),
        ]
        if subject.last_trace:
            targets.append(Candidate.objects.filter(pk=subject.candidate.pk))
        about = models.Q(pk__in=[])
        for queryset in targets:
            ids = [str(pk) for pk in queryset.values_list("pk", flat=True)]
            if ids:
                label = queryset.model._meta.label_lower
                about |= models.Q(target_type=label, target_id__in=ids)
        return [AuditEvent.objects.filter(about)]

    def erase(self, subject: Subject) -> int:
        return int(self.querysets(subject)[0].count())


class ExportShredder(Shredder):
    """Copies of the data made for the candidate: they hold everything else."""

    key = "exports"

    def querysets(self, subject: Subject) -> list[models.QuerySet[Any]]:
        return [_exports(subject)]


class ReviewShredder(Shredder):
    """Reviewers' scores and notes, and the number a candidate goes by in blind review."""

    key = "reviews"

    def querysets(self, subject: Subject) -> list[models.QuerySet[Any]]:
        ids = subject.application_ids
        return [
            CriterionScore.objects.filter(review__application__in=ids),
            AnswerScore.objects.filter(answer__application__in=ids),
            Review.objects.filter(application__in=ids),
            CandidateNumber.objects.filter(application__in=ids),
        ]


class AnswerShredder(Shredder):
    key = "answers"

    def querysets(self, subject: Subject) -> list[models.QuerySet[Any]]:
        return [Answer.objects.filter(application__in=subject.application_ids)]


class DocumentShredder(Shredder):
    """Documents, their extracted text and stored files, and who downloaded them."""

    key = "documents"

    def querysets(self, subject: Subject) -> list[models.QuerySet[Any]]:
        ids = subject.application_ids
        return [
            Document.objects.filter(application__in=ids),
            DocumentDownload.objects.filter(document__application__in=ids),
        ]


class MessageShredder(Shredder):
    """Messages to the candidate: sent, queued, and drafts."""

    key = "messages"

    def querysets(self, subject: Subject) -> list[models.QuerySet[Any]]:
        return [
            _outbox(subject),
            DraftMessage.objects.filter(application__in=subject.application_ids),
        ]


class EmailShredder(Shredder):
    """E-mails from the candidate, with the raw messages kept as received."""

    key = "emails"

    def querysets(self, subject: Subject) -> list[models.QuerySet[Any]]:
        return [_inbound(subject)]


class SearchShredder(Shredder):
    """The search index of the applications, and what the engine still keeps of it."""

    key = "search"

    def querysets(self, subject: Subject) -> list[models.QuerySet[Any]]:
        return [SearchEntry.objects.filter(application__in=subject.application_ids)]

    def erase(self, subject: Subject) -> int:
        erased = super().erase(subject)
        search_index_purge()
        return erased


class IdentityShredder(Shredder):
    """The applications, their stage history, and the candidate (name, e-mail, phone) when
    nothing of theirs stays anywhere."""

    key = "identity"

    def querysets(self, subject: Subject) -> list[models.QuerySet[Any]]:
        ids = subject.application_ids
        return [
            Candidate.objects.filter(pk=subject.candidate.pk),
            Application.objects.filter(pk__in=ids),
            StageChange.objects.filter(application__in=ids),
        ]

    def erase(self, subject: Subject) -> int:
        candidate, applications, changes = self.querysets(subject)
        last_trace = subject.last_trace
        erased = changes.delete()[0] + applications.delete()[0]
        return erased + (candidate.delete()[0] if last_trace else 0)


def _exports(subject: Subject) -> models.QuerySet[Any]:
    return DataExport.objects.filter(candidate=subject.candidate, organization=subject.organization)


def _outbox(subject: Subject) -> models.QuerySet[Any]:
    about = models.Q(application__in=subject.application_ids)
    if subject.last_trace:
        about |= models.Q(application__isnull=True, to__iexact=subject.candidate.email)
    return OutboxMessage.objects.filter(about)


def _inbound(subject: Subject) -> models.QuerySet[Any]:
    about = models.Q(application__in=subject.application_ids)
    if subject.whole:
        # Mail from their address that never became an application here (unsorted, say).
        unfiled = models.Q(application__isnull=True, from_address__iexact=subject.candidate.email)
        where = models.Q(organization=subject.organization)
        if subject.last_trace:
            where |= models.Q(organization__isnull=True)
        about |= unfiled & where
    return InboundMessage.objects.filter(about)


# In erasure order: the audit log first (it finds events by the rows about to go), the
# identity last (the other rows hang on the applications).
SHREDDERS: tuple[Shredder, ...] = (
    AuditShredder(),
    ExportShredder(),
    ReviewShredder(),
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
