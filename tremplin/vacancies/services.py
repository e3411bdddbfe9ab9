"""Writes on vacancies: publishing, closing and reopening; importing; the staff editor."""

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.accounts.models import Organization
from tremplin.core.audit import log_action
from tremplin.vacancies.importing import ParsedPosting, PostingError
from tremplin.vacancies.importing.pairing import PairingDecision, pairing_decide
from tremplin.vacancies.importing.storing import (
    unique_slug,
    vacancy_criteria_store,
    vacancy_fields_apply,
)
from tremplin.vacancies.models import (
    Criterion,
    CriterionText,
    Question,
    QuestionText,
    Vacancy,
    VacancyText,
)


def vacancy_publish_problems(*, vacancy: Vacancy) -> list[str]:
    """What stands in the way of publishing ``vacancy``, as sentences; empty when nothing does."""
    problems: list[str] = []
    if not vacancy.texts.exists():
        problems.append(_("The vacancy has no text in any language."))
    if vacancy.kind == Vacancy.Kind.JOB and not vacancy.has_pay_range:
        problems.append(
            _(
                "A paid job cannot be published without a pay range (minimum, maximum, "
                "currency and period): the EU Pay Transparency Directive, Art. 5, requires it."
            )
        )
    if vacancy.deadline is not None and vacancy.deadline < timezone.localdate():
        problems.append(
            _("The deadline (%(deadline)s) is in the past.") % {"deadline": vacancy.deadline}
        )
    return problems


@transaction.atomic
def vacancy_publish(*, vacancy: Vacancy) -> Vacancy:
    """Publish ``vacancy``; raise ValidationError naming everything that is missing."""
    problems = vacancy_publish_problems(vacancy=vacancy)
    if problems:
        raise ValidationError(problems)
    vacancy.status = Vacancy.Status.PUBLISHED
    vacancy.closed_at = None
    if vacancy.date_posted is None:
        vacancy.date_posted = timezone.localdate()
    vacancy.save(update_fields=["status", "closed_at", "date_posted", "updated_at"])
    return vacancy


@transaction.atomic
def vacancy_close(*, vacancy: Vacancy) -> Vacancy:
    vacancy.status = Vacancy.Status.CLOSED
    vacancy.closed_at = timezone.now()
    vacancy.save(update_fields=["status", "closed_at", "updated_at"])
    return vacancy


def vacancy_reopen(*, vacancy: Vacancy) -> Vacancy:
    """Reopen a closed vacancy: the same rules as publishing apply."""
    return vacancy_publish(vacancy=vacancy)


# --- Importing postings ------------------------------------------------------------------


@dataclass
class VacancyImport:
    """What ``vacancy_import`` did with one posting."""

    posting: ParsedPosting
    organization: Organization
    organization_created: bool
    vacancy: Vacancy
    vacancy_created: bool
    text: VacancyText
    text_created: bool
    pairing: PairingDecision
    warnings: list[str] = field(default_factory=list)
    publish_refusals: list[str] = field(default_factory=list)


def _posting_refusal(posting: ParsedPosting) -> str | None:
    missing = []
    if posting.title is None:
        missing.append(_("no title was found (add “title:” to the front matter)"))
    if posting.language is None:
        missing.append(_("its language could not be told (add “language: en” or “language: fr”)"))
    return "; ".join(missing) if missing else None


