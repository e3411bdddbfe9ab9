"""A vacancy's, criterion's or question's name (``__str__``) costs no query: admin lists,
logs and audit labels call it on many rows. Pages that show a vacancy's title read it
through ``selectors.vacancy_title_for_language`` (the ``vacancy_title`` template filter)."""

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from tremplin.accounts.models import User
from tremplin.core.models import AuditEvent
from tremplin.testing.staff import staff_login
from tremplin.vacancies.models import (
    Criterion,
    CriterionText,
    Question,
    QuestionText,
    Vacancy,
)
from tremplin.vacancies.services import vacancy_save
from tremplin.vacancies.tests.conftest import Team, draft, page_text

TEXTS = {
    "en": ("Policy analyst", "## The role\n\nAnalyse policies."),
    "fr": ("Analyste des politiques", "## Le poste\n\nAnalyser des politiques."),
}


@pytest.fixture
def vacancy(team: Team) -> Vacancy:
    vacancy = draft(team.organization, texts=TEXTS)
    criterion = Criterion.objects.create(vacancy=vacancy, position=1)
    CriterionText.objects.create(criterion=criterion, language="en", text="Fluent French")
    question = Question.objects.create(vacancy=vacancy, position=1)
    QuestionText.objects.create(question=question, language="en", text="Why this role?")
    return vacancy


def test_naming_a_vacancy_a_criterion_or_a_question_runs_no_query(
    vacancy: Vacancy, django_assert_num_queries
) -> None:
    loaded = Vacancy.objects.get(pk=vacancy.pk)
    criterion = Criterion.objects.get(vacancy=vacancy)
    question = Question.objects.get(vacancy=vacancy)

    with django_assert_num_queries(0):
        names = [str(loaded), str(criterion), str(question)]

    assert names == ["analyst", "#1", "#1"]


def test_the_name_is_the_first_title_when_the_texts_are_prefetched(
    vacancy: Vacancy, django_assert_num_queries
) -> None:
    loaded = Vacancy.objects.prefetch_related("texts").get(pk=vacancy.pk)
    criterion = Criterion.objects.prefetch_related("texts").get(vacancy=vacancy)
    question = Question.objects.prefetch_related("texts").get(vacancy=vacancy)

    with django_assert_num_queries(0):
        names = [str(loaded), str(criterion), str(question)]

    assert names == ["Policy analyst", "Fluent French", "Why this role?"]


def test_the_staff_pages_show_the_title_in_the_page_s_language(
    team: Team, vacancy: Vacancy
) -> None:
    client = team.client(team.recruiter)

    assert "Policy analyst" in page_text(client.get("/en/staff/communs/"))
    for language, title in (("en", "Policy analyst"), ("fr", "Analyste des politiques")):
        for section in ("criteria", "questions", "reviewers"):
            page = page_text(client.get(f"/{language}/staff/communs/vacancies/analyst/{section}/"))
            assert f"· {title}" in page, (language, section)


def test_the_pipeline_pages_name_the_vacancy_by_its_title(team: Team, vacancy: Vacancy) -> None:
    client = team.client(team.recruiter)

    for language, title in (("en", "Policy analyst"), ("fr", "Analyste des politiques")):
        assert title in page_text(client.get(f"/{language}/staff/communs/applications/"))
        board = page_text(client.get(f"/{language}/staff/communs/applications/vacancy/analyst/"))
        assert title in board, language


def test_the_admin_lists_titles_and_wordings(vacancy: Vacancy) -> None:
    admin = User.objects.create_superuser("admin@example.org", password="admin-password")
    TOTPDevice.objects.create(user=admin, name="test", confirmed=True)
    client = staff_login(Client(), admin)

    assert "Policy analyst" in page_text(client.get("/admin/vacancies/vacancy/"))
    assert "Fluent French" in page_text(client.get("/admin/vacancies/criterion/"))
    assert "Why this role?" in page_text(client.get("/admin/vacancies/question/"))


def test_audit_rows_name_the_vacancy_by_its_title(team: Team, vacancy: Vacancy) -> None:
    loaded = Vacancy.objects.get(pk=vacancy.pk)
    loaded.location = "Lyon"

    vacancy_save(vacancy=loaded, texts={}, actor=team.recruiter)

    event = AuditEvent.objects.get(verb="vacancy.update")
    assert event.target_label == "Policy analyst"
