"""Reading a candidate's document in the workspace: a PDF's pages as images, anything else
as its text; recruiters and owners only, one read recorded, no download."""

import io

import pypdfium2 as pdfium
import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image

from tremplin.applications import pages
from tremplin.applications.intake.submit import IncomingFile, application_submit
from tremplin.applications.models import Document, DocumentDownload
from tremplin.core.models import AuditEvent
from tremplin.testing import samples
from tremplin.testing.applying import submit
from tremplin.testing.staff import staff_login
from tremplin.testing.worker import run_worker

pytestmark = pytest.mark.django_db


def read_url(document) -> str:
    org = document.application.vacancy.organization.slug
    return reverse("staff_applications:document_read", kwargs={"org": org, "document": document.pk})


def page_url(document, query: str = "page=1") -> str:
    org = document.application.vacancy.organization.slug
    url = reverse("staff_applications:document_page", kwargs={"org": org, "document": document.pk})
    return f"{url}?{query}"


def reads(document):
    return AuditEvent.objects.filter(
        verb="document.view", target_type="applications.document", target_id=str(document.pk)
    )


@pytest.fixture
def cv(vacancy):
    return submit(vacancy, cv=samples.pdf_bytes(pages=2)).documents.get(role="cv")


def huge_pdf() -> bytes:
    """One page 612 points wide and 200,000 tall: drawn 1000 pixels wide, 326,797 tall."""
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(612, 200_000).close()
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("role", ["owner", "recruiter"])
def test_a_pdf_shows_each_page_as_a_lazy_image_with_its_number(client, cv, team, role):
    response = staff_login(client, team.member(role)).get(read_url(cv))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('loading="lazy"') == 2
    assert 'alt="Page 1 of 2"' in html and 'alt="Page 2 of 2"' in html
    assert 'width="1000" height="1415"' in html
    assert f'href="{page_url(cv)[: -len("?page=1")]}' not in html  # images, not links
    assert (
        reverse(
            "staff_applications:detail",
            kwargs={"org": "open-future", "application": cv.application_id},
        )
        in html
    )
    assert (
        reverse(
            "staff_applications:document_download", kwargs={"org": "open-future", "document": cv.pk}
        )
        in html
    )
    assert not DocumentDownload.objects.exists()


def test_the_application_page_links_to_the_reader(client, cv, team):
    detail = reverse(
        "staff_applications:detail", kwargs={"org": "open-future", "application": cv.application_id}
    )
    html = staff_login(client, team.recruiter).get(detail).content.decode()
    assert f'href="{read_url(cv)}"' in html


def test_a_page_image_is_drawn_at_reading_width_and_kept_private(client, cv, team):
    response = staff_login(client, team.recruiter).get(page_url(cv, "page=2"))
    assert response.status_code == 200
    assert response["Content-Type"] == pages.IMAGE_TYPE
    assert "no-store" in response["Cache-Control"]  # like every staff page: no copy kept
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert Image.open(io.BytesIO(response.content)).size == (1000, 1415)
    double = client.get(page_url(cv, "page=2&width=2000"))
    assert Image.open(io.BytesIO(double.content)).size == (2000, 2829)


@pytest.mark.parametrize("query", ["page=3", "page=0", "page=x", "page=1&width=5000"])
def test_a_page_that_is_not_there_is_not_found(client, cv, team, query):
    assert staff_login(client, team.recruiter).get(page_url(cv, query)).status_code == 404


def test_opening_the_reader_and_its_images_records_one_read(client, cv, team):
    staff_login(client, team.recruiter)
    client.get(read_url(cv))
    client.get(page_url(cv, "page=1"))
    client.get(page_url(cv, "page=2"))
    client.get(read_url(cv))
    event = reads(cv).get()
    assert event.actor == team.recruiter
    assert event.data == {"role": "cv"}


def test_an_image_fetched_by_its_address_alone_is_recorded_too(client, cv, team):
    staff_login(client, team.owner).get(page_url(cv))
    assert reads(cv).get().actor == team.owner


