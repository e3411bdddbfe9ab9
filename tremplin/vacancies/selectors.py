"""Reads on vacancies for the public careers site, the feeds and the sitemap, and for the
staff editor."""

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Case, Count, OuterRef, QuerySet, Subquery, Value, When
from django.http import Http404
from django.utils import translation

from tremplin.accounts.models import Membership, Organization
from tremplin.accounts.policy import EVERYONE, MANAGERS, Role
from tremplin.vacancies.checks import pay_history_warning, title_gender_warnings
from tremplin.vacancies.models import Criterion, ImportCorrection, Question, Vacancy, VacancyText


def vacancy_list_published(
    *,
    organization: Organization | None = None,
    kind: str = "",
    employment_type: str = "",
    location: str = "",
    remote: bool | None = None,
    language: str = "",
) -> QuerySet[Vacancy]:
    """Published vacancies, newest first, narrowed by whichever filters are given.

    ``location`` matches part of the location, case-insensitively; ``remote=True`` keeps
    vacancies that can be done remotely, ``remote=False`` those that cannot;
    ``language`` keeps vacancies that have a text in that language.
    """
    vacancies = Vacancy.objects.filter(status=Vacancy.Status.PUBLISHED)
    if organization is not None:
        vacancies = vacancies.filter(organization=organization)
    if kind:
        vacancies = vacancies.filter(kind=kind)
    if employment_type:
        vacancies = vacancies.filter(employment_type=employment_type)
    if location:
        vacancies = vacancies.filter(location__icontains=location)
    if remote is True:
        vacancies = vacancies.filter(remote=True)
    elif remote is False:
        vacancies = vacancies.exclude(remote=True)
    if language:
        vacancies = vacancies.filter(texts__language=language)
    return vacancies.select_related("organization").prefetch_related("texts").distinct()


def vacancy_locations_published() -> list[str]:
    """The distinct locations of published vacancies, for the board's suggestions."""
    locations = (
        Vacancy.objects.filter(status=Vacancy.Status.PUBLISHED)
        .exclude(location="")
        .values_list("location", flat=True)
        .distinct()
    )
    return sorted(set(locations), key=str.casefold)


def organization_list_hiring() -> QuerySet[Organization]:
    """Organizations with at least one published vacancy, by name."""
    return Organization.objects.filter(vacancies__status=Vacancy.Status.PUBLISHED).distinct()


def organization_get(*, slug: str) -> Organization | None:
    return Organization.objects.filter(slug=slug).first()


def vacancy_get_public(*, organization_slug: str, vacancy_slug: str) -> Vacancy | None:
    """The vacancy the public may ask for: published or closed, never a draft."""
    return (
        Vacancy.objects.filter(
            organization__slug=organization_slug,
            slug=vacancy_slug,
            status__in=[Vacancy.Status.PUBLISHED, Vacancy.Status.CLOSED],
        )
        .select_related("organization")
        .prefetch_related("texts")
        .first()
    )


def vacancy_text_for_language(*, vacancy: Vacancy, language: str) -> VacancyText | None:
    """The vacancy's text in ``language``; else the default language's; else any text.

    Reads ``vacancy.texts.all()`` so that a prefetched list costs no query.
    """
    texts = {text.language: text for text in vacancy.texts.all()}
    for code in (language, settings.LANGUAGE_CODE, *sorted(texts)):
        if code in texts:
            return texts[code]
    return None


def vacancy_title_for_language(*, vacancy: Vacancy, language: str | None = None) -> str:
    """The vacancy's title in ``language`` (the active one by default; falling back as
    ``vacancy_text_for_language`` does), else its slug. No query when texts are prefetched."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    text = vacancy_text_for_language(vacancy=vacancy, language=language)
    return text.title if text else vacancy.slug


def vacancy_text_languages(*, vacancy: Vacancy) -> list[str]:
    """The languages the vacancy has a text in, in the order of ``settings.LANGUAGES``."""
    present = {text.language for text in vacancy.texts.all()}
    return [code for code, _name in settings.LANGUAGES if code in present]


# --- The staff editor --------------------------------------------------------------------


@dataclass(frozen=True)
class Wording:
    """One language's wording of a criterion or question, for the editor's lists."""

    language: str
    language_name: str
    text: Any  # CriterionText or QuestionText, or None when that language has none


@dataclass(frozen=True)
class Row:
    """A criterion or question with its wordings and whether it can move up or down."""

    item: Any
    wordings: list[Wording]
    first: bool
    last: bool
    warnings: list[str]


def _wordings(texts: list[Any], vacancy_languages: set[str]) -> list[Wording]:
    """The item's wording in each language the vacancy or the item is written in."""
    by_language = {text.language: text for text in texts}
    wanted = vacancy_languages | set(by_language)
    return [
        Wording(code, str(name), by_language.get(code))
        for code, name in settings.LANGUAGES
        if code in wanted
    ]


def _vacancy_languages(vacancy: Vacancy) -> set[str]:
    return set(vacancy.texts.values_list("language", flat=True))


def vacancy_get_for_user(
    *, membership: Membership, slug: str, roles: Collection[str] = EVERYONE
) -> Vacancy:
    """Vacancy ``slug`` of the membership's organization; a reviewer must be assigned to it."""
    if membership.role not in roles:
        raise Http404("no such vacancy")
    vacancies = Vacancy.objects.filter(organization=membership.organization, slug=slug)
    if membership.role == Role.REVIEWER:
        vacancies = vacancies.filter(reviewers=membership.user)
    vacancy = vacancies.select_related("organization").first()
    if vacancy is None:
        raise Http404("no such vacancy")
    return vacancy