def _validation_message(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


@transaction.atomic
def vacancy_import(
    *, posting: ParsedPosting, organization_slug: str, publish: bool = False
) -> VacancyImport:
    """Store ``posting`` in the organization, creating it if needed; all or nothing.

    The posting updates the vacancy it belongs to (see ``importing.pairing``) or becomes a
    new draft vacancy. With ``publish`` the vacancy is then published if the publishing
    rules allow it; a refusal is reported in ``publish_refusals``, not raised.
    Raises PostingError (and stores nothing) for a posting that cannot be stored.
    """
    language, title = posting.language, posting.title
    refusal = _posting_refusal(posting)
    if refusal or language is None or title is None:
        raise PostingError(
            posting.source_name, _("it cannot be stored: %(why)s.") % {"why": refusal}
        )
    if not Organization.objects.filter(slug=organization_slug).exists():
        try:
            Organization._meta.get_field("slug").run_validators(organization_slug)
        except ValidationError as exc:
            raise PostingError(
                posting.source_name,
                _("the organization “%(slug)s” cannot be created: %(why)s")
                % {"slug": organization_slug, "why": " ".join(exc.messages)},
            ) from exc
    organization, organization_created = Organization.objects.get_or_create(
        slug=organization_slug,
        defaults={"name": posting.organization or organization_slug},
    )
    pairing = pairing_decide(
        posting=posting, organization=None if organization_created else organization
    )
    vacancy = pairing.vacancy or Vacancy(
        organization=organization,
        slug=unique_slug(organization=organization, wanted=posting.slug or posting.title or ""),
    )
    vacancy_created = vacancy.pk is None
    text = vacancy.texts.filter(language=posting.language).first() if vacancy.pk else None
    other_languages = bool(vacancy.pk and vacancy.texts.exclude(language=posting.language).exists())
    warnings = list(posting.warnings)
    if (
        posting.organization
        and not organization_created
        and posting.organization.casefold() != organization.name.casefold()
    ):
        warnings.append(
            _(
                "The posting names the organization “%(named)s”, but it was imported into "
                "“%(organization)s” (%(slug)s)."
            )
            % {
                "named": posting.organization,
                "organization": organization.name,
                "slug": organization.slug,
            }
        )
    warnings += vacancy_fields_apply(
        vacancy=vacancy, posting=posting, sole_text=not other_languages, updating=text is not None
    )
    text_created = text is None
    if text is None:
        text = VacancyText(vacancy=vacancy, language=language)
    text.title = title
    text.summary = posting.summary
    text.body = posting.body
    text.source_name = posting.source_name[:255]
    try:
        vacancy.full_clean()
        text.full_clean(exclude=["vacancy"], validate_unique=False)
    except ValidationError as error:
        raise PostingError(
            posting.source_name,
            _("it cannot be stored: %(why)s") % {"why": _validation_message(error)},
        ) from error
    vacancy.save()
    text.vacancy = vacancy
    text.save()
    warnings += vacancy_criteria_store(
        vacancy=vacancy, posting=posting, other_languages=other_languages
    )
    result = VacancyImport(
        posting=posting,
        organization=organization,
        organization_created=organization_created,
        vacancy=vacancy,
        vacancy_created=vacancy_created,
        text=text,
        text_created=text_created,
        pairing=pairing,
        warnings=warnings,
    )
    if publish:
        try:
            vacancy_publish(vacancy=vacancy)
        except ValidationError as error:
            result.publish_refusals = list(error.messages)
    return result


# --- The staff editor --------------------------------------------------------------------
#
# Every write the editor makes goes through one of these, with the acting user, and is
# recorded with ``log_action``. Refusals are ValidationErrors carrying every problem, in the
# active language, raised before anything is changed (or rolled back with the transaction).

EDITABLE_FIELDS = (
    "kind",
    "employment_type",
    "contract_duration_months",
    "location",
    "remote",
    "pay_min",
    "pay_max",
    "pay_currency",
    "pay_period",
    "apply_email",
    "apply_url",
    "required_languages",
    "application_language",
    "min_years_experience",
    "deadline",
    "blind_review",
    "reviews_per_answer",
)
UP = "up"
DOWN = "down"
PUBLISH = "publish"
CLOSE = "close"
REOPEN = "reopen"


@dataclass(frozen=True)
class TextFields:
    """What a vacancy says in one language."""

    title: str
    summary: str = ""
    body: str = ""


@dataclass(frozen=True)
class CriterionFields:
    """A criterion's wording and scoring guide in one language."""

    text: str
    guide_1: str = ""
    guide_3: str = ""
    guide_5: str = ""


def _changed_fields(vacancy: Vacancy) -> list[str]:
    if vacancy.pk is None:
        return list(EDITABLE_FIELDS)
    stored = Vacancy.objects.filter(pk=vacancy.pk).values(*EDITABLE_FIELDS).first() or {}
    return [name for name in EDITABLE_FIELDS if stored.get(name) != getattr(vacancy, name)]


@transaction.atomic
def vacancy_save(
    *, vacancy: Vacancy, texts: Mapping[str, TextFields | None], actor: Any
) -> Vacancy:
    """Store ``vacancy`` (new, or with its fields changed in memory) and its texts.

    ``texts`` maps a language to its text, or to None to remove that language's text; a
    language it leaves out is not touched. A new vacancy gets a slug from its first title.
    Raises ValidationError, changing nothing, when no text would be left, or when a
    published vacancy would break a publishing rule it did not already break (say, its
    pay range removed).
    """
    created = vacancy.pk is None
    problems_before: list[str] = []
    if not created and vacancy.status == Vacancy.Status.PUBLISHED:
        problems_before = vacancy_publish_problems(vacancy=Vacancy.objects.get(pk=vacancy.pk))
    changed = _changed_fields(vacancy)
    if created:
        first = next((text for text in texts.values() if text is not None), None)
        vacancy.slug = unique_slug(
            organization=vacancy.organization, wanted=first.title if first else ""
        )
    vacancy.full_clean(exclude=["reviewers"])
    vacancy.save()
    languages: list[str] = []
    for language, fields in texts.items():
        existing = vacancy.texts.filter(language=language).first()
        if fields is None:
            if existing is not None:
                existing.delete()
                languages.append(language)
            continue
        text = existing or VacancyText(vacancy=vacancy, language=language)
        if (text.title, text.summary, text.body) == (fields.title, fields.summary, fields.body):
            continue
        text.title, text.summary, text.body = fields.title, fields.summary, fields.body
        text.full_clean(exclude=["vacancy"], validate_unique=False)
        text.save()
        languages.append(language)
    if not vacancy.texts.exists():
        raise ValidationError(
            _("A vacancy needs a text in at least one language: give it a title and a body.")
        )
    if vacancy.status == Vacancy.Status.PUBLISHED:
        new_problems = [
            problem
            for problem in vacancy_publish_problems(vacancy=vacancy)
            if problem not in problems_before
        ]
        if new_problems:
            raise ValidationError(
                [
                    _("The vacancy is published, so these changes were not saved:"),
                    *new_problems,
                ]
            )
    if created or changed or languages:
        log_action(
            actor,
            "vacancy.create" if created else "vacancy.update",
            vacancy,
            {"fields": changed, "languages": languages},
        )
    return vacancy


def _transition_refusal(vacancy: Vacancy, action: str) -> str | None:
    status = vacancy.status
    if action == PUBLISH and status != Vacancy.Status.DRAFT:
        if status == Vacancy.Status.PUBLISHED:
            return _("The vacancy is already published.")
        return _("The vacancy is closed: reopen it instead.")
    if action == CLOSE and status != Vacancy.Status.PUBLISHED:
        if status == Vacancy.Status.CLOSED:
            return _("The vacancy is already closed.")
        return _("Only a published vacancy can be closed.")
    if action == REOPEN and status != Vacancy.Status.CLOSED:
        return _("Only a closed vacancy can be reopened.")
    return None


@transaction.atomic
def vacancy_status_change(*, vacancy: Vacancy, action: str, actor: Any) -> Vacancy:
    """Publish, close or reopen ``vacancy`` (``action`` is PUBLISH, CLOSE or REOPEN).

    Raises ValidationError with every problem, changing nothing, when the vacancy is not in
    the state the action starts from or breaks a publishing rule.
    """
    refusal = _transition_refusal(vacancy, action)
    if refusal is not None:
        raise ValidationError(refusal)
    before = vacancy.status
    if action == PUBLISH:
        vacancy_publish(vacancy=vacancy)
    elif action == CLOSE:
        vacancy_close(vacancy=vacancy)
    elif action == REOPEN:
        vacancy_reopen(vacancy=vacancy)
    else:
        raise ValueError(f"unknown action {action!r}")
    log_action(actor, f"vacancy.{action}", vacancy, {"from": before, "to": vacancy.status})
    return vacancy


def vacancy_import_by_member(
    *, posting: ParsedPosting, organization: Organization, actor: Any
) -> VacancyImport:
    """``vacancy_import`` into ``organization`` (never another), recorded in the audit log."""
    result = vacancy_import(posting=posting, organization_slug=organization.slug)
    log_action(
        actor,
        "vacancy.import",
        result.vacancy,
        {
            "source": posting.source_name,
            "language": posting.language,
            "vacancy_created": result.vacancy_created,
            "text_created": result.text_created,
            "pairing": result.pairing.reason,
        },
    )
    return result


@transaction.atomic
def vacancy_reviewers_set(*, vacancy: Vacancy, users: Iterable[Any], actor: Any) -> Vacancy:
    """Make ``users`` (members of the vacancy's organization) its reviewers, and only them."""
    wanted = {user.pk: user for user in users}
    members = set(
        vacancy.organization.memberships.filter(user__in=list(wanted)).values_list(
            "user", flat=True
        )
    )
    strangers = set(wanted) - members
    if strangers:
        raise ValidationError(_("Only members of the organization can review its vacancies."))
    current = set(vacancy.reviewers.values_list("pk", flat=True))
    vacancy.reviewers.set(list(wanted.values()))
    added = sorted(str(wanted[pk]) for pk in set(wanted) - current)
    removed = sorted(
        str(user) for user in vacancy.reviewers.model.objects.filter(pk__in=current - set(wanted))
    )
    if added or removed:
        log_action(actor, "vacancy.reviewers", vacancy, {"added": added, "removed": removed})
    return vacancy


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
    *, criterion: Criterion, texts: Mapping[str, CriterionFields | None], actor: Any
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
def criterion_delete(*, criterion: Criterion, actor: Any) -> None:
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
def criterion_move(*, criterion: Criterion, direction: str, actor: Any) -> bool:
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
def question_save(*, question: Question, texts: Mapping[str, str | None], actor: Any) -> Question:
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
def question_delete(*, question: Question, actor: Any) -> None:
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
def question_move(*, question: Question, direction: str, actor: Any) -> bool:
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
