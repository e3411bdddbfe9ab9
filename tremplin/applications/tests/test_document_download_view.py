"""Staff download of a candidate's document: members only, every download recorded."""

import pytest
from django.urls import reverse

from tremplin.applications.models import DocumentDownload
from tremplin.applications.tests import samples
from tremplin.applications.tests.conftest import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def cv(vacancy):
    return submit(vacancy, cv=samples.pdf_bytes()).documents.get(role="cv")


def url(document) -> str:
    return reverse("applications:document_download", kwargs={"pk": document.pk})


@pytest.mark.parametrize("member", ["owner", "reviewer"])
def test_a_member_of_the_organization_downloads_it_and_it_is_recorded(client, cv, member, request):
    user = request.getfixturevalue(member)
    client.force_login(user)
    response = client.get(url(cv))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert response["Content-Type"] == "application/pdf"
    assert 'attachment; filename="cv.pdf"' in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    download = DocumentDownload.objects.get()
    assert (download.document, download.user) == (cv, user)
    assert download.downloaded_at is not None


def test_each_download_is_recorded(client, cv, owner):
    client.force_login(owner)
    client.get(url(cv))
    client.get(url(cv))
    assert DocumentDownload.objects.filter(document=cv, user=owner).count() == 2


def test_a_member_of_another_organization_gets_not_found(client, cv, outsider):
    client.force_login(outsider)
    assert client.get(url(cv)).status_code == 404
    assert not DocumentDownload.objects.exists()


def test_an_anonymous_visitor_gets_not_found(client, cv):
    assert client.get(url(cv)).status_code == 404
    assert not DocumentDownload.objects.exists()


def test_a_logged_in_user_of_no_organization_gets_not_found(client, cv, django_user_model):
    client.force_login(django_user_model.objects.create_user("dora@example.org"))
    assert client.get(url(cv)).status_code == 404


def test_an_unknown_document_gets_not_found(client, owner):
    client.force_login(owner)
    assert client.get("/en/staff/documents/999999/download/").status_code == 404


def test_the_files_are_under_no_public_url(settings, cv, private_files):
    assert not str(private_files).startswith(str(settings.MEDIA_ROOT))
    assert not str(private_files).startswith(str(settings.STATIC_ROOT))