def test_a_reviewer_not_assigned_to_the_vacancy_gets_not_found(client, cv, team):
    """What assigned reviewers see is tested with review's rule (review/tests)."""
    cv.application.vacancy.reviewers.remove(team.reviewer)
    staff_login(client, team.reviewer)
    assert client.get(read_url(cv)).status_code == 404
    assert client.get(page_url(cv)).status_code == 404
    assert not reads(cv).exists()


def test_a_member_of_another_organization_gets_not_found(client, cv, team):
    staff_login(client, team.outsider)
    assert client.get(read_url(cv)).status_code == 404
    assert client.get(page_url(cv)).status_code == 404
    assert not reads(cv).exists()


@pytest.mark.parametrize(
    ("language", "phrase"),
    [("en", "cannot be shown as pages"), ("fr", "ne peut pas être affiché en pages")],
)
def test_a_pdf_pdfium_cannot_read_gets_a_clear_message_not_an_error(
    client, vacancy, team, language, phrase
):
    # The form refuses a broken PDF; one stored before that check, or damaged since, is read.
    document = submit(vacancy).documents.get(role="cv")
    storage, name = document.file.storage, str(document.file.name)
    storage.delete(name)
    assert storage.save(name, ContentFile(samples.pdf_broken_bytes())) == name
    staff_login(client, team.recruiter)
    url = read_url(document).replace("/en/", f"/{language}/", 1)
    response = client.get(url)
    assert response.status_code == 200
    assert phrase in response.content.decode()
    assert "<img" not in response.content.decode().split("<main", 1)[1]
    assert client.get(page_url(document)).status_code == 404


def test_a_huge_page_is_drawn_within_the_pixel_bound(client, vacancy, team):
    document = submit(vacancy, cv=huge_pdf()).documents.get(role="cv")
    staff_login(client, team.recruiter)
    html = client.get(read_url(document)).content.decode()
    assert 'alt="Page 1 of 1"' in html
    for width in pages.WIDTHS:
        response = client.get(page_url(document, f"page=1&width={width}"))
        assert response.status_code == 200
        image = Image.open(io.BytesIO(response.content))
        assert image.width * image.height <= pages.MAX_PIXELS * (width / 1000) ** 2
        assert max(image.size) <= pages.MAX_SIDE


def test_a_scale_is_clamped_for_a_huge_media_box():
    scale = pages.page_scale(width=14_400, height=14_400, target=1000)
    assert (14_400 * scale) ** 2 <= pages.MAX_PIXELS
    assert pages.page_scale(width=595, height=842, target=1000) == pytest.approx(1000 / 595)


@pytest.mark.django_db(transaction=True)
def test_a_word_file_and_a_typed_letter_show_their_text_as_paragraphs(client, vacancy, team):
    application = application_submit(
        vacancy=vacancy,
        name="Ada",
        email="ada@example.org",
        files=[
            IncomingFile(
                role=Document.Role.CV,
                name="cv.docx",
                file=ContentFile(samples.docx_bytes("First paragraph.", "Second paragraph.")),
            )
        ],
        letter_text="Dear team,\n\nI apply.",
        language="en",
    )
    run_worker()
    staff_login(client, team.recruiter)
    word = client.get(read_url(application.documents.get(role="cv"))).content.decode()
    assert "<p>First paragraph.</p><p>Second paragraph.</p>" in word
    assert "LibreOffice, which is not installed on this server" in word
    assert "<img" not in word.split("<main", 1)[1]
    letter = client.get(read_url(application.documents.get(role="letter"))).content.decode()
    assert "<p>Dear team,</p>" in letter and "<p>I apply.</p>" in letter
    assert "LibreOffice" not in letter
    # Only a PDF has page images.
    for role in ("cv", "letter"):
        assert client.get(page_url(application.documents.get(role=role))).status_code == 404
