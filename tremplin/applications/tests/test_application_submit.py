"""application_submit: one candidate per address, one application per submission (applying
twice: test_applying_twice.py), one acknowledgement per accepted submission."""

from urllib.parse import urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from tremplin.applications.files import FileRejected
from tremplin.applications.intake.submit import IncomingFile, application_submit
from tremplin.applications.models import Application, Candidate, Document
from tremplin.messaging.models import OutboxMessage
from tremplin.testing import samples
from tremplin.testing.applying import submit
from tremplin.testing.builders import campaign_lead_make
from tremplin.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db


def test_applying_to_two_vacancies_links_both_to_one_candidate(vacancy, organization):
    other = campaign_lead_make(organization, slug="data-analyst")
    submit(vacancy)
    submit(other)
    candidate = Candidate.objects.get()
    assert sorted(a.vacancy.slug for a in candidate.applications.all()) == [
        "campaign-lead",
        "data-analyst",
    ]


def test_each_accepted_submission_is_acknowledged_in_the_candidates_language(vacancy, client):
    application = submit(vacancy, language="fr")
    message = OutboxMessage.objects.get()
    assert message.to == "ada@example.org"
    assert message.application == application
    assert message.kind == "acknowledgement"
    assert message.language == "fr"
    assert message.subject == "Candidature reçue : Responsable de campagne"
    assert message.headers["Auto-Submitted"] == "auto-replied"
    assert message.headers["X-Auto-Response-Suppress"] == "All"
    assert "Nous avons reçu votre candidature" in message.body
    link = next(word for word in message.body.split() if "/application/" in word)
    assert link.startswith("http")
    page = client.get(urlsplit(link).path)
    assert page.status_code == 200
    assert "Reçue" in page.content.decode()


def test_an_english_acknowledgement_for_an_english_candidate(vacancy):
    submit(vacancy, language="en")
    message = OutboxMessage.objects.get()
    assert message.subject == "Application received: Campaign lead"
    assert "We received your application" in message.body


def test_no_acknowledgement_when_the_caller_says_so(vacancy):
    submit(vacancy, acknowledge=False)
    assert not OutboxMessage.objects.exists()


def test_notes_for_the_recruiter_are_kept(vacancy):
    application = submit(vacancy, notes=["winmail.dat could not be read"], source="email")
    assert application.source == Application.Source.EMAIL
    assert [note["text"] for note in application.notes] == ["winmail.dat could not be read"]


def test_a_bad_file_stores_nothing(vacancy, count_stored):
    before = count_stored()
    with pytest.raises(FileRejected):
        application_submit(
            vacancy=vacancy,
            name="Ada",
            email="ada@example.org",
            files=[
                IncomingFile(
                    role=Document.Role.CV, name="cv.pdf", file=ContentFile(samples.pdf_bytes())
                ),
                IncomingFile(
                    role=Document.Role.OTHER,
                    name="extra.docx",
                    file=ContentFile(samples.docx_macro_bytes()),
                ),
            ],
            language="en",
        )
    assert count_stored() == before


@pytest.mark.parametrize("status", [Vacancy.Status.DRAFT, Vacancy.Status.CLOSED])
def test_a_vacancy_not_open_takes_no_application(organization, status, count_stored):
    closed = campaign_lead_make(organization, slug="not-open", status=status)
    before = count_stored()
    with pytest.raises(ValidationError) as refused:
        submit(closed)
    assert refused.value.code == "closed"
    assert count_stored() == before


def test_an_invalid_address_is_refused(vacancy, count_stored):
    before = count_stored()
    with pytest.raises(ValidationError):
        submit(vacancy, email="nobody")
    assert count_stored() == before


def test_answers_are_checked_against_the_questions(vacancy, question, count_stored):
    before = count_stored()
    with pytest.raises(ValidationError):
        submit(
            vacancy,
            answers={question.pk: "one two three four five six seven eight nine ten eleven"},
        )
    with pytest.raises(ValidationError):
        submit(vacancy, answers={question.pk + 1000: "an answer to nothing"})
    with pytest.raises(ValidationError):
        submit(vacancy, answers={})
    assert count_stored() == before
    application = submit(vacancy, answers={question.pk: "Because it matters."})
    assert application.answers.get().text == "Because it matters."
