"""An organization with an owner, a recruiter, an assigned and an unassigned reviewer, a
blind and an open vacancy, and a way to make applications through the real intake, their
texts extracted by the real extraction service; another organization beside it.

The index is written by a task (``applications_index_task``). Tests in a transaction of
their own run the real worker (``run_worker``); the others run each task as it is
enqueued, after the commit (Django's ImmediateBackend), so that they see the index as a
recruiter does once the worker has run: a test that asserts the index asserts that the
task ran."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.base import ContentFile

from tremplin.accounts.models import Organization, User
from tremplin.applications.documents import document_extract
from tremplin.applications.intake.submit import IncomingFile, application_submit
from tremplin.applications.models import Application
from tremplin.testing import samples
from tremplin.testing.builders import organization_make, vacancy_make
from tremplin.testing.staff import member_create
from tremplin.testing.worker import TASKS_AT_ENQUEUE
from tremplin.vacancies.models import Question, QuestionText, Vacancy


def vacancy_with_question_make(
    organization: Organization, *, slug: str, title: str, blind: bool
) -> Vacancy:
    """A published vacancy, blind or not, asking one optional open question, "Why us?"."""
    vacancy = vacancy_make(organization, slug, texts={"en": title}, blind_review=blind)
    question = Question.objects.create(vacancy=vacancy, required=False, blind_review=False)
    QuestionText.objects.create(question=question, language="en", text="Why us?")
    return vacancy


@pytest.fixture(autouse=True)
def tasks_at_enqueue(request: pytest.FixtureRequest, settings: Any) -> None:
    """Tasks run as they are enqueued, except in the tests that run the worker."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("transaction"):
        settings.TASKS = TASKS_AT_ENQUEUE


@pytest.fixture
def organization(db: Any, settings: Any) -> Organization:
    settings.RATELIMIT_ENABLE = False
    return organization_make("communs", "Maison des communs", email="")


@pytest.fixture
def members(organization: Organization) -> dict[str, User]:
    return {
        role: member_create(email=f"{role}@communs.example", organization=organization, role=kind)
        for role, kind in (
            ("owner", "owner"),
            ("recruiter", "recruiter"),
            ("reviewer", "reviewer"),
            ("unassigned", "reviewer"),
        )
    }


@pytest.fixture
def open_vacancy(organization: Organization, members: dict[str, User]) -> Vacancy:
    vacancy = vacancy_with_question_make(
        organization, slug="treasurer", title="Treasurer", blind=False
    )
    vacancy.reviewers.add(members["reviewer"])
    return vacancy


@pytest.fixture
def blind_vacancy(organization: Organization, members: dict[str, User]) -> Vacancy:
    vacancy = vacancy_with_question_make(
        organization, slug="facilitator", title="Facilitator", blind=True
    )
    vacancy.reviewers.add(members["reviewer"])
    return vacancy


@pytest.fixture
def apply(django_capture_on_commit_callbacks: Any) -> Callable[..., Application]:
    """``apply(vacancy, name=..., email=..., cv=..., letter=..., answer=...)``: an application
    made by the intake, its documents' texts extracted, and the index tasks enqueued after
    each commit (run then, or by ``run_worker``)."""

    def make(
        vacancy: Vacancy,
        *,
        name: str,
        email: str,
        cv: str = "",
        letter: str = "",
        answer: str = "",
        language: str = "en",
    ) -> Application:
        files = []
        if cv:
            files.append(
                IncomingFile(role="cv", name="cv.docx", file=ContentFile(samples.docx_bytes(cv)))
            )
        question = vacancy.questions.first()
        with django_capture_on_commit_callbacks(execute=True):
            application = application_submit(
                vacancy=vacancy,
                name=name,
                email=email,
                files=files,
                letter_text=letter,
                answers={question.pk: answer} if question and answer else {},
                language=language,
                acknowledge=False,
            )
        for document in application.documents.all():
            with django_capture_on_commit_callbacks(execute=True):
                document_extract(document_id=document.pk)
        return application

    return make
