"""Reading a candidate's documents leaves a trace in the audit log."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from tremplin.accounts.models import Organization
from tremplin.applications.intake.submit import IncomingFile, application_submit
from tremplin.applications.models import Document
from tremplin.core.models import AuditEvent
from tremplin.testing import samples
from tremplin.testing.staff import member_create, staff_login
from tremplin.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db


@pytest.fixture
def application():
    organization = Organization.objects.create(name="Communs", slug="communs")
    vacancy = Vacancy.objects.create(
        organization=organization, slug="facilitator", status=Vacancy.Status.PUBLISHED
    )
    return application_submit(
        vacancy=vacancy,
        name="Ada Lovelace",
        email="ada@example.org",
        files=[
            IncomingFile(
                role=Document.Role.CV, name="cv.pdf", file=ContentFile(samples.pdf_bytes())
            )
        ],
        letter_text=samples.LETTER_EN,
        answers={},
        language="en",
    )


@pytest.fixture
def recruiter(application):
    organization = application.vacancy.organization
    user = member_create(email="rita@example.org", organization=organization, role="recruiter")
    return staff_login(Client(), user)


def test_a_download_writes_an_audit_event(application, recruiter) -> None:
    cv = application.documents.get(role=Document.Role.CV)
    url = reverse(
        "staff_applications:document_download", kwargs={"org": "communs", "document": cv.pk}
    )
    assert recruiter.get(url).status_code == 200
    event = AuditEvent.objects.get(verb="document.download")
    assert event.actor_label == "rita@example.org"
    assert event.organization == application.vacancy.organization
    assert (event.target_type, event.target_id, event.target_label) == (
        "applications.document",
        str(cv.pk),
        "cv.pdf",
    )


def test_opening_the_application_with_its_extracted_text_writes_a_view_event(
    application, recruiter
) -> None:
    cv = application.documents.get(role=Document.Role.CV)
    Document.objects.filter(pk=cv.pk).update(text="Workshops since 2019.")
    url = reverse(
        "staff_applications:detail", kwargs={"org": "communs", "application": application.pk}
    )
    response = recruiter.get(url)
    assert response.status_code == 200
    assert "Workshops since 2019." in response.content.decode()
    event = AuditEvent.objects.get(verb="document.view")
    assert event.actor_label == "rita@example.org"
    assert event.organization == application.vacancy.organization
    assert (event.target_type, event.target_id) == ("applications.application", str(application.pk))
    assert event.data == {"documents": [cv.pk]}


def test_reading_again_within_the_half_hour_is_one_read_not_one_per_page_view(
    application, recruiter
) -> None:
    url = reverse(
        "staff_applications:detail", kwargs={"org": "communs", "application": application.pk}
    )
    start = datetime(2026, 3, 1, 9, tzinfo=UTC)
    with time_machine.travel(start, tick=False):
        for _reload in range(3):
            assert recruiter.get(url).status_code == 200
    with time_machine.travel(start + timedelta(minutes=29), tick=False):
        recruiter.get(url)
    assert AuditEvent.objects.filter(verb="document.view").count() == 1
    with time_machine.travel(start + timedelta(minutes=31), tick=False):
        recruiter.get(url)
    assert AuditEvent.objects.filter(verb="document.view").count() == 2


def test_a_reviewer_reading_an_application_in_review_is_recorded(application) -> None:
    vacancy = application.vacancy
    Vacancy.objects.filter(pk=vacancy.pk).update(blind_review=True)
    application.stage = "review"
    application.save(update_fields=["stage"])
    reviewer = member_create(
        email="remi@example.org", organization=vacancy.organization, role="reviewer"
    )
    vacancy.reviewers.add(reviewer)
    url = reverse(
        "staff_review:application",
        kwargs={"org": "communs", "vacancy": vacancy.slug, "application": application.pk},
    )
    assert staff_login(Client(), reviewer).get(url).status_code == 200
    event = AuditEvent.objects.get(verb="document.view")
    assert event.actor_label == "remi@example.org"
    assert event.data == {"blind": True}
