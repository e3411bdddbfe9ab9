"""Fixtures for the review tests: an organization with an owner, a recruiter, two assigned
reviewers, an unassigned reviewer and an outsider; a published vacancy with two criteria
(with scoring guides) and two questions; applications made through the real intake
service, with their PDF CV's text extracted by the real extraction service."""

import itertools
from collections.abc import Callable, Mapping
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from tremplin.accounts.models import Organization, User
from tremplin.applications.documents import document_extract
from tremplin.applications.intake.submit import IncomingFile, application_submit
from tremplin.applications.models import Application
from tremplin.testing import samples
from tremplin.testing.builders import organization_make, vacancy_make
from tremplin.testing.staff import member_create, staff_login
from tremplin.vacancies.models import (
    Criterion,
    CriterionText,
    Question,
    QuestionText,
    Vacancy,
)


def review_vacancy_make(
    organization: Organization,
    *,
    slug: str = "policy-officer",
    criteria: int = 2,
    questions: int = 2,
    **fields: Any,
) -> Vacancy:
    """The policy officer job, with ``criteria`` criteria (with scoring guides) and
    ``questions`` questions."""
    vacancy = vacancy_make(
        organization,
        slug,
        texts={"en": "Policy officer", "fr": "Chargé·e de plaidoyer"},
        **fields,
    )
    for number in range(1, criteria + 1):
        criterion = Criterion.objects.create(vacancy=vacancy, position=number)
        CriterionText.objects.create(
            criterion=criterion,
            language="en",
            text=f"Criterion text {number}",
            guide_1=f"Weak evidence {number}",
            guide_3=f"Some evidence {number}",
            guide_5=f"Strong evidence {number}",
        )
    for number in range(1, questions + 1):
        question = Question.objects.create(vacancy=vacancy, position=number)
        QuestionText.objects.create(
            question=question, language="en", text=f"Tell us about challenge {number}."
        )
    return vacancy


@pytest.fixture
def organization() -> Organization:
    return organization_make("communs", "Maison des communs", email="")


@pytest.fixture
def vacancy(organization: Organization, reviewer: User, reviewer2: User) -> Vacancy:
    vacancy = review_vacancy_make(organization)
    vacancy.reviewers.add(reviewer, reviewer2)
    return vacancy


@pytest.fixture
def owner(organization: Organization) -> User:
    return member_create(email="olga@example.org", organization=organization, role="owner")


@pytest.fixture
def recruiter(organization: Organization) -> User:
    return member_create(email="rita@example.org", organization=organization, role="recruiter")


@pytest.fixture
def reviewer(organization: Organization) -> User:
    return member_create(email="remi@example.org", organization=organization, role="reviewer")


@pytest.fixture
def reviewer2(organization: Organization) -> User:
    return member_create(email="rose@example.org", organization=organization, role="reviewer")


@pytest.fixture
def idle_reviewer(organization: Organization) -> User:
    """A reviewer of the organization who is not assigned to the vacancy."""
    return member_create(email="ivan@example.org", organization=organization, role="reviewer")


@pytest.fixture
def outsider() -> User:
    other = organization_make("ailleurs", email="")
    return member_create(email="charlie@example.org", organization=other, role="owner")


@pytest.fixture
def login() -> Callable[[User], Client]:
    def log_in(user: User) -> Client:
        return staff_login(Client(), user)

    return log_in


Apply = Callable[..., Application]


@pytest.fixture
def apply(vacancy: Vacancy) -> Apply:
    """Apply to ``vacancy`` (or another) through the intake service, with a PDF CV whose
    text is then extracted, as the worker would. Unless given, the answers are "Story n-q"
    for the n-th application and the q-th question: no names in them."""
    counter = itertools.count(1)

    def make(
        name: str,
        email: str,
        *,
        phone: str = "",
        cv_text: str = "",
        letter_text: str = "",
        answers: Mapping[int, str] | None = None,
        to: Vacancy | None = None,
        stage: str = Application.Stage.REVIEW,
    ) -> Application:
        target = to or vacancy
        number = next(counter)
        if answers is None:
            answers = {
                question.pk: f"Story {number}-{question.position}: what I learned."
                for question in target.questions.all()
            }
        files = []
        if cv_text:
            files.append(
                IncomingFile(role="cv", name="cv.pdf", file=ContentFile(samples.pdf_bytes(cv_text)))
            )
        application = application_submit(
            vacancy=target,
            name=name,
            email=email,
            phone=phone,
            files=files,
            letter_text=letter_text,
            answers=answers,
            language="en",
        )
        for document in application.documents.all():
            document_extract(document_id=document.pk)
        Application.objects.filter(pk=application.pk).update(stage=stage)
        application.refresh_from_db()
        return application

    return make


def review_url(vacancy: Vacancy, name: str = "vacancy", **kwargs: Any) -> str:
    from django.urls import reverse

    return reverse(
        f"staff_review:{name}",
        kwargs={"org": vacancy.organization.slug, "vacancy": vacancy.slug, **kwargs},
    )
