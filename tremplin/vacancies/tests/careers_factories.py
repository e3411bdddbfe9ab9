"""Small builders of organizations and vacancies for the careers-site tests."""

import datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone

from tremplin.accounts.models import Organization
from tremplin.vacancies.models import Vacancy, VacancyText


def make_organization(
    slug: str = "maison-des-communs", name: str = "", **fields: Any
) -> Organization:
    return Organization.objects.create(
        slug=slug, name=name or slug.replace("-", " ").title(), **fields
    )


def make_vacancy(
    organization: Organization,
    slug: str = "coordinator",
    *,
    texts: dict[str, tuple[str, str]] | None = None,
    status: str = Vacancy.Status.PUBLISHED,
    **fields: Any,
) -> Vacancy:
    """A paid, published, full-time job in Paris unless told otherwise.

    ``texts`` maps a language to ``(title, Markdown body)``; by default one English text.
    """
    values: dict[str, Any] = {
        "kind": Vacancy.Kind.JOB,
        "employment_type": Vacancy.EmploymentType.FULL_TIME,
        "location": "Paris",
        "pay_min": Decimal("40000"),
        "pay_max": Decimal("48000"),
        "pay_currency": "EUR",
        "pay_period": Vacancy.PayPeriod.YEAR,
        "date_posted": timezone.localdate() - datetime.timedelta(days=3),
        "deadline": timezone.localdate() + datetime.timedelta(days=30),
    }
    values.update(fields)
    vacancy = Vacancy.objects.create(organization=organization, slug=slug, status=status, **values)
    for language, (title, body) in (texts or {"en": (f"{slug.title()} role", "")}).items():
        VacancyText.objects.create(vacancy=vacancy, language=language, title=title, body=body)
    return vacancy
