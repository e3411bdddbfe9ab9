"""Vacancies for the messaging tests."""

from typing import Any

from tremplin.accounts.models import Organization
from tremplin.vacancies.models import Vacancy, VacancyText


def vacancy_make(
    organization: Organization,
    slug: str,
    *,
    texts: dict[str, str] | None = None,
    status: str = Vacancy.Status.PUBLISHED,
    **fields: Any,
) -> Vacancy:
    vacancy = Vacancy.objects.create(organization=organization, slug=slug, status=status, **fields)
    for language, title in (texts or {"en": f"{slug} role"}).items():
        VacancyText.objects.create(vacancy=vacancy, language=language, title=title)
    return vacancy
