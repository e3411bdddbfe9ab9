"""The application form carries no CSRF token (its page is the same for every visitor):
a post that the browser marks as sent by another site is refused and changes nothing,
in the visitor's language; the same post from our own page is taken."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tremplin.applications.models import Application
from tremplin.messaging.models import OutboxMessage
from tremplin.testing import samples
from tremplin.testing.applying import apply_url
from tremplin.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db

OWN = "http://testserver"


def _post(vacancy: Vacancy, headers: dict[str, str], language: str = "en"):
    fields = {
        "name": "Ada Lovelace",
        "email": "ada@example.org",
        "letter_text": samples.LETTER_EN,
        "cv": SimpleUploadedFile("cv.pdf", samples.pdf_bytes(), "application/pdf"),
    }
    return Client(enforce_csrf_checks=True).post(
        apply_url(vacancy, language), fields, headers=headers
    )


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"},
        {"Sec-Fetch-Site": "same-site", "Origin": "https://jobs.testserver"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Origin": "https://evil.example"},  # a browser from before Sec-Fetch-Site
        {"Origin": "null"},  # a sandboxed frame or a data: page
        {"Origin": "https://testserver"},  # same host, another scheme
    ],
)
def test_a_post_from_another_site_is_refused_and_stores_nothing(vacancy, headers) -> None:
    response = _post(vacancy, headers)
    assert response.status_code == 403
    assert not Application.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_the_refusal_is_in_the_visitors_language(vacancy) -> None:
    response = _post(vacancy, {"Sec-Fetch-Site": "cross-site"}, language="fr")
    assert response.status_code == 403
    assert "Interdit" in response.content.decode()


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "same-origin", "Origin": OWN},
        {"Origin": OWN},
        {},  # a program (no browser, so no cookie to abuse): judged like any post
    ],
)
def test_a_post_from_our_own_page_is_taken(vacancy, headers) -> None:
    response = _post(vacancy, headers)
    assert response.status_code == 302
    assert Application.objects.filter(candidate__email="ada@example.org").count() == 1


def test_an_origin_the_operator_trusts_is_taken(vacancy, settings) -> None:
    settings.CSRF_TRUSTED_ORIGINS = ["https://jobs.example.org"]
    response = _post(vacancy, {"Sec-Fetch-Site": "same-site", "Origin": "https://jobs.example.org"})
    assert response.status_code == 302
