"""Applying, as the intake tests of every app do: an organization with staff and an
outsider, the campaign lead job in two languages, and ``submit`` through the real service.

Registered in the root conftest.py: the fixtures ``organization``, ``vacancy``, ``question``,
``owner``, ``reviewer``, ``outsider`` and ``count_stored`` are every test's unless its app
defines its own.
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation

from tremplin.accounts.models import Membership, Organization, User
from tremplin.applications.intake.submit import IncomingFile, application_submit
from tremplin.applications.models import Answer, Application, Candidate, Document
from tremplin.applications.tokens import application_token
from tremplin.messaging.models import OutboxMessage
from tremplin.testing import samples
from tremplin.testing.builders import campaign_lead_make, organization_make
from tremplin.vacancies.models import Question, QuestionText, Vacancy


def stored_files(root: Path) -> list[Path]:
    """The files under ``root``, sorted."""
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


def document_bytes(document: Document) -> bytes:
    """A document's stored file, as its reader gets it (decrypted)."""
    with document.file.open("rb") as file:
        return file.read()


def apply_url(vacancy: Vacancy, language: str = "en") -> str:
    return f"/{language}/{vacancy.organization.slug}/{vacancy.slug}/apply/"


def status_path(application: Application, language: str = "en") -> str:
    with translation.override(language):
        return reverse(
            "applications:status",
            kwargs={"token": application_token(public_id=application.public_id)},
        )


def submit(
    vacancy: Vacancy,
    *,
    email: str = "ada@example.org",
    name: str = "Ada Lovelace",
    cv: bytes | None = None,
    letter_text: str = samples.LETTER_EN,
    language: str = "en",
    **kwargs: Any,
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


@pytest.fixture
def count_stored(private_files: Path) -> Callable[[], dict[str, int]]:
    """What is stored: rows of each kind and files on disk."""

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


@pytest.fixture
def organization(db: None) -> Organization:
    return organization_make("open-future")


@pytest.fixture
def vacancy(organization: Organization) -> Vacancy:
    return campaign_lead_make(organization)


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
def outsider(db: None) -> User:
    """Charlie owns another organization."""
    user = User.objects.create_user("charlie@example.org", password="charlie-password")
    other = organization_make("elsewhere")
    Membership.objects.create(user=user, organization=other, role=Membership.Role.OWNER)
    return user
