"""Reads on vacancies for the public careers site, the feeds and the sitemap."""

from django.conf import settings
from django.db.models import QuerySet

from tremplin.vacancies.models import Organization, Vacancy, VacancyText


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


def vacancy_text_languages(*, vacancy: Vacancy) -> list[str]:
    """The languages the vacancy has a text in, in the order of ``settings.LANGUAGES``."""
    present = {text.language for text in vacancy.texts.all()}
    return [code for code, _name in settings.LANGUAGES if code in present]
