"""Assigning reviewers to several applications at once from the board: previewed with the
e-mail each reviewer will read in their language, confirmed, queued behind the undo window,
undone; every bad input refused with nothing changed. Runs on SQLite and PostgreSQL."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tremplin.accounts.models import Membership
from tremplin.applications import assignments
from tremplin.applications.models import Application, BulkAction, ReviewerAssignment
from tremplin.core.models import AuditEvent
from tremplin.messaging.models import OutboxMessage
from tremplin.messaging.outbox import outbox_send
from tremplin.testing.applying import submit
from tremplin.testing.builders import campaign_lead_make, organization_make, vacancy_make
from tremplin.testing.staff import member_create, staff_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def francoise(organization):
    """A reviewer who reads French and does not review the vacancy yet."""
    user = member_create(
        email="francoise@example.org", organization=organization, role=Membership.Role.REVIEWER
    )
    user.first_name, user.last_name, user.language = "Françoise", "Arnoux", "fr"
    user.save()
    return user


def bulk_url(vacancy, language: str = "en") -> str:
    return (
        f"/{language}/staff/{vacancy.organization.slug}/applications/vacancy/{vacancy.slug}/move/"
    )


def undo_url(vacancy) -> str:
    return f"/en/staff/{vacancy.organization.slug}/applications/vacancy/{vacancy.slug}/bulk/undo/"


def assign(applications, reviewers, **extra):
    return {
        "applications": [a.pk for a in applications],
        "seen": [f"{a.pk}:{a.stage}" for a in applications],
        "action": "assign",
        "reviewers": [r.pk for r in reviewers],
        **extra,
    }


def assigned() -> list[tuple[int, str]]:
    return list(
        ReviewerAssignment.objects.order_by("application_id", "reviewer__email").values_list(
            "application_id", "reviewer__email"
        )
    )


def assignment_mails():
    return OutboxMessage.objects.filter(kind=assignments.MAIL_KIND).order_by("to")


def test_the_preview_shows_each_reviewers_mail_in_their_language_and_changes_nothing(
    client, vacancy, applications, team, francoise
):
    response = staff_login(client, team.recruiter).post(
        bulk_url(vacancy), assign(applications, [team.reviewer, francoise])
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Confirm the reviewers" in html
    assert "Ada Lovelace" in html and "Grace Hopper" in html  # staff see names, as on the board
    assert "To Françoise Arnoux: 3 applications" in html
    assert "3 candidatures à évaluer pour Responsable de campagne" in html
    assert "vous demande d’évaluer 3 candidatures à «\u00a0Responsable de campagne" in html
    assert "To remi@example.org: 3 applications" in html
    assert "3 applications to review for Campaign lead" in html
    assert "/fr/staff/" in html and "/en/staff/" in html  # each one's link in their language
    assert "added to its reviewers: Françoise Arnoux" in html
    assert "Assign and send 2 e-mails" in html
    assert not ReviewerAssignment.objects.exists() and not BulkAction.objects.exists()
    assert not assignment_mails().exists()
    assert list(vacancy.reviewers.all()) == [team.reviewer]


def test_confirming_assigns_them_and_queues_one_mail_per_reviewer_until_the_undo_ends(
    client, vacancy, applications, team, francoise, settings
):
    settings.TREMPLIN_BULK_UNDO_SECONDS = 30
    Application.objects.filter(pk=applications[2].pk).update(stage="rejected")
    applications[2].refresh_from_db()
    before = timezone.now()

    response = staff_login(client, team.recruiter).post(
        bulk_url(vacancy), assign(applications, [team.reviewer, francoise], confirm="yes")
    )

    assert response.status_code == 302
    ada, grace = applications[0].pk, applications[1].pk
    assert assigned() == [
        (ada, "francoise@example.org"),
        (ada, "remi@example.org"),
        (grace, "francoise@example.org"),
        (grace, "remi@example.org"),
    ]  # not Alan: no longer in review
    assert set(vacancy.reviewers.all()) == {team.reviewer, francoise}
    queued = list(assignment_mails())
    assert [(m.to, m.language) for m in queued] == [
        ("francoise@example.org", "fr"),
        ("remi@example.org", "en"),
    ]
    assert queued[0].subject == "2 candidatures à évaluer pour Responsable de campagne"
    assert "Ada" not in queued[0].body and "Grace" not in queued[0].body  # no candidate named
    for message in queued:
        assert message.status == "queued"
        assert before + timedelta(seconds=29) < message.next_attempt_at
        assert message.next_attempt_at < timezone.now() + timedelta(seconds=31)
        assert outbox_send(message_pk=message.pk) == "queued"
    assert mail.outbox == []
    action = BulkAction.objects.get()
    assert action.kind == "assign" and sorted(action.outbox_messages) == [m.pk for m in queued]
    events = AuditEvent.objects.filter(verb="application.reviewers_assign", data__bulk=action.pk)
    assert sorted(events.values_list("target_id", flat=True)) == sorted([str(ada), str(grace)])
    assert AuditEvent.objects.filter(
        verb="vacancy.reviewers", data__added=["francoise@example.org"], data__bulk=action.pk
    ).exists()
    page = client.get(response["Location"]).content.decode()
    assert "Reviewers assigned to 2 applications." in page
    assert "2 e-mails will be sent in 30 seconds unless you undo." in page
    assert "2 applications given to Françoise Arnoux, remi@example.org to review" in page
    detail = client.get(
        f"/en/staff/{vacancy.organization.slug}/applications/{ada}/"
    ).content.decode()
    assert "Assigned reviewers" in detail and "Françoise Arnoux" in detail


def test_the_mails_go_once_the_window_is_over(client, vacancy, applications, team):
    staff_login(client, team.recruiter).post(
        bulk_url(vacancy), assign(applications[:1], [team.reviewer], confirm="yes")
    )
    message = assignment_mails().get()
    OutboxMessage.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))

    assert outbox_send(message_pk=message.pk) == "sent"
    assert [sent.to for sent in mail.outbox] == [["remi@example.org"]]
    assert mail.outbox[0].subject == "1 application to review for Campaign lead"


def test_undo_removes_the_assignments_the_added_reviewer_and_the_mails(
    client, vacancy, applications, team, francoise
):
    earlier = ReviewerAssignment.objects.create(application=applications[0], reviewer=team.reviewer)
    staff_login(client, team.recruiter).post(
        bulk_url(vacancy), assign(applications, [team.reviewer, francoise], confirm="yes")
    )
    action = BulkAction.objects.get()
    queued = list(assignment_mails().values_list("pk", flat=True))

    response = client.post(undo_url(vacancy), {"action": action.pk})

    assert response.status_code == 302
    assert assigned() == [(applications[0].pk, "remi@example.org")]  # the earlier one stays
    assert ReviewerAssignment.objects.get().pk == earlier.pk
    assert list(vacancy.reviewers.all()) == [team.reviewer]  # Françoise taken off again
    assert not assignment_mails().exists()
    assert [outbox_send(message_pk=pk) for pk in queued] == ["missing", "missing"]
    action.refresh_from_db()
    assert action.undone_at is not None
    assert (
        AuditEvent.objects.filter(
            verb="application.reviewers_unassign", data__undo=action.pk
        ).count()
        == 3
    )
    assert AuditEvent.objects.filter(
        verb="vacancy.reviewers", data__removed=["francoise@example.org"], data__undo=action.pk
    ).exists()
    page = client.get(response["Location"]).content.decode()
    assert "Undone: 3 applications no longer have the reviewers they were given." in page
    assert "No e-mail was sent." in page


def test_undo_after_the_window_is_refused_and_changes_nothing(client, vacancy, applications, team):
    staff_login(client, team.recruiter).post(
        bulk_url(vacancy), assign(applications, [team.reviewer], confirm="yes")
    )
    action = BulkAction.objects.get()
    BulkAction.objects.update(undo_until=timezone.now() - timedelta(seconds=1))
    OutboxMessage.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))

    response = client.post(undo_url(vacancy), {"action": action.pk})

    assert "Too late to undo" in client.get(response["Location"]).content.decode()
    assert len(assigned()) == 3 and assignment_mails().count() == 1
    assert BulkAction.objects.get().undone_at is None


def test_undoing_twice_is_refused(client, vacancy, applications, team):
    staff_login(client, team.recruiter).post(
        bulk_url(vacancy), assign(applications, [team.reviewer], confirm="yes")
    )
    action = BulkAction.objects.get()
    client.post(undo_url(vacancy), {"action": action.pk})
    response = client.post(undo_url(vacancy), {"action": action.pk})
    assert "This was already undone." in client.get(response["Location"]).content.decode()


# --- Bad input: a clear message, and nothing changes -------------------------------------


def assert_nothing_changed(vacancy, team) -> None:
    assert not ReviewerAssignment.objects.exists() and not BulkAction.objects.exists()
    assert not assignment_mails().exists()
    assert list(vacancy.reviewers.all()) == [team.reviewer]


@pytest.mark.parametrize("confirm", ["", "yes"])
def test_choosing_no_reviewer_is_refused(client, vacancy, applications, team, confirm):
    response = staff_login(client, team.recruiter).post(
        bulk_url(vacancy), assign(applications, [], confirm=confirm)
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose at least one reviewer." in html
    assert 'name="reviewers"' in html  # offered again, with the selection kept
    assert_nothing_changed(vacancy, team)


def test_someone_who_is_not_a_member_is_refused(client, vacancy, applications, team):
    response = staff_login(client, team.recruiter).post(
        bulk_url(vacancy), assign(applications, [team.reviewer, team.outsider], confirm="yes")
    )
    assert response.status_code == 400
    assert "Only members of the organization can be asked to review" in response.content.decode()
    assert_nothing_changed(vacancy, team)


@pytest.mark.parametrize("where", ["other_vacancy", "other_organization"])
def test_an_application_from_elsewhere_is_refused(
    client, organization, vacancy, applications, team, where
):
    if where == "other_vacancy":
        other = submit(campaign_lead_make(organization, slug="treasurer"), email="x@example.org")
    else:
        other = submit(vacancy_make(organization_make("another")), email="y@example.org")

    response = staff_login(client, team.recruiter).post(
        bulk_url(vacancy), assign([applications[0], other], [team.reviewer], confirm="yes")
    )

    assert response.status_code == 400
    assert "not applications to this vacancy" in response.content.decode()
    assert_nothing_changed(vacancy, team)


def test_assigning_again_the_same_reviewers_is_refused_as_nothing_to_do(
    client, vacancy, applications, team
):
    staff_login(client, team.recruiter).post(
        bulk_url(vacancy), assign(applications, [team.reviewer], confirm="yes")
    )
    response = client.post(bulk_url(vacancy), assign(applications, [team.reviewer], confirm="yes"))
    assert response.status_code == 400
    assert "already assigned to every selected application" in response.content.decode()
    assert BulkAction.objects.count() == 1 and assignment_mails().count() == 1


def test_the_refusals_speak_french(client, vacancy, applications, team):
    login = staff_login(client, team.recruiter)
    response = login.post(bulk_url(vacancy, "fr"), assign(applications, []))
    assert "Choisissez au moins un·e évaluateur·rice." in response.content.decode()
    response = login.post(bulk_url(vacancy, "fr"), assign(applications, [team.outsider]))
    assert "Seuls les membres de l’organisation" in response.content.decode()
    assert_nothing_changed(vacancy, team)


@pytest.mark.parametrize("role", ["reviewer", "outsider"])
def test_reviewers_and_outsiders_cannot_assign(client, vacancy, applications, team, role):
    response = staff_login(client, team.member(role)).post(
        bulk_url(vacancy), assign(applications, [team.reviewer], confirm="yes")
    )
    assert response.status_code == 404
    assert_nothing_changed(vacancy, team)


def test_the_board_offers_the_members_to_assign(client, vacancy, applications, team, francoise):
    html = staff_login(client, team.recruiter).get(
        f"/en/staff/{vacancy.organization.slug}/applications/vacancy/{vacancy.slug}/"
    )
    page = html.content.decode()
    assert "Reviewers to assign" in page and "Assign the reviewers…" in page
    assert f'value="{francoise.pk}"' in page and "Françoise Arnoux" in page
    assert "oscar@example.org" not in page  # the outsider is no member


def test_the_writes_are_set_based_one_audit_row_per_application_one_mail_per_reviewer(
    organization, team, francoise
):
    """Ten more applications cost the same queries plus one each to assign (the audit row
    of its assignment: the assignments are one INSERT, the e-mails one per reviewer); and
    three each to undo with two reviewers: the audit row of the undo, and the audit log's
    follower (core.audit.audit_follow_deletions) for each of its two assignment rows."""

    def queries(count: int, slug: str) -> tuple[int, int]:
        vacancy = vacancy_make(organization, slug)
        chosen = [submit(vacancy, email=f"p{i}@{slug}.example.org") for i in range(count)]
        with CaptureQueriesContext(connection) as applied:
            action = assignments.bulk_assign(
                vacancy=vacancy,
                pks=[a.pk for a in chosen],
                seen={},
                reviewer_pks=[team.reviewer.pk, francoise.pk],
                by=team.recruiter,
            )
        with CaptureQueriesContext(connection) as undone:
            assignments.bulk_assign_undo(action=action, by=team.recruiter)
        return len(applied), len(undone)

    few, many = queries(2, "few"), queries(12, "many")
    assert (many[0] - few[0]) / 10 == 1
    assert (many[1] - few[1]) / 10 == 3
