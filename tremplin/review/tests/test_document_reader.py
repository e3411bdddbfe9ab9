"""A reviewer in the document reader (review's rule, registered in ReviewConfig.ready): the
pages as recruiters see them where the review page shows who the candidate is, the redacted
text only on a blind vacancy before the reveal, and nothing for a reviewer not assigned."""

import pytest
from django.urls import reverse

from tremplin.accounts.models import User
from tremplin.applications.models import Application, Document
from tremplin.core.models import AuditEvent
from tremplin.review import services
from tremplin.review.tests.conftest import Apply, review_url
from tremplin.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db

CV_TEXT = "Ada Lovelace\nada@example.org\n+33 6 12 34 56 78\n\nEight years of policy work."


def read_url(document: Document, language: str = "en") -> str:
    org = document.application.vacancy.organization.slug
    url = reverse("staff_applications:document_read", kwargs={"org": org, "document": document.pk})
    return url.replace("/en/", f"/{language}/", 1)


def page_url(document: Document) -> str:
    org = document.application.vacancy.organization.slug
    url = reverse("staff_applications:document_page", kwargs={"org": org, "document": document.pk})
    return f"{url}?page=1"


def reads(document: Document, user: User) -> list[dict]:
    return list(
        AuditEvent.objects.filter(
            verb="document.view",
            target_type="applications.document",
            target_id=str(document.pk),
            actor=user,
        ).values_list("data", flat=True)
    )


@pytest.fixture
def cv(apply: Apply) -> Document:
    application = apply("Ada Lovelace", "ada@example.org", cv_text=CV_TEXT)
    return application.documents.get(role=Document.Role.CV)


def test_on_a_blind_vacancy_a_reviewer_reads_the_redacted_text_only(login, reviewer, cv):
    assert cv.application.vacancy.blind_review
    client = login(reviewer)
    response = client.get(read_url(cv))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Eight years of policy work." in html
    for identity in ("Ada Lovelace", "Lovelace", "ada@example.org", "12 34 56 78", "cv.pdf"):
        assert identity not in html, identity
    assert "<img" not in html
    assert "Blind review: you see this document’s text only" in html
    assert "Candidate 1" in html
    # No download for a reviewer, and the way back is the review page.
    download = reverse(
        "staff_applications:document_download", kwargs={"org": "communs", "document": cv.pk}
    )
    assert download not in html
    assert review_url(cv.application.vacancy, "application", application=cv.application_id) in html
    # The page images are not found, even by their address alone.
    assert client.get(page_url(cv)).status_code == 404
    assert reads(cv, reviewer) == [{"role": "cv", "blind": True}]


def test_the_blind_reader_speaks_french(login, reviewer, cv):
    response = login(reviewer).get(read_url(cv, "fr"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Évaluation à l’aveugle\u00a0: vous ne voyez que le texte de ce document" in html
    assert "Candidature 1" in html
    assert "Ada Lovelace" not in html


def test_on_a_vacancy_not_reviewed_blind_a_reviewer_sees_the_pages(
    login, reviewer, cv, vacancy: Vacancy
):
    Vacancy.objects.filter(pk=vacancy.pk).update(blind_review=False)
    client = login(reviewer)
    response = client.get(read_url(cv))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'alt="Page 1 of 1"' in html
    assert "Blind review" not in html
    image = client.get(page_url(cv))
    assert image.status_code == 200
    assert image["Content-Type"] == "image/webp" or image["Content-Type"].startswith("image/")
    assert reads(cv, reviewer) == [{"role": "cv", "blind": False}]


def test_once_blind_mode_is_lifted_at_its_stage_a_reviewer_sees_the_pages(
    login, reviewer, recruiter, cv, vacancy: Vacancy
):
    client = login(reviewer)
    assert client.get(page_url(cv)).status_code == 404
    services.blind_lift(vacancy=vacancy, stage=cv.application.stage, by=recruiter)
    html = client.get(read_url(cv)).content.decode()
    assert 'alt="Page 1 of 1"' in html
    assert "Ada Lovelace" in html
    assert client.get(page_url(cv)).status_code == 200


def test_a_reviewer_not_assigned_to_the_vacancy_gets_not_found(login, idle_reviewer, cv):
    client = login(idle_reviewer)
    assert client.get(read_url(cv)).status_code == 404
    assert client.get(page_url(cv)).status_code == 404
    assert reads(cv, idle_reviewer) == []


def test_an_application_out_of_review_is_not_found_for_a_reviewer(login, reviewer, cv):
    Application.objects.filter(pk=cv.application_id).update(stage=Application.Stage.HIRED)
    assert login(reviewer).get(read_url(cv)).status_code == 404


def test_the_review_page_links_each_document_to_the_reader(login, reviewer, cv):
    application = cv.application
    url = review_url(application.vacancy, "application", application=application.pk)
    html = login(reviewer).get(url).content.decode()
    for document in application.documents.all():
        assert f'href="{read_url(document)}"' in html
    assert "its text only, redacted" in html


def test_a_reviewer_who_sees_the_pages_is_not_offered_a_download(
    login, reviewer, vacancy: Vacancy, apply: Apply
):
    Vacancy.objects.filter(pk=vacancy.pk).update(blind_review=False)
    application = apply("Ada Lovelace", "ada@example.org", letter_text="I run workshops.")
    letter = application.documents.get(role=Document.Role.LETTER)
    html = login(reviewer).get(read_url(letter)).content.decode()
    assert "I run workshops." in html
    assert "Download" not in html
