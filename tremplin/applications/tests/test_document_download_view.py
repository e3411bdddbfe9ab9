"""Staff download of a candidate's document: recruiters and owners of the organization only,
every download recorded."""

import pytest
from django.urls import reverse

from tremplin.applications.models import DocumentDownload
from tremplin.testing import samples
from tremplin.testing.applying import submit
from tremplin.testing.staff import staff_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def cv(vacancy):
    return submit(vacancy, cv=samples.pdf_bytes()).documents.get(role="cv")


def url(document) -> str:
    return reverse(
        "staff_applications:document_download",
        kwargs={"org": document.application.vacancy.organization.slug, "document": document.pk},
    )


def test_the_address_is_under_the_organization_s_staff_pages(cv):
    assert url(cv) == f"/en/staff/open-future/applications/documents/{cv.pk}/download/"


@pytest.mark.parametrize("role", ["owner", "recruiter"])
def test_a_recruiter_or_owner_downloads_it_and_it_is_recorded(client, cv, team, role):
    user = team.member(role)
    response = staff_login(client, user).get(url(cv))
    assert response.status_code == 200
    assert response.getvalue().startswith(b"%PDF-")
    assert response["Content-Type"] == "application/pdf"
    assert 'attachment; filename="cv.pdf"' in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    download = DocumentDownload.objects.get()
    assert (download.document, download.user) == (cv, user)
    assert download.downloaded_at is not None


def test_each_download_is_recorded(client, cv, team):
    staff_login(client, team.recruiter)
    client.get(url(cv))
    client.get(url(cv))
    assert DocumentDownload.objects.filter(document=cv, user=team.recruiter).count() == 2


@pytest.mark.parametrize("blind", [True, False])
def test_reviewers_get_not_found_even_when_assigned(client, cv, team, blind):
    vacancy = cv.application.vacancy
    vacancy.blind_review = blind
    vacancy.save()
    assert vacancy.reviewers.filter(pk=team.reviewer.pk).exists()
    assert staff_login(client, team.reviewer).get(url(cv)).status_code == 404
    assert not DocumentDownload.objects.exists()


def test_a_member_of_another_organization_gets_not_found(client, cv, team):
    staff_login(client, team.outsider)
    assert client.get(url(cv)).status_code == 404
    assert (
        client.get(f"/en/staff/elsewhere/applications/documents/{cv.pk}/download/").status_code
        == 404
    )
    assert not DocumentDownload.objects.exists()


def test_an_anonymous_visitor_is_sent_to_log_in_and_gets_nothing(client, cv):
    response = client.get(url(cv))
    assert response.status_code == 302
    assert not DocumentDownload.objects.exists()


def test_a_logged_in_user_of_no_organization_gets_not_found(client, cv, django_user_model):
    client.force_login(django_user_model.objects.create_user("dora@example.org"))
    assert client.get(url(cv)).status_code == 404


def test_an_unknown_document_gets_not_found(client, cv, team):
    staff_login(client, team.recruiter)
    assert (
        client.get("/en/staff/open-future/applications/documents/999999/download/").status_code
        == 404
    )


def test_the_old_address_is_gone(client, cv, team):
    staff_login(client, team.recruiter)
    assert client.get(f"/en/staff/documents/{cv.pk}/download/").status_code == 404


def test_the_files_are_under_no_public_url(settings, cv, private_files):
    assert not str(private_files).startswith(str(settings.MEDIA_ROOT))
    assert not str(private_files).startswith(str(settings.STATIC_ROOT))


@pytest.mark.parametrize(
    ("language", "name"), [("en", "Cover letter.txt"), ("fr", "Lettre de motivation.txt")]
)
def test_a_typed_letter_is_named_in_the_candidate_s_language(client, vacancy, team, language, name):
    """Not "letter-2.txt": the download, the application page and the export name it alike,
    whatever the language of the member who reads it."""
    application = submit(vacancy, language=language)
    letter = application.documents.get(role="letter")
    client = staff_login(client, team.member("recruiter"))
    response = client.get(url(letter))
    assert f'filename="{name}"' in response["Content-Disposition"]
    page = client.get(
        reverse(
            "staff_applications:detail",
            kwargs={"org": vacancy.organization.slug, "application": application.pk},
        )
    ).content.decode()
    assert name in page and "letter-" not in page
