"""Builders of organizations and vacancies for every app's tests (plain functions)."""

import datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone

from tremplin.accounts.models import Organization
from tremplin.vacancies.models import Vacancy, VacancyText

# The job the intake tests apply to, titled in both languages.
CAMPAIGN_LEAD = {"en": "Campaign lead", "fr": "Responsable de campagne"}


def organization_make(
    slug: str = "maison-des-communs", name: str = "", **fields: Any
) -> Organization:
    """An organization named after its slug, which takes mail at jobs@<slug>.example.org."""
    fields.setdefault("email", f"jobs@{slug}.example.org")
    return Organization.objects.create(
        slug=slug, name=name or slug.replace("-", " ").title(), **fields
    )


def vacancy_make(
    organization: Organization,
    slug: str = "coordinator",
    *,
    texts: dict[str, str] | dict[str, tuple[str, str]] | None = None,
    status: str = Vacancy.Status.PUBLISHED,
    **fields: Any,
) -> Vacancy:
    """A paid, published, full-time job in Paris unless told otherwise.

    ``texts`` maps a language to its title, or to ``(title, Markdown body)``; by default one
    English text.
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
    for language, text in (texts or {"en": f"{slug.title()} role"}).items():
        title, body = (text, "") if isinstance(text, str) else text
        VacancyText.objects.create(vacancy=vacancy, language=language, title=title, body=body)
    return vacancy


def campaign_lead_make(
    organization: Organization, *, slug: str = "campaign-lead", **fields: Any
) -> Vacancy:
    """The campaign lead job, in English and French, paid 40,000 to 50,000 EUR a year."""
    fields.setdefault("pay_max", Decimal(50000))
    return vacancy_make(organization, slug, texts=CAMPAIGN_LEAD, **fields)
