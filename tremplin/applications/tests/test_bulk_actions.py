"""Bulk actions on the board: not retaining several applications with a message to each in
their language, previewed first, queued behind an undo window, undone; and every bad input
refused with nothing changed. Runs on SQLite and PostgreSQL."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tremplin.applications import bulk
from tremplin.applications.models import Application, BulkAction, StageChange
from tremplin.applications.services import move_check
from tremplin.core.models import AuditEvent
from tremplin.messaging.models import DraftMessage, OutboxMessage
from tremplin.messaging.outbox import outbox_send
from tremplin.testing.applying import submit
from tremplin.testing.builders import campaign_lead_make, organization_make, vacancy_make
from tremplin.testing.staff import staff_login

pytestmark = pytest.mark.django_db


def bulk_url(vacancy, language: str = "en") -> str:
    return (
        f"/{language}/staff/{vacancy.organization.slug}/applications/vacancy/{vacancy.slug}/move/"
    )


def actions_url(vacancy) -> str:
    return f"/en/staff/{vacancy.organization.slug}/applications/vacancy/{vacancy.slug}/bulk/"


def undo_url(vacancy) -> str:
    return actions_url(vacancy) + "undo/"


def stages() -> list[str]:
    return list(Application.objects.order_by("pk").values_list("stage", flat=True))


def reject(applications, **extra):
    return {
        "applications": [a.pk for a in applications],
        "seen": [f"{a.pk}:{a.stage}" for a in applications],
        "action": "reject",
        "reason": "position_filled",
        **extra,
    }


def rejection_outbox():
    return OutboxMessage.objects.filter(kind="rejection").order_by("application_id")


def test_the_preview_shows_one_message_per_language_with_its_count_and_changes_nothing(
    client, vacancy, applications, team
):
    response = staff_login(client, team.recruiter).post(bulk_url(vacancy), reject(applications))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Confirm the rejection" in html
    assert "In English: 2 messages" in html and "In French: 1 message" in html
    assert "Hello Ada Lovelace" in html  # the first English candidate, as written
    assert "Bonjour Grace Hopper" in html  # the French one, in French
    assert "Alan Turing" in html and "Hello Alan Turing" not in html  # listed, one example
    assert "Reject 3 applications and send the messages" in html
    assert stages() == ["received"] * 3
    assert not rejection_outbox().exists() and not BulkAction.objects.exists()


def test_confirming_rejects_them_and_queues_each_message_in_its_language_until_the_undo_ends(
    client, vacancy, applications, team, settings
):
    settings.TREMPLIN_BULK_UNDO_SECONDS = 30
    before = timezone.now()
    response = staff_login(client, team.recruiter).post(
        bulk_url(vacancy), reject(applications, confirm="yes")
    )

    assert response.status_code == 302
    assert stages() == ["rejected"] * 3
    queued = list(rejection_outbox())
    assert [m.to for m in queued] == ["ada@example.org", "grace@example.org", "alan@example.org"]
    assert [m.language for m in queued] == ["en", "fr", "en"]
    assert queued[1].body.startswith("Bonjour Grace Hopper")
    assert {m.status for m in queued} == {"queued"}
    for message in queued:
        assert before + timedelta(seconds=29) < message.next_attempt_at
        assert message.next_attempt_at < timezone.now() + timedelta(seconds=31)
    assert not DraftMessage.objects.filter(status="draft").exists()
    assert set(StageChange.objects.values_list("reason", "by")) == {
        ("position_filled", team.recruiter.pk)
    }
    action = BulkAction.objects.get()
    assert AuditEvent.objects.filter(verb="application.stage", data__bulk=action.pk).count() == 3
    assert AuditEvent.objects.filter(verb="message.send").count() == 3
    page = client.get(response["Location"]).content.decode()
    assert "3 messages will be sent in 30 seconds unless you undo." in page
    assert "Undo" in page


def test_the_sender_holds_the_messages_until_the_window_ends_then_sends_them(
    client, vacancy, applications, team
):
    staff_login(client, team.recruiter).post(bulk_url(vacancy), reject(applications, confirm="yes"))
    message = rejection_outbox().first()

    assert outbox_send(message_pk=message.pk) == "queued"
    assert mail.outbox == []

    # The window is over (as if 30 seconds had passed).
    OutboxMessage.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    assert outbox_send(message_pk=message.pk) == "sent"
    assert [sent.to for sent in mail.outbox] == [["ada@example.org"]]


def test_undo_takes_the_messages_back_and_restores_the_stages(client, vacancy, applications, team):
    alan = applications[2]
    Application.objects.filter(pk=alan.pk).update(stage="interview")
    alan.refresh_from_db()
    staff_login(client, team.recruiter).post(bulk_url(vacancy), reject(applications, confirm="yes"))
    action = BulkAction.objects.get()
    queued = list(rejection_outbox().values_list("pk", flat=True))

    response = client.post(undo_url(vacancy), {"action": action.pk})

    assert response.status_code == 302
    assert stages() == ["received", "received", "interview"]
    assert not rejection_outbox().exists()
    assert [outbox_send(message_pk=pk) for pk in queued] == ["missing"] * 3
    assert Application.objects.filter(decided_at__isnull=False).count() == 0
    action.refresh_from_db()
    assert action.undone_at is not None
    assert list(StageChange.objects.order_by("pk").values_list("from_stage", "to_stage"))[3:] == [
        ("rejected", "received"),
        ("rejected", "received"),
        ("rejected", "interview"),
    ]
    assert AuditEvent.objects.filter(verb="application.stage", data__undo=action.pk).count() == 3
    page = client.get(response["Location"]).content.decode()
    assert "Undone: 3 applications are back where they were. No message was sent." in page
    assert not [m for m in mail.outbox if "ada@example.org" in m.to and "Bonjour" in m.body]


def test_undo_after_the_window_is_refused_and_changes_nothing(client, vacancy, applications, team):
    staff_login(client, team.recruiter).post(bulk_url(vacancy), reject(applications, confirm="yes"))
    action = BulkAction.objects.get()
    BulkAction.objects.update(undo_until=timezone.now() - timedelta(seconds=1))
    OutboxMessage.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))

    response = client.post(undo_url(vacancy), {"action": action.pk})

    assert stages() == ["rejected"] * 3
    assert rejection_outbox().count() == 3
    assert "Too late to undo" in client.get(response["Location"]).content.decode()
    assert "Undo</button>" not in client.get(actions_url(vacancy)).content.decode()


def test_undoing_twice_is_refused(client, vacancy, applications, team):
    staff_login(client, team.recruiter).post(bulk_url(vacancy), reject(applications, confirm="yes"))
    action = BulkAction.objects.get()
    client.post(undo_url(vacancy), {"action": action.pk})
    Application.objects.update(stage="screening")

    response = client.post(undo_url(vacancy), {"action": action.pk})

    assert "This was already undone." in client.get(response["Location"]).content.decode()
    assert stages() == ["screening"] * 3


def test_an_undo_leaves_an_application_someone_moved_meanwhile_where_it_is(
    vacancy, applications, team
):
    move = move_check(organization=vacancy.organization, to_stage="screening")
    action = bulk.bulk_apply(
        vacancy=vacancy,
        pks=[a.pk for a in applications],
        seen={},
        move=move,
        kind="move",
        by=team.recruiter,
    )
    Application.objects.filter(pk=applications[0].pk).update(stage="offer")

    assert bulk.bulk_undo(action=action, by=team.recruiter) == 2
    assert stages() == ["offer", "received", "received"]


def test_a_move_can_be_undone_too(client, vacancy, applications, team):
    staff_login(client, team.recruiter).post(
        bulk_url(vacancy),
        {"applications": [applications[0].pk], "stage": "screening", "confirm": "yes"},
    )
    client.post(undo_url(vacancy), {"action": BulkAction.objects.get().pk})
    assert stages() == ["received"] * 3


# --- Bad input: a clear message, and nothing changes -------------------------------------


def assert_nothing_changed() -> None:
    assert stages() == ["received"] * 3
    assert not BulkAction.objects.exists() and not rejection_outbox().exists()
    assert not StageChange.objects.exists()


def test_selecting_nothing_is_refused(client, vacancy, applications, team):
    response = staff_login(client, team.recruiter).post(
        bulk_url(vacancy), {"action": "reject", "reason": "position_filled", "confirm": "yes"}
    )
    assert response.status_code == 400
    assert "Select at least one application." in response.content.decode()
    assert_nothing_changed()


def test_more_than_the_cap_is_refused_with_the_limit(client, vacancy, applications, team):
    pks = list(range(1, bulk.BULK_MAX + 2))
    response = staff_login(client, team.recruiter).post(
        bulk_url(vacancy), {"applications": pks, "stage": "screening", "confirm": "yes"}
    )
    assert response.status_code == 400
    assert f"You selected {bulk.BULK_MAX + 1} applications; at most {bulk.BULK_MAX}" in (
        response.content.decode()
    )
    assert_nothing_changed()


@pytest.mark.parametrize("where", ["other_vacancy", "other_organization"])
def test_an_application_from_elsewhere_is_refused(
    client, organization, vacancy, applications, team, where
):
    if where == "other_vacancy":
        other = submit(campaign_lead_make(organization, slug="treasurer"), email="x@example.org")
    else:
        other = submit(
            vacancy_make(organization_make("another-association")), email="y@example.org"
        )

    response = staff_login(client, team.recruiter).post(
        bulk_url(vacancy), reject([applications[0], other], confirm="yes")
    )

    assert response.status_code == 400
    assert "not applications to this vacancy" in response.content.decode()
    assert Application.objects.get(pk=other.pk).stage == "received"
    assert stages()[:3] == ["received"] * 3
    assert not BulkAction.objects.exists() and not rejection_outbox().exists()


def test_a_stage_that_does_not_exist_is_refused(client, vacancy, applications, team):
    response = staff_login(client, team.recruiter).post(
        bulk_url(vacancy),
        {"applications": [applications[0].pk], "stage": "nowhere", "confirm": "yes"},
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert_nothing_changed()


def test_a_stale_form_after_someone_else_moved_one_is_refused(client, vacancy, applications, team):
    data = reject(applications, confirm="yes")
    Application.objects.filter(pk=applications[1].pk).update(stage="screening")

    response = staff_login(client, team.recruiter).post(bulk_url(vacancy), data)

    assert response.status_code == 400
    assert "1 of the selected applications changed stage since you looked at it" in (
        response.content.decode()
    )
    assert stages() == ["received", "screening", "received"]
    assert not BulkAction.objects.exists() and not rejection_outbox().exists()


def test_the_refusals_speak_french(client, vacancy, applications, team):
    data = reject(applications, confirm="yes")
    Application.objects.filter(pk=applications[1].pk).update(stage="screening")
    response = staff_login(client, team.recruiter).post(bulk_url(vacancy, "fr"), data)
    assert "a changé d’étape" in response.content.decode()
    response = client.post(bulk_url(vacancy, "fr"), {"action": "reject", "reason": "other"})
    assert "Sélectionnez au moins une candidature." in response.content.decode()


def test_select_all_on_this_page_takes_every_card_shown(client, vacancy, applications, team):
    data = {
        "all_on_page": "on",
        "seen": [f"{a.pk}:{a.stage}" for a in applications[:2]],
        "stage": "screening",
        "confirm": "yes",
    }
    staff_login(client, team.recruiter).post(bulk_url(vacancy), data)
    assert stages() == ["screening", "screening", "received"]


@pytest.mark.parametrize("role", ["reviewer", "outsider"])
def test_reviewers_and_outsiders_have_no_bulk_actions(client, vacancy, applications, team, role):
    staff_login(client, team.recruiter).post(
        bulk_url(vacancy),
        {"applications": [applications[0].pk], "stage": "screening", "confirm": "yes"},
    )
    action = BulkAction.objects.get()
    staff_login(client, team.member(role))
    assert client.get(actions_url(vacancy)).status_code == 404
    assert client.post(undo_url(vacancy), {"action": action.pk}).status_code == 404
    assert client.post(bulk_url(vacancy), reject(applications, confirm="yes")).status_code == 404
    assert stages() == ["screening", "received", "received"]


def test_the_writes_are_set_based_one_audit_row_and_one_message_per_application(organization, team):
    """Ten more applications cost the same queries, plus four each to reject: its message,
    the audit rows of its move and of its message, and the webhooks' receiver asking for
    the endpoints subscribed (webhooks' own cost, per audit row of a move, reading nothing
    more when there are none); and three each to undo: the audit row of the move back with
    the webhooks' question, and privacy's receiver redacting the audit rows about the
    message taken back."""

    def queries(count: int, slug: str) -> tuple[int, int]:
        vacancy = vacancy_make(organization, slug)
        chosen = [submit(vacancy, email=f"p{i}@{slug}.example.org") for i in range(count)]
        move = move_check(organization=organization, to_stage="rejected", reason="incomplete")
        with CaptureQueriesContext(connection) as applied:
            action = bulk.bulk_apply(
                vacancy=vacancy,
                pks=[a.pk for a in chosen],
                seen={},
                move=move,
                kind="reject",
                by=team.recruiter,
            )
        with CaptureQueriesContext(connection) as undone:
            bulk.bulk_undo(action=action, by=team.recruiter)
        return len(applied), len(undone)

    few, many = queries(2, "few"), queries(12, "many")
    assert (many[0] - few[0]) / 10 == 4
    assert (many[1] - few[1]) / 10 == 3


def test_an_action_of_another_vacancy_cannot_be_undone_through_this_one(
    client, organization, vacancy, applications, team
):
    other = campaign_lead_make(organization, slug="treasurer")
    staff_login(client, team.recruiter).post(
        bulk_url(vacancy),
        {"applications": [applications[0].pk], "stage": "screening", "confirm": "yes"},
    )
    action = BulkAction.objects.get()
    assert client.post(undo_url(other), {"action": action.pk}).status_code == 404
    assert client.post(undo_url(vacancy), {"action": "x"}).status_code == 404
    assert stages() == ["screening", "received", "received"]
