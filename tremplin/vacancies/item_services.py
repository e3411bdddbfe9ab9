"""Writes on a vacancy's criteria and questions, from the staff editor.

Each goes through one of these with the acting user and is recorded with ``log_action``.
Refusals are ValidationErrors, raised before anything is changed (or rolled back with the
transaction).
"""

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from tremplin.core.audit import Actor, log_action
from tremplin.vacancies.models import Criterion, CriterionText, Question, QuestionText

UP = "up"
DOWN = "down"


@dataclass(frozen=True)
class CriterionFields:
    """A criterion's wording and scoring guide in one language."""

    text: str
    guide_1: str = ""
    guide_3: str = ""
    guide_5: str = ""


def _renumber(items: list[Any]) -> None:
    for position, item in enumerate(items):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])


def _move(items: list[Any], item: Any, direction: str) -> bool:
    """Swap ``item`` with its neighbour among ``items`` (in order); False at either end."""
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    neighbour = index - 1 if direction == UP else index + 1
    if direction not in (UP, DOWN) or not 0 <= neighbour < len(items):
        return False
    first, second = items[index], items[neighbour]
    first.position, second.position = second.position, first.position
    first.save(update_fields=["position"])
    second.save(update_fields=["position"])
    item.position = first.position
    return True


def _texts_store(
    owner: models.Model,
    model: type[models.Model],
    owner_field: str,
    texts: Mapping[str, Any],
) -> list[str]:
    """Create, update or (for None) delete ``owner``'s per-language rows; the changed ones."""
    changed: list[str] = []
    for language, fields in texts.items():
        existing = model._default_manager.filter(**{owner_field: owner, "language": language})
        row = existing.first()
        if fields is None:
            if row is not None:
                row.delete()
                changed.append(language)
            continue
        values = asdict(fields)
        if row is not None and all(getattr(row, key) == value for key, value in values.items()):
            continue
        if row is None:
            row = model(**{owner_field: owner, "language": language})
        for key, value in values.items():
            setattr(row, key, value)
        row.full_clean(exclude=[owner_field], validate_unique=False)
        row.save()
        changed.append(language)
    return changed


@transaction.atomic
def criterion_save(
    *, criterion: Criterion, texts: Mapping[str, CriterionFields | None], actor: Actor
) -> Criterion:
    """Store ``criterion`` (new ones go last) and its wording per language (None removes)."""
    created = criterion.pk is None
    if created:
        last = criterion.vacancy.criteria.order_by("-position").first()
        criterion.position = last.position + 1 if last else 0
    criterion.full_clean(exclude=["vacancy"])
    criterion.save()
    languages = _texts_store(criterion, CriterionText, "criterion", texts)
    if not criterion.texts.exists():
        raise ValidationError(_("Word the criterion in at least one language."))
    log_action(
        actor,
        "criterion.create" if created else "criterion.update",
        criterion,
        {"kind": criterion.kind, "weight": criterion.weight, "languages": languages},
        organization=criterion.vacancy.organization,
    )
    return criterion


@transaction.atomic
def criterion_delete(*, criterion: Criterion, actor: Actor) -> None:
    vacancy = criterion.vacancy
    log_action(
        actor,
        "criterion.delete",
        criterion,
        {"vacancy": vacancy.slug, "kind": criterion.kind},
        organization=vacancy.organization,
    )
    criterion.delete()
    _renumber(list(vacancy.criteria.order_by("position", "pk")))


@transaction.atomic
def criterion_move(*, criterion: Criterion, direction: str, actor: Actor) -> bool:
    """Move ``criterion`` up or down among the criteria of its kind; False if it cannot."""
    vacancy = criterion.vacancy
    _renumber(list(vacancy.criteria.order_by("position", "pk")))
    same_kind = list(vacancy.criteria.filter(kind=criterion.kind).order_by("position", "pk"))
    moved = _move(same_kind, criterion, direction)
    if moved:
        log_action(
            actor,
            "criterion.move",
            criterion,
            {"direction": direction},
            organization=vacancy.organization,
        )
    return moved


@dataclass(frozen=True)
class _QuestionWording:
    text: str


@transaction.atomic
def question_save(*, question: Question, texts: Mapping[str, str | None], actor: Actor) -> Question:
    """Store ``question`` (new ones go last) and its wording per language (None removes)."""
    created = question.pk is None
    if created:
        last = question.vacancy.questions.order_by("-position").first()
        question.position = last.position + 1 if last else 0
    question.full_clean(exclude=["vacancy"])
    question.save()
    languages = _texts_store(
        question,
        QuestionText,
        "question",
        {
            language: None if text is None else _QuestionWording(text)
            for language, text in texts.items()
        },
    )
    if not question.texts.exists():
        raise ValidationError(_("Word the question in at least one language."))
    log_action(
        actor,
        "question.create" if created else "question.update",
        question,
        {
            "word_limit": question.word_limit,
            "required": question.required,
            "blind_review": question.blind_review,
            "languages": languages,
        },
        organization=question.vacancy.organization,
    )
    return question


@transaction.atomic
def question_delete(*, question: Question, actor: Actor) -> None:
    vacancy = question.vacancy
    log_action(
        actor,
        "question.delete",
        question,
        {"vacancy": vacancy.slug},
        organization=vacancy.organization,
    )
    question.delete()
    _renumber(list(vacancy.questions.order_by("position", "pk")))


@transaction.atomic
def question_move(*, question: Question, direction: str, actor: Actor) -> bool:
    """Move ``question`` up or down on the form; False if it cannot."""
    vacancy = question.vacancy
    questions = list(vacancy.questions.order_by("position", "pk"))
    _renumber(questions)
    moved = _move(questions, question, direction)
    if moved:
        log_action(
            actor,
            "question.move",
            question,
            {"direction": direction},
            organization=vacancy.organization,
        )
    return moved
