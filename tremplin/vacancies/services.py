"""Writes on vacancies: publishing, closing and reopening; the editor's vacancy and its
reviewers. Storing an import is in ``import_services``, criteria and questions in
``item_services``."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.core.audit import Actor, log_action
from tremplin.vacancies.importing.storing import (
    unique_slug,
)
from tremplin.vacancies.models import (
    VACANCY_EDITABLE_FIELDS,
    Vacancy,
    VacancyText,
)
from tremplin.vacancies.selectors import vacancy_name


def vacancy_publish_rules_broken(*, vacancy: Vacancy) -> list[tuple[str, str]]:
    """The publishing rules ``vacancy`` breaks: (the rule's code, a sentence saying it)."""
    broken: list[tuple[str, str]] = []
    if not vacancy.texts.exists():
        broken.append(("texts_required", _("The vacancy has no text in any language.")))
    if vacancy.kind == Vacancy.Kind.JOB and not vacancy.has_pay_range:
        broken.append(
            (
                "pay_range_required",
                _(
                    "A paid job cannot be published without a pay range (minimum, maximum, "
                    "currency and period): the EU Pay Transparency Directive, Art. 5, "
                    "requires it."
                ),
            )
        )
    if vacancy.deadline is not None and vacancy.deadline < timezone.localdate():
        broken.append(
            (
                "deadline_past",
                _("The deadline (%(deadline)s) is in the past.") % {"deadline": vacancy.deadline},
            )
        )
    return broken


def vacancy_publish_problems(*, vacancy: Vacancy) -> list[str]:
    """What stands in the way of publishing ``vacancy``, as sentences; empty when nothing does."""
    return [message for _code, message in vacancy_publish_rules_broken(vacancy=vacancy)]


@transaction.atomic
def vacancy_publish(*, vacancy: Vacancy) -> Vacancy:
    """Publish ``vacancy``; raise ValidationError naming everything that is missing."""
    broken = vacancy_publish_rules_broken(vacancy=vacancy)
    if broken:
        raise ValidationError([ValidationError(message, code=code) for code, message in broken])
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


# --- The staff editor --------------------------------------------------------------------
#
# Every write the editor makes goes through one of these, with the acting user, and is
# recorded with ``log_action``. Refusals are ValidationErrors carrying every problem, in the
# active language, raised before anything is changed (or rolled back with the transaction).

PUBLISH = "publish"
CLOSE = "close"
REOPEN = "reopen"


@dataclass(frozen=True)
class TextFields:
    """What a vacancy says in one language."""

    title: str
    summary: str = ""
    body: str = ""


def _changed_fields(vacancy: Vacancy) -> list[str]:
    if vacancy.pk is None:
        return list(VACANCY_EDITABLE_FIELDS)
    stored = Vacancy.objects.filter(pk=vacancy.pk).values(*VACANCY_EDITABLE_FIELDS).first() or {}
    return [name for name in VACANCY_EDITABLE_FIELDS if stored.get(name) != getattr(vacancy, name)]


@transaction.atomic
def vacancy_save(
    *, vacancy: Vacancy, texts: Mapping[str, TextFields | None], actor: Actor
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
            label=vacancy_name(vacancy=vacancy),
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
def vacancy_status_change(*, vacancy: Vacancy, action: str, actor: Actor) -> Vacancy:
    """Publish, close or reopen ``vacancy`` (``action`` is PUBLISH, CLOSE or REOPEN).

    Raises ValidationError with every problem, changing nothing, when the vacancy is not in
    the state the action starts from or breaks a publishing rule.
    """
    refusal = _transition_refusal(vacancy, action)
    if refusal is not None:
        raise ValidationError(refusal, code="state")
    before = vacancy.status
    if action == PUBLISH:
        vacancy_publish(vacancy=vacancy)
    elif action == CLOSE:
        vacancy_close(vacancy=vacancy)
    elif action == REOPEN:
        vacancy_reopen(vacancy=vacancy)
    else:
        raise ValueError(f"unknown action {action!r}")
    log_action(
        actor,
        f"vacancy.{action}",
        vacancy,
        {"from": before, "to": vacancy.status},
        label=vacancy_name(vacancy=vacancy),
    )
    return vacancy


@transaction.atomic
def vacancy_reviewers_set(*, vacancy: Vacancy, users: Iterable[Any], actor: Actor) -> Vacancy:
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
        log_action(
            actor,
            "vacancy.reviewers",
            vacancy,
            {"added": added, "removed": removed},
            label=vacancy_name(vacancy=vacancy),
        )
    return vacancy
