"""Fixtures for the applications tests: an organization with staff and an outsider, a
published vacancy in two languages, candidates' files kept in a private folder per test."""

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse

from tremplin.accounts.models import Membership, Organization, User
from tremplin.applications.intake.submit import IncomingFile, application_submit
from tremplin.applications.models import Application, Document
from tremplin.applications.tests import samples
from tremplin.vacancies.models import Question, QuestionText, Vacancy, VacancyText


@pytest.fixture(autouse=True)
def empty_cache(request: pytest.FixtureRequest) -> None:
    """Rate-limit counters live in the database cache, which transactional tests do not
    flush: each test starts with none."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None:
        return
    request.getfixturevalue("transactional_db" if marker.kwargs.get("transaction") else "db")
    cache.clear()


def stored_files(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


@pytest.fixture
def count_stored(private_files: Path) -> Callable[[], dict[str, int]]:
    """What is stored: rows of each kind and files on disk."""
    from tremplin.applications.models import Answer, Candidate
    from tremplin.messaging.models import OutboxMessage

    def count() -> dict[str, int]:
        return {
            "candidates": Candidate.objects.count(),
            "applications": Application.objects.count(),
            "documents": Document.objects.count(),
            "answers": Answer.objects.count(),
            "outbox": OutboxMessage.objects.count(),
            "files": len(stored_files(private_files)),
        }

    return count


def make_organization(slug: str = "open-future") -> Organization:
    return Organization.objects.create(
        name=slug.replace("-", " ").title(), slug=slug, email=f"jobs@{slug}.example.org"
    )


def make_vacancy(
    organization: Organization,
    *,
    slug: str = "campaign-lead",
    status: str = Vacancy.Status.PUBLISHED,
    application_language: str = "",
) -> Vacancy:
    vacancy = Vacancy.objects.create(
        organization=organization,
        slug=slug,
        status=status,
        pay_min=Decimal(40000),
        pay_max=Decimal(50000),
        pay_currency="EUR",
        pay_period=Vacancy.PayPeriod.YEAR,
        application_language=application_language,
    )
    VacancyText.objects.create(vacancy=vacancy, language="en", title="Campaign lead")
    VacancyText.objects.create(vacancy=vacancy, language="fr", title="Responsable de campagne")
    return vacancy


@pytest.fixture
def organization(db) -> Organization:
    return make_organization()


@pytest.fixture
def vacancy(organization: Organization) -> Vacancy:
    return make_vacancy(organization)


@pytest.fixture
def question(vacancy: Vacancy) -> Question:
    question = Question.objects.create(vacancy=vacancy, position=1, word_limit=10)
    QuestionText.objects.create(question=question, language="en", text="Why this role?")
    QuestionText.objects.create(question=question, language="fr", text="Pourquoi ce poste ?")
    return question


@pytest.fixture
def owner(organization: Organization) -> User:
    user = User.objects.create_user("alice@example.org", password="alice-password")
    Membership.objects.create(user=user, organization=organization, role=Membership.Role.OWNER)
    return user


@pytest.fixture
def reviewer(organization: Organization) -> User:
    user = User.objects.create_user("bob@example.org", password="bob-password")
    Membership.objects.create(user=user, organization=organization, role=Membership.Role.REVIEWER)
    return user


@pytest.fixture
def outsider(db) -> User:
    """Charlie owns another organization."""
    user = User.objects.create_user("charlie@example.org", password="charlie-password")
    other = make_organization("elsewhere")
    Membership.objects.create(user=user, organization=other, role=Membership.Role.OWNER)
    return user


def apply_url(vacancy: Vacancy, language: str = "en") -> str:
    return f"/{language}/{vacancy.organization.slug}/{vacancy.slug}/apply/"


def submit(
    vacancy: Vacancy,
    *,
    email: str = "ada@example.org",
    name: str = "Ada Lovelace",
    cv: bytes | None = None,
    letter_text: str = samples.LETTER_EN,
    language: str = "en",
    **kwargs,
) -> Application:
    """Apply through the service, as the web form does."""
    files = [
        IncomingFile(
            role=Document.Role.CV, name="cv.pdf", file=ContentFile(cv or samples.pdf_bytes())
        )
    ]
    return application_submit(
        vacancy=vacancy,
        name=name,
        email=email,
        files=files,
        letter_text=letter_text,
        language=language,
        **kwargs,
    )


def run_worker() -> None:
    """Run every queued task, as `manage.py db_worker --batch` does."""
    call_command("db_worker", batch=True, verbosity=0, startup_delay=False, reload=False)


def status_path(application: Application, language: str = "en") -> str:
    from django.utils import translation

    from tremplin.applications.tokens import application_token

    with translation.override(language):
        return reverse(
            "applications:status",
            kwargs={"token": application_token(public_id=application.public_id)},
        )
