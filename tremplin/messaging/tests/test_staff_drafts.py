"""Prepared messages: nothing reaches the outbox until a recruiter reviews and sends it."""

import pytest

from tremplin.applications.intake.submit import application_submit
from tremplin.applications.services import application_move
from tremplin.core.models import AuditEvent
from tremplin.messaging.models import DraftMessage, OutboxMessage
from tremplin.testing.staff import staff_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def rejected(vacancy, team):
    application = application_submit(
        vacancy=vacancy,
        name="Louise Michel",
        email="louise@example.net",
        letter_text="Je candidate.",
        language="fr",
    )
    application_move(
        application=application, to_stage="rejected", by=team.recruiter, reason="must_haves"
    )
    return application


def url(draft, tail="", language="en") -> str:
    return f"/{language}/staff/example/messages/drafts/{draft.pk}/{tail}"


def rejections() -> list[OutboxMessage]:
    return list(OutboxMessage.objects.filter(kind="rejection"))


def test_the_rejection_waits_in_the_list_to_review_and_nothing_is_sent(client, rejected, team):
    response = staff_login(client, team.recruiter).get("/en/staff/example/messages/drafts/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Louise Michel" in html and "Rejection" in html and "French" in html
    assert rejections() == []


def test_the_recruiter_edits_saves_and_still_nothing_is_sent(client, rejected, team):
    draft = DraftMessage.objects.get()
    staff_login(client, team.recruiter)
    page = client.get(url(draft))
    assert page.status_code == 200
    assert "It has not been sent" in page.content.decode()

    response = client.post(
        url(draft), {"subject": "Votre candidature", "body": "Bonjour, merci.", "action": "save"}
    )

    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.subject, draft.body, draft.status) == (
        "Votre candidature",
        "Bonjour, merci.",
        "draft",
    )
    assert rejections() == []


def test_sending_queues_it_once_in_the_candidate_s_language(client, rejected, team):
    draft = DraftMessage.objects.get()
    staff_login(client, team.recruiter)
    data = {
        "subject": "Votre candidature",
        "body": "Bonjour {{ candidate_name }}.",
        "action": "send",
    }

    response = client.post(url(draft), data)
    again = client.post(url(draft), data)

    assert response.status_code == again.status_code == 302
    [sent] = rejections()
    assert (sent.to, sent.language, sent.body) == (
        "louise@example.net",
        "fr",
        "Bonjour Louise Michel.",
    )
    assert sent.sender == team.recruiter and sent.application == rejected
    draft.refresh_from_db()
    assert draft.status == "sent" and draft.outbox_message == sent
    assert AuditEvent.objects.filter(verb="message.send", actor=team.recruiter).count() == 1
    thread = client.get(f"/en/staff/example/applications/{rejected.pk}/").content.decode()
    assert "Votre candidature" in thread


def test_an_unknown_variable_in_the_draft_is_refused_and_it_stays_unsent(client, rejected, team):
    draft = DraftMessage.objects.get()
    response = staff_login(client, team.recruiter).post(
        url(draft), {"subject": "Hi", "body": "{{ interview_date }}", "action": "send"}
    )
    assert response.status_code == 400
    assert "Unknown variable: {{ interview_date }}" in response.content.decode()
    assert rejections() == []
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_a_draft_is_discarded_after_confirming_and_never_sent(client, rejected, team):
    draft = DraftMessage.objects.get()
    staff_login(client, team.recruiter)
    confirm = client.get(url(draft, "discard/"))
    assert confirm.status_code == 200 and "Discard the message" in confirm.content.decode()
    draft.refresh_from_db()
    assert draft.status == "draft"

    client.post(url(draft, "discard/"))

    draft.refresh_from_db()
    assert draft.status == "discarded"
    response = client.post(url(draft), {"subject": "x", "body": "y", "action": "send"})
    assert response.status_code == 302
    assert rejections() == []


@pytest.mark.parametrize("role", ["reviewer", "outsider"])
def test_reviewers_and_outsiders_get_not_found_and_send_nothing(client, rejected, team, role):
    draft = DraftMessage.objects.get()
    member = staff_login(client, team.member(role))
    assert member.get(url(draft)).status_code == 404
    assert (
        member.post(url(draft), {"subject": "x", "body": "y", "action": "send"}).status_code == 404
    )
    assert member.post(url(draft, "discard/")).status_code == 404
    assert member.get("/en/staff/example/messages/drafts/").status_code == 404
    assert rejections() == []
