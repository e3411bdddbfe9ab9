"""One application's page: the candidate, documents, answers, history and messages, and
the forms to move it and to write to the candidate."""

import re

import pytest

from tremplin.applications import services
from tremplin.applications.documents import document_extract
from tremplin.applications.models import Answer, Document
from tremplin.messaging.models import (
    DraftMessage,
    MessageTemplate,
    MessageTemplateText,
    OutboxMessage,
)
from tremplin.testing import samples
from tremplin.testing.applying import submit
from tremplin.testing.staff import staff_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(vacancy, question):
    application = submit(
        vacancy,
        email="ada@example.org",
        name="Ada Lovelace",
        phone="+33 6 12 34 56 78",
        answers={question.pk: "Because the mission matters"},
    )
    for document in application.documents.all():
        document_extract(document_id=document.pk)
    return application


def url(application, tail="", language="en") -> str:
    org = application.vacancy.organization.slug
    return f"/{language}/staff/{org}/applications/{application.pk}/{tail}"


@pytest.mark.parametrize("role", ["owner", "recruiter"])
def test_it_shows_the_candidate_documents_answers_and_messages(client, application, team, role):
    response = staff_login(client, team.member(role)).get(url(application))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Ada Lovelace" in html and "ada@example.org" in html and "+33 6 12 34 56 78" in html
    cv = application.documents.get(role=Document.Role.CV)
    org = application.vacancy.organization.slug
    assert f"/en/staff/{org}/applications/documents/{cv.pk}/download/" in html
    assert "Text extracted" in html
    assert "programme manager" in html  # the CV's extracted text
    assert "Why this role?" in html and "Because the mission matters" in html
    assert "Application received" in html  # the acknowledgement, in the thread
    assert 'name="subject"' in html and 'name="start_from"' in html and 'name="stage"' in html
    assert Answer.objects.count() == 1


@pytest.mark.parametrize("role", ["reviewer", "outsider"])
def test_reviewers_and_outsiders_get_not_found(client, application, team, role):
    response = staff_login(client, team.member(role)).get(url(application))
    assert response.status_code == 404
    assert b"Ada" not in response.content


def test_an_application_of_another_organization_is_not_found(client, application, team):
    response = staff_login(client, team.outsider).get(
        f"/en/staff/elsewhere/applications/{application.pk}/"
    )
    assert response.status_code == 404


def test_a_message_written_by_the_recruiter_goes_to_the_outbox_with_a_reply_address(
    client, application, team
):
    written = {
        "subject": "Your availability",
        "body": "Dear {{ candidate_name }}, when are you free?",
    }
    asked = staff_login(client, team.recruiter).post(url(application, "message/"), written)
    assert asked.status_code == 200
    page = asked.content.decode()
    assert "Send this message to ada@example.org?" in page
    assert "Dear Ada Lovelace, when are you free?" in page  # as the candidate will read it
    assert not OutboxMessage.objects.filter(kind="free").exists()

    response = client.post(url(application, "message/"), {**written, "confirm": "yes"})

    assert response.status_code == 302
    message = OutboxMessage.objects.get(kind="free")
    assert message.to == "ada@example.org"
    assert message.body == "Dear Ada Lovelace, when are you free?"
    assert message.sender == team.recruiter and message.application == application
    assert message.language == "en"
    assert re.fullmatch(
        r"Open Future <jobs\+r-[0-9a-f]{24}@open-future\.example\.org>", message.headers["Reply-To"]
    )
    assert message.reply_token in message.headers["Reply-To"]
    page = client.get(url(application)).content.decode()
    assert "Your availability" in page and "rita@example.org" in page


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Unknown variable: {{ salary }}"), ("fr", "Variable inconnue\u00a0: {{ salary }}")],
)
def test_an_unknown_variable_in_a_message_is_refused_and_nothing_is_sent(
    client, application, team, language, expected
):
    before = OutboxMessage.objects.count()

    response = staff_login(client, team.recruiter).post(
        url(application, "message/", language),
        {"subject": "Offer", "body": "We offer {{ salary }}."},
    )

    assert response.status_code == 400
    assert expected in response.content.decode()
    assert OutboxMessage.objects.count() == before


