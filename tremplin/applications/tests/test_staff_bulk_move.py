"""Moving several applications at once: a confirmation page listing them, then the move."""

import pytest

from tremplin.applications.models import Application, StageChange
from tremplin.messaging.models import DraftMessage, OutboxMessage
from tremplin.testing.applying import submit
from tremplin.testing.builders import campaign_lead_make
from tremplin.testing.staff import staff_login

pytestmark = pytest.mark.django_db


def bulk_url(vacancy) -> str:
    return f"/en/staff/{vacancy.organization.slug}/applications/vacancy/{vacancy.slug}/move/"


def stages() -> list[str]:
    return list(Application.objects.order_by("pk").values_list("stage", flat=True))


def test_it_asks_for_confirmation_listing_the_applications_and_moves_nothing(
    client, vacancy, applications, team
):
    ada, grace, _alan = applications
    response = staff_login(client, team.recruiter).post(
        bulk_url(vacancy), {"applications": [ada.pk, grace.pk], "stage": "screening"}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Confirm the move" in html
    assert "Ada Lovelace" in html and "Grace Hopper" in html and "Alan Turing" not in html
    assert "Move 2 applications" in html
    assert 'name="confirm" value="yes"' in html
    assert stages() == ["received", "received", "received"]
    assert not StageChange.objects.exists()


def test_confirming_moves_them_all_and_records_each_move(client, vacancy, applications, team):
    ada, grace, _alan = applications

    response = staff_login(client, team.recruiter).post(
        bulk_url(vacancy),
        {"applications": [ada.pk, grace.pk], "stage": "screening", "confirm": "yes"},
    )

    assert response.status_code == 302
    assert stages() == ["screening", "screening", "received"]
    assert StageChange.objects.filter(to_stage="screening", by=team.recruiter).count() == 2
    followed = client.get(response["Location"]).content.decode()
    assert "2 applications moved to “Screening”" in followed


def test_applications_already_at_the_stage_are_left_as_they_are(
    client, vacancy, applications, team
):
    ada, grace, _alan = applications
    Application.objects.filter(pk=ada.pk).update(stage="screening")

    confirm = staff_login(client, team.recruiter).post(
        bulk_url(vacancy), {"applications": [ada.pk, grace.pk], "stage": "screening"}
    )
    assert "already there" in confirm.content.decode()
    client.post(
        bulk_url(vacancy),
        {"applications": [ada.pk, grace.pk], "stage": "screening", "confirm": "yes"},
    )

    assert StageChange.objects.count() == 1


def test_a_bulk_rejection_needs_a_reason_and_moves_nothing_without_one(
    client, vacancy, applications, team
):
    pks = [application.pk for application in applications]

    response = staff_login(client, team.recruiter).post(
        bulk_url(vacancy), {"applications": pks, "stage": "rejected", "confirm": "yes"}
    )

    assert response.status_code == 400
    assert "a reason is required" in response.content.decode()
    assert stages() == ["received"] * 3
    assert not DraftMessage.objects.exists()


def test_a_bulk_rejection_drafts_one_message_per_candidate_and_sends_none(
    client, vacancy, applications, team
):
    pks = [application.pk for application in applications]
    outbox_before = OutboxMessage.objects.count()

    staff_login(client, team.recruiter).post(
        bulk_url(vacancy),
        {"applications": pks, "stage": "rejected", "reason": "position_filled", "confirm": "yes"},
    )

    assert stages() == ["rejected"] * 3
    drafts = DraftMessage.objects.order_by("application_id")
    assert [draft.language for draft in drafts] == ["en", "fr", "en"]
    assert {draft.status for draft in drafts} == {"draft"}
    assert OutboxMessage.objects.count() == outbox_before
    assert set(StageChange.objects.values_list("reason", flat=True)) == {"position_filled"}


def test_selecting_nothing_is_refused_with_a_clear_message(client, vacancy, applications, team):
    response = staff_login(client, team.recruiter).post(bulk_url(vacancy), {"stage": "screening"})
    assert response.status_code == 400
    assert "Select at least one application." in response.content.decode()


def test_an_application_of_another_vacancy_cannot_be_slipped_in(
    client, organization, vacancy, applications, team
):
    other = submit(campaign_lead_make(organization, slug="treasurer"), email="x@example.org")

    response = staff_login(client, team.recruiter).post(
        bulk_url(vacancy),
        {"applications": [applications[0].pk, other.pk], "stage": "hired", "confirm": "yes"},
    )

    assert response.status_code == 400
    assert "hired" not in stages()


@pytest.mark.parametrize("role", ["reviewer", "outsider"])
def test_reviewers_and_outsiders_get_not_found(client, vacancy, applications, team, role):
    response = staff_login(client, team.member(role)).post(
        bulk_url(vacancy),
        {"applications": [applications[0].pk], "stage": "hired", "confirm": "yes"},
    )
    assert response.status_code == 404
    assert "hired" not in stages()


def test_it_needs_a_post(client, vacancy, team):
    response = staff_login(client, team.recruiter).get(bulk_url(vacancy))
    assert response.status_code == 405
