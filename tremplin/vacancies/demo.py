"""Tremplin's own demo data: fictional organizations and vacancies, in French and English.

The content is in ``demo_data``. ``demo_load`` creates what is missing and never
touches what is already there, so loading twice changes nothing.
"""

import datetime
import os
import secrets
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from tremplin.accounts.models import Membership, Organization
from tremplin.vacancies import services
from tremplin.vacancies.demo_data import (
    MUST,
    NICE,
    ORGANIZATIONS,
    QUALITY,
    SECTIONS,
    VACANCIES,
    DemoVacancy,
)
from tremplin.vacancies.models import Criterion, CriterionText, Vacancy, VacancyText

ADMIN_EMAIL = "admin@tremplin.example"


def demo_body(*, vacancy: DemoVacancy, language: str) -> str:
    """The Markdown body of ``vacancy`` in ``language``, with its requirement bullets."""
    text = vacancy.texts[language]
    names = SECTIONS[language]
    parts = [text.intro, f"## {names['duties']}", "\n".join(f"- {d}" for d in text.duties)]
    for kind in (MUST, NICE, QUALITY):
        bullets = [c.texts[language] for c in vacancy.criteria if c.kind == kind]
        if bullets:
            parts += [f"## {names[kind]}", "\n".join(f"- {b}" for b in bullets)]
    parts += [f"## {names['offer']}", "\n".join(f"- {o}" for o in text.offer)]
    return "\n\n".join(parts) + "\n"


def _vacancy_create(
    *, spec: DemoVacancy, organization: Organization, today: datetime.date
) -> Vacancy:
    pay_min, pay_max, currency, period = spec.pay or (None, None, "", "")
    vacancy = Vacancy.objects.create(
        organization=organization,
        slug=spec.slug,
        kind=spec.kind,
        employment_type=spec.employment_type,
        contract_duration_months=spec.contract_duration_months,
        location=spec.location,
        remote=spec.remote,
        pay_min=Decimal(pay_min) if pay_min else None,
        pay_max=Decimal(pay_max) if pay_max else None,
        pay_currency=currency,
        pay_period=period,
        apply_email=spec.apply_email,
        apply_url=spec.apply_url,
        required_languages=list(spec.required_languages),
        application_language=spec.application_language,
        min_years_experience=spec.min_years_experience,
        date_posted=today - datetime.timedelta(days=spec.posted_days_ago),
        deadline=(
            today + datetime.timedelta(days=spec.deadline_in_days)
            if spec.deadline_in_days is not None
            else None
        ),
    )
    for language, text in spec.texts.items():
        VacancyText.objects.create(
            vacancy=vacancy,
            language=language,
            title=text.title,
            summary=text.summary,
            body=demo_body(vacancy=spec, language=language),
            source_name="demo",
        )
    for position, spec_criterion in enumerate(spec.criteria):
        criterion = Criterion.objects.create(
            vacancy=vacancy, kind=spec_criterion.kind, position=position
        )
        for language, wording in spec_criterion.texts.items():
            CriterionText.objects.create(criterion=criterion, language=language, text=wording)
    return services.vacancy_publish(vacancy=vacancy)


@dataclass
class DemoReport:
    organizations_created: list[str] = field(default_factory=list)
    vacancies_created: list[str] = field(default_factory=list)


@transaction.atomic
def demo_load(*, today: datetime.date | None = None) -> DemoReport:
    """Create the demo organizations and vacancies that do not exist yet, published.

    What exists already (even edited, closed or deleted texts) is left as it is.
    """
    today = today or timezone.localdate()
    report = DemoReport()
    organizations: dict[str, Organization] = {}
    for spec in ORGANIZATIONS:
        organization, created = Organization.objects.get_or_create(
            slug=spec.slug,
            defaults={
                "name": spec.name,
                "website": spec.website,
                "email": spec.email,
                "about": spec.about,
                "legal_name": spec.legal_name,
                "postal_address": spec.postal_address,
                "privacy_email": spec.privacy_email,
                "dpo_name": spec.dpo_name,
                "dpo_email": spec.dpo_email,
            },
        )
        organizations[spec.slug] = organization
        if created:
            report.organizations_created.append(spec.name)
    for vacancy_spec in VACANCIES:
        organization = organizations[vacancy_spec.organization]
        if Vacancy.objects.filter(organization=organization, slug=vacancy_spec.slug).exists():
            continue
        _vacancy_create(spec=vacancy_spec, organization=organization, today=today)
        report.vacancies_created.append(f"{organization.slug}/{vacancy_spec.slug}")
    return report


@dataclass(frozen=True)
class AdminLogin:
    email: str
    password: str | None  # None: the password is not known (the file is gone)
    created: bool


def _write_secret(path: Path, secret: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        os.fchmod(file.fileno(), 0o600)
        file.write(secret + "\n")


@transaction.atomic
def demo_admin_ensure(*, password_file: Path) -> AdminLogin:
    """The demo's superuser (``ADMIN_EMAIL``): created with a random password saved in
    ``password_file`` (mode 0600) when missing; otherwise its password read from that file.

    The admin is made an owner of the demo organizations.
    """
    user_model = get_user_model()
    user = user_model.objects.filter(email=ADMIN_EMAIL).first()
    created = user is None
    password: str | None
    if user is None:
        password = secrets.token_urlsafe(12)
        user = user_model.objects.create_superuser(email=ADMIN_EMAIL, password=password)
        _write_secret(password_file, password)
    elif password_file.exists():
        password = password_file.read_text(encoding="utf-8").strip() or None
    else:
        password = None
    for spec in ORGANIZATIONS:
        organization = Organization.objects.filter(slug=spec.slug).first()
        if organization is not None:
            Membership.objects.get_or_create(
                user=user, organization=organization, defaults={"role": Membership.Role.OWNER}
            )
    return AdminLogin(email=ADMIN_EMAIL, password=password, created=created)
