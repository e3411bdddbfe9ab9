"""Moving one application: recorded, explained, and a rejection only ever drafts a message."""

import pytest

from tremplin.applications import services
from tremplin.applications.models import Application, StageChange
from tremplin.core.models import AuditEvent
from tremplin.messaging.models import DraftMessage, OutboxMessage
from tremplin.testing.applying import status_path, submit
from tremplin.testing.staff import application_page, staff_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(vacancy):
    return submit(vacancy, email="ada@example.org", name="Ada Lovelace")


def move_url(application, language="en") -> str:
    return application_page(application, "move", language)


def test_a_move_is_recorded_with_who_when_from_to_and_why(client, application, team):
    response = staff_login(client, team.recruiter).post(
        move_url(application), {"stage": "screening", "reason_text": "Strong campaign record"}
    )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.stage == "screening"
    change = StageChange.objects.get()
    assert (change.from_stage, change.to_stage, change.by) == (
        "received",
        "screening",
        team.recruiter,
    )
    assert change.reason_text == "Strong campaign record"
    assert change.at is not None
    event = AuditEvent.objects.get(verb="application.stage")
    assert event.actor == team.recruiter
    assert event.data["from"] == "received" and event.data["to"] == "screening"


def test_the_stage_history_shows_on_the_application_page(client, application, team):
    services.application_move(application=application, to_stage="screening", by=team.recruiter)
    services.application_move(
        application=application, to_stage="interview", by=team.owner, reason_text="Good answers"
    )

    html = staff_login(client, team.recruiter).get(application_page(application)).content.decode()

    history = html[html.index("Stage history") :]
    assert history.index("Received") < history.index("Screening") < history.index("Interview")
    assert "rita@example.org" in history and "olive@example.org" in history
    assert "Good answers" in history


def test_a_move_can_go_back_to_the_board_it_came_from(client, application, team):
    vacancy = application.vacancy
    board = f"/en/staff/{vacancy.organization.slug}/applications/vacancy/{vacancy.slug}/"
    response = staff_login(client, team.recruiter).post(
        move_url(application), {"stage": "review", "next": board + "#stage-received"}
    )
    assert response["Location"] == board + "#stage-received"


def test_a_next_address_of_another_site_is_ignored(client, application, team):
    response = staff_login(client, team.recruiter).post(
        move_url(application), {"stage": "review", "next": "https://evil.example.net/"}
    )
    assert response["Location"] == application_page(application)


def test_rejecting_without_a_reason_is_refused_with_a_clear_message(client, application, team):
    outbox_before = OutboxMessage.objects.count()

    response = staff_login(client, team.recruiter).post(
        move_url(application), {"stage": "rejected"}
    )

    assert response.status_code == 400
    assert "a reason is required" in response.content.decode()
    application.refresh_from_db()
    assert application.stage == "received"
    assert not StageChange.objects.exists()
    assert not DraftMessage.objects.exists()
    assert OutboxMessage.objects.count() == outbox_before


def test_another_reason_needs_words(client, application, team):
    response = staff_login(client, team.recruiter).post(
        move_url(application), {"stage": "rejected", "reason": "other"}
    )

    assert response.status_code == 400
    assert "say which in the details" in response.content.decode()
    application.refresh_from_db()
    assert application.stage == "received"


def test_rejecting_drafts_the_message_in_the_candidate_s_language_and_sends_nothing(
    client, vacancy, team
):
    application = submit(vacancy, email="louise@example.org", name="Louise Michel", language="fr")
    outbox_before = list(OutboxMessage.objects.values_list("pk", flat=True))  # the acknowledgement

    response = staff_login(client, team.recruiter).post(
        move_url(application), {"stage": "rejected", "reason": "must_haves"}
    )

    draft = DraftMessage.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/messages/drafts/{draft.pk}/")
    assert (draft.kind, draft.language, draft.status) == ("rejection", "fr", "draft")
    assert draft.body.startswith("Bonjour Louise Michel,")
    assert "Responsable de campagne" in draft.subject + draft.body
    assert list(OutboxMessage.objects.values_list("pk", flat=True)) == outbox_before
    change = StageChange.objects.get()
    assert (change.to_stage, change.reason) == ("rejected", "must_haves")


def test_moving_away_from_not_retained_discards_the_unsent_rejection(application, team):
    services.application_move(
        application=application, to_stage="rejected", by=team.recruiter, reason="position_filled"
    )
    services.application_move(application=application, to_stage="interview", by=team.recruiter)

    draft = DraftMessage.objects.get()
    assert draft.status == DraftMessage.Status.DISCARDED
    assert not OutboxMessage.objects.filter(kind="rejection").exists()


def test_moving_to_the_stage_it_is_at_is_refused(client, application, team):
    response = staff_login(client, team.recruiter).post(
        move_url(application), {"stage": "received"}
    )
    assert response.status_code == 400
    assert "already at this stage" in response.content.decode()
    assert not StageChange.objects.exists()


def test_an_unknown_stage_is_refused(client, application, team):
    response = staff_login(client, team.recruiter).post(move_url(application), {"stage": "nowhere"})
    assert response.status_code == 400
    application.refresh_from_db()
    assert application.stage == "received"


def test_the_move_page_works_without_the_board(client, application, team):
    response = staff_login(client, team.owner).get(move_url(application))
    assert response.status_code == 200
    assert 'name="stage"' in response.content.decode()


@pytest.mark.parametrize("role", ["reviewer", "outsider"])
def test_reviewers_and_outsiders_get_not_found_and_nothing_moves(client, application, team, role):
    response = staff_login(client, team.member(role)).post(
        move_url(application), {"stage": "hired"}
    )
    assert response.status_code == 404
    application.refresh_from_db()
    assert application.stage == "received"


def test_the_candidate_withdrawing_is_in_the_history_too(client, application, team):
    services.application_withdraw(application=application)

    change = StageChange.objects.get()
    assert change.by_candidate and change.to_stage == "withdrawn"
    html = staff_login(client, team.recruiter).get(application_page(application)).content.decode()
    assert "The candidate" in html


def test_the_candidate_status_page_explains_a_custom_stage_as_in_progress(
    client, organization, application, team
):
    stage = services.stage_add(
        organization=organization,
        labels={"en": "Reference check"},
        after="interview",
        by=team.owner,
    )
    services.application_move(application=application, to_stage=stage.key, by=team.recruiter)

    html = client.get(status_path(application)).content.decode()

    assert "In progress" in html
    assert "Reference check" not in html
    assert Application.objects.get().stage == stage.key
