"""The index follows the texts: whatever changes one has its applications reindexed by one
task per transaction, enqueued after the commit (so a rolled-back change indexes nothing,
an application submitted with its documents and answers is indexed once, and the request
that changed a text does not wait for its index: the worker writes it a moment later).

What changes a text: a document's extracted text (``document_text_extracted``, sent by the
extraction, which writes with an UPDATE), a document or an answer saved or deleted, the
candidate's name or address edited (or split off: ``candidate_split``), the application's
notes (on receipt, and the staff's Note rows), the words hidden from its reviewers, a
vacancy's title, a vacancy's or a question's blind-review setting (they decide what
reviewers may search; only a blind vacancy's applications have a redacted form).

Where an application stands (its stage, vacancy and language, copied on its rows so that a
search need not read the applications) is not a text: a move updates the rows at once.
"""

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.db.models.signals import post_delete, post_save, pre_save

from tremplin.applications.models import Answer, Application, Candidate, Document, Note
from tremplin.applications.signals import (
    applications_moved,
    candidate_split,
    document_text_extracted,
)
from tremplin.search.models import SearchEntry
from tremplin.search.tasks import applications_index_task
from tremplin.vacancies.models import Question, Vacancy, VacancyText


class _Batch:
    """The applications to reindex when the current transaction commits: one task for all."""

    def __init__(self) -> None:
        self.ids: set[int] = set()
        self.done = False

    def __call__(self) -> None:
        self.done = True
        applications_index_task.enqueue(application_ids=sorted(self.ids))


def index_after_commit(application_ids: Iterable[int]) -> None:
    """Have these applications reindexed by a task (``applications_index_task``), enqueued
    when the current transaction commits: one task for all the applications a transaction
    changed. The request or task that changed a text does not wait for the index: a new
    application is found a moment after it arrives, once the worker has run the task.

    Enqueued ``robust``: a failure to enqueue is logged, never raised into what changed the
    text (an intake, an extraction), which is committed; ``manage.py search_index``
    repairs."""
    ids = {pk for pk in application_ids if pk is not None}
    if not ids:
        return
    connection = transaction.get_connection()
    batch: _Batch | None = getattr(connection, "search_batch", None)
    # The batch of this transaction, if it has one: registered, and not run yet (a callback
    # can change a text too, and is then in a transaction of its own).
    pending = (
        connection.in_atomic_block
        and batch is not None
        and not batch.done
        and any(callback is batch for _savepoints, callback, _robust in connection.run_on_commit)
    )
    if batch is None or not pending:
        batch = _Batch()
        connection.search_batch = batch
        batch.ids.update(ids)
        transaction.on_commit(batch, robust=True)  # outside a transaction: at once
        return
    batch.ids.update(ids)


def _raw(kwargs: dict[str, Any]) -> bool:
    return bool(kwargs.get("raw"))


# The application's fields its index rows hold (``SearchEntry``): a move to another stage
# or vacancy updates the rows at once, in the same transaction, without indexing again.
_SCOPE = {"stage", "vacancy", "language"}


def _application_changed(instance: Application, **kwargs: Any) -> None:
    fields = kwargs.get("update_fields")
    if _raw(kwargs):
        return
    if not kwargs.get("created") and (fields is None or _SCOPE & set(fields)):
        SearchEntry.objects.filter(application_id=instance.pk).update(
            organization_id=Subquery(
                Vacancy.objects.filter(pk=instance.vacancy_id).values("organization_id")
            ),
            vacancy_id=instance.vacancy_id,
            stage=instance.stage,
            language=instance.language,
        )
    if fields is None or {"notes", "hidden_words"} & set(fields) or kwargs.get("created"):
        index_after_commit([instance.pk])


def _applications_moved(application_ids: list[int], **kwargs: Any) -> None:
    """A move by one UPDATE: the rows take their applications' stage in one UPDATE too."""
    SearchEntry.objects.filter(application_id__in=application_ids).update(
        stage=Subquery(
            Application.objects.filter(pk=OuterRef("application_id")).values("stage")[:1]
        )
    )


def _part_changed(instance: Document | Answer | Note, **kwargs: Any) -> None:
    if not _raw(kwargs):
        index_after_commit([instance.application_id])


def _candidate_changed(instance: Candidate, **kwargs: Any) -> None:
    if not _raw(kwargs) and not kwargs.get("created"):
        index_after_commit(instance.applications.values_list("pk", flat=True))


def _vacancy_text_changed(instance: VacancyText | Question | Vacancy, **kwargs: Any) -> None:
    if not _raw(kwargs):
        vacancy_id = instance.pk if isinstance(instance, Vacancy) else instance.vacancy_id
        ids = Application.objects.filter(vacancy_id=vacancy_id).values_list("pk", flat=True)
        index_after_commit(ids)


def _vacancy_blindness_read(instance: Vacancy, **kwargs: Any) -> None:
    fields = kwargs.get("update_fields")
    if _raw(kwargs) or instance.pk is None:
        return
    if fields is None or "blind_review" in fields:
        before = Vacancy.objects.filter(pk=instance.pk).values_list("blind_review", flat=True)
        instance._search_blind_before = before.first()  # type: ignore[attr-defined]


def _vacancy_blindness_changed(instance: Vacancy, **kwargs: Any) -> None:
    before = getattr(instance, "_search_blind_before", None)
    if before is not None and before != instance.blind_review:
        _vacancy_text_changed(instance, **kwargs)


def _candidate_split(new: Candidate, **kwargs: Any) -> None:
    index_after_commit(new.applications.values_list("pk", flat=True))


def _document_extracted(document_id: int, **kwargs: Any) -> None:
    ids = Document.objects.filter(pk=document_id).values_list("application_id", flat=True)
    index_after_commit(ids)


def index_follows_changes() -> None:
    post_save.connect(_application_changed, sender=Application, dispatch_uid="search_application")
    for model in (Document, Answer, Note):
        post_save.connect(_part_changed, sender=model, dispatch_uid=f"search_{model.__name__}")
        post_delete.connect(_part_changed, sender=model, dispatch_uid=f"search_{model.__name__}")
    post_save.connect(_candidate_changed, sender=Candidate, dispatch_uid="search_candidate")
    for vacancy_model in (VacancyText, Question):
        post_save.connect(
            _vacancy_text_changed,
            sender=vacancy_model,
            dispatch_uid=f"search_{vacancy_model.__name__}",
        )
    pre_save.connect(_vacancy_blindness_read, sender=Vacancy, dispatch_uid="search_vacancy")
    post_save.connect(_vacancy_blindness_changed, sender=Vacancy, dispatch_uid="search_vacancy")
    document_text_extracted.connect(_document_extracted, dispatch_uid="search_extracted")
    candidate_split.connect(_candidate_split, dispatch_uid="search_candidate_split")
    applications_moved.connect(_applications_moved, dispatch_uid="search_applications_moved")