def test_a_message_starts_from_the_organization_s_interview_template(
    client, organization, application, team
):
    template = MessageTemplate.objects.create(
        organization=organization, kind="interview", name="By video"
    )
    MessageTemplateText.objects.create(
        template=template,
        language="en",
        subject="Let us meet, {{ candidate_name }}",
        body="We would like to talk about {{ vacancy_title }}.\n{{ recruiter_name }}",
    )
    before = OutboxMessage.objects.count()
    team.recruiter.first_name, team.recruiter.last_name = "Rita", "Levi"
    team.recruiter.save()

    response = staff_login(client, team.recruiter).post(
        url(application, "prepare/"), {"start_from": f"template:{template.pk}"}
    )

    draft = DraftMessage.objects.get()
    assert response["Location"].endswith(f"/messages/drafts/{draft.pk}/")
    assert draft.subject == "Let us meet, Ada Lovelace"
    assert draft.body == "We would like to talk about Campaign lead.\nRita Levi"
    assert OutboxMessage.objects.count() == before


def test_a_template_of_another_organization_cannot_be_used(client, application, team):
    from tremplin.accounts.models import Organization

    elsewhere = Organization.objects.get(slug="elsewhere")
    template = MessageTemplate.objects.create(organization=elsewhere, kind="free", name="Theirs")

    response = staff_login(client, team.recruiter).post(
        url(application, "prepare/"), {"start_from": f"template:{template.pk}"}
    )

    assert response.status_code == 302
    assert not DraftMessage.objects.exists()


def test_without_a_template_the_message_starts_from_tremplin_s_text(client, application, team):
    staff_login(client, team.recruiter).post(
        url(application, "prepare/"), {"start_from": "kind:interview"}
    )
    draft = DraftMessage.objects.get()
    assert draft.kind == "interview"
    assert "Ada Lovelace" in draft.body and "{{" not in draft.body


def test_a_letter_in_another_language_is_flagged_on_the_page(client, vacancy, team):
    vacancy.application_language = "en"
    vacancy.save()
    application = submit(vacancy, email="louise@example.org", letter_text=samples.LETTER_FR)
    for document in application.documents.all():
        document_extract(document_id=document.pk)

    html = staff_login(client, team.recruiter).get(url(application)).content.decode()

    assert "Letter in another language" in html


def test_staff_read_the_acknowledgement_without_the_candidate_s_private_links(
    client, application, team
):
    from tremplin.applications.tokens import application_token

    token = application_token(public_id=application.public_id)
    sent = OutboxMessage.objects.get(application=application)
    assert token in sent.body  # the candidate's own mail keeps their link

    html = staff_login(client, team.recruiter).get(url(application)).content.decode()

    assert "Application received" in html
    assert token not in html
    assert "[the candidate’s private link]" in html


def test_it_links_to_the_previous_and_next_application_at_the_same_stage(client, vacancy, team):
    first = submit(vacancy, email="a@example.org", name="Ann")
    moved = submit(vacancy, email="m@example.org", name="Moved away")
    second = submit(vacancy, email="b@example.org", name="Bea")
    third = submit(vacancy, email="c@example.org", name="Cy")
    services.application_move(application=moved, to_stage="screening", by=team.recruiter)
    staff_login(client, team.recruiter)

    def neighbours(application) -> tuple[str | None, str | None]:
        html = client.get(url(application)).content.decode()
        found = {
            rel: match.group(1)
            for rel in ("prev", "next")
            if (match := re.search(rf'rel="{rel}" data-key="[jk]" href="([^"]+)"', html))
        }
        return found.get("prev"), found.get("next")

    assert neighbours(first) == (None, url(second))
    assert neighbours(second) == (url(first), url(third))
    assert neighbours(third) == (url(second), None)
    assert neighbours(moved) == (None, None)