def vacancies_for_member(*, membership: Membership) -> QuerySet[Vacancy]:
    """The vacancies a member may open: all of them, or a reviewer's assigned ones."""
    vacancies = Vacancy.objects.filter(organization=membership.organization)
    if membership.role == Role.REVIEWER:
        vacancies = vacancies.filter(reviewers=membership.user)
    return vacancies


def vacancy_list_for_member(*, membership: Membership) -> QuerySet[Vacancy]:
    """The vacancies the member may see, with ``application_count``: open ones first."""
    order = Case(
        When(status=Vacancy.Status.PUBLISHED, then=Value(0)),
        When(status=Vacancy.Status.DRAFT, then=Value(1)),
        default=Value(2),
    )
    vacancies: QuerySet[Vacancy] = vacancies_for_member(membership=membership)
    # Counted per vacancy of the page, each down the applications' vacancy index: a join
    # of every application of the organization, grouped, took ten times longer.
    counted = (
        Vacancy.objects.filter(pk=OuterRef("pk"))
        .annotate(count=Count("applications"))
        .values("count")
    )
    return (
        vacancies.select_related("organization")
        .prefetch_related("texts")
        .annotate(application_count=Subquery(counted))
        .order_by(order, "-created_at", "pk")
    )


def vacancy_get_for_editor(*, membership: Membership, slug: str) -> Vacancy:
    """Vacancy ``slug`` of the member's organization, for owners and recruiters; else 404."""
    return vacancy_get_for_user(membership=membership, slug=slug, roles=MANAGERS)


def criterion_get_for_user(*, membership: Membership, vacancy_slug: str, pk: int) -> Criterion:
    """Criterion ``pk`` of the member's vacancy ``vacancy_slug``, for the editor; else 404."""
    vacancy = vacancy_get_for_editor(membership=membership, slug=vacancy_slug)
    criterion = vacancy.criteria.prefetch_related("texts").filter(pk=pk).first()
    if criterion is None:
        raise Http404("no such criterion")
    criterion.vacancy = vacancy
    return criterion


def question_get_for_user(*, membership: Membership, vacancy_slug: str, pk: int) -> Question:
    """Question ``pk`` of the member's vacancy ``vacancy_slug``, for the editor; else 404."""
    vacancy = vacancy_get_for_editor(membership=membership, slug=vacancy_slug)
    question = vacancy.questions.prefetch_related("texts").filter(pk=pk).first()
    if question is None:
        raise Http404("no such question")
    question.vacancy = vacancy
    return question


def criteria_by_kind(*, vacancy: Vacancy) -> list[tuple[str, str, list[Row]]]:
    """(kind, its label, its criteria in order) for must, nice and quality, even if empty."""
    criteria = list(vacancy.criteria.prefetch_related("texts").order_by("position", "pk"))
    languages = _vacancy_languages(vacancy)
    groups: list[tuple[str, str, list[Row]]] = []
    for kind, label in Criterion.Kind.choices:
        of_kind = [criterion for criterion in criteria if criterion.kind == kind]
        rows = [
            Row(
                item=criterion,
                wordings=_wordings(list(criterion.texts.all()), languages),
                first=index == 0,
                last=index == len(of_kind) - 1,
                warnings=[],
            )
            for index, criterion in enumerate(of_kind)
        ]
        groups.append((kind, str(label), rows))
    return groups


def question_rows(*, vacancy: Vacancy) -> list[Row]:
    """The vacancy's questions in order, each with a warning if it asks for pay history."""
    questions = list(vacancy.questions.prefetch_related("texts").order_by("position", "pk"))
    languages = _vacancy_languages(vacancy)
    rows = []
    for index, question in enumerate(questions):
        texts = list(question.texts.all())
        warnings = [
            warning for text in texts if (warning := pay_history_warning(text.text)) is not None
        ]
        rows.append(
            Row(
                item=question,
                wordings=_wordings(texts, languages),
                first=index == 0,
                last=index == len(questions) - 1,
                warnings=warnings,
            )
        )
    return rows


def vacancy_title_warnings(*, vacancy: Vacancy) -> list[str]:
    """Warnings about the vacancy's French title (see ``checks.title_gendered_words``)."""
    french = next((text for text in vacancy.texts.all() if text.language == "fr"), None)
    return title_gender_warnings(french.title) if french is not None else []


def organization_members(*, organization: Organization) -> QuerySet[Membership]:
    """The organization's members, reviewers first, then by e-mail address."""
    order = Case(When(role=Membership.Role.REVIEWER, then=Value(0)), default=Value(1))
    return (
        Membership.objects.filter(organization=organization, user__is_active=True)
        .select_related("user")
        .order_by(order, "user__email")
    )


def vacancy_name(*, vacancy: Vacancy) -> str:
    """The vacancy's name where no reader's language applies (audit rows, an application's
    name): its title in the default language, as ``vacancy_title_for_language`` finds it."""
    return vacancy_title_for_language(vacancy=vacancy, language=settings.LANGUAGE_CODE)


def import_correction_counts(*, organization: Organization) -> list[tuple[str, int]]:
    """(field label, how many times members corrected it in the import preview), the most
    corrected first, counted by the database."""
    labels = dict(ImportCorrection.Field.choices)
    rows = (
        ImportCorrection.objects.filter(organization=organization)
        .values("field")
        .annotate(times=Count("id"))
        .order_by("-times", "field")
    )
    return [(str(labels.get(row["field"], row["field"])), row["times"]) for row in rows]
