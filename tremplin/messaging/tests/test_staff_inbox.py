"""E-mails waiting to be sorted: the list, one message, and making it an application."""

import pytest

from tremplin.applications.models import Application
from tremplin.core.models import AuditEvent
from tremplin.messaging.inbound.store import inbound_receive, inbound_take
from tremplin.messaging.models import InboundMessage
from tremplin.testing.mail import PDF, mail
from tremplin.testing.samples import pdf_bytes
from tremplin.testing.staff import staff_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def unsorted(vacancy) -> InboundMessage:
    raw = mail(
        to="jobs@example.org",
        subject="Candidature",
        body="Please find my CV attached.",
        attachments=[("cv.pdf", pdf_bytes(), PDF)],
    )
    return inbound_receive(raw=raw, channel=InboundMessage.Channel.PIPE).message


def test_the_list_shows_the_organization_s_unsorted_e_mails(client, unsorted, team):
    response = staff_login(client, team.recruiter).get("/en/staff/example/messages/inbox/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Candidature" in html and "Ada Lovelace" in html
    assert "Sent to the general address, without a vacancy tag" in html


def test_the_list_says_why_a_message_could_not_be_taken(client, vacancy, team, poison_candidate):
    raw = mail(sender=f"Poison <{poison_candidate}>", subject="Candidature empoisonnée")
    inbound_take(raw=raw, channel=InboundMessage.Channel.PIPE)

    response = staff_login(client, team.recruiter).get("/en/staff/example/messages/inbox/")

    html = response.content.decode()
    assert "Candidature empoisonnée" in html
    assert "Tremplin could not take it by itself" in html
    assert "poisoned" in html


def test_assigning_a_message_that_still_fails_says_why_and_changes_nothing(
    client, vacancy, team, poison_candidate
):
    raw = mail(sender=f"Poison <{poison_candidate}>", to="jobs@example.org")
    message = inbound_take(raw=raw, channel=InboundMessage.Channel.PIPE).message
    assert message.reason == "no_tag"  # unsorted: nothing failed yet

    response = staff_login(client, team.recruiter).post(
        f"/en/staff/example/messages/inbox/{message.pk}/", {"vacancy": vacancy.pk}
    )

    assert response.status_code == 400
    assert "This e-mail could not be made an application" in response.content.decode()
    message.refresh_from_db()
    assert message.status == "unsorted"
    assert Application.objects.count() == 0


def test_one_e_mail_shows_its_text_and_attachments(client, unsorted, team):
    response = staff_login(client, team.recruiter).get(
        f"/en/staff/example/messages/inbox/{unsorted.pk}/"
    )
    html = response.content.decode()
    assert "Please find my CV attached." in html and "cv.pdf" in html


def test_assigning_it_to_a_vacancy_makes_the_application(client, vacancy, unsorted, team):
    response = staff_login(client, team.recruiter).post(
        f"/en/staff/example/messages/inbox/{unsorted.pk}/", {"vacancy": vacancy.pk}
    )

    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/staff/example/applications/{application.pk}/"
    unsorted.refresh_from_db()
    assert (unsorted.status, unsorted.application) == ("processed", application)
    assert AuditEvent.objects.filter(verb="inbound.assign", actor=team.recruiter).exists()


def test_a_vacancy_of_another_organization_is_refused(client, unsorted, team):
    from tremplin.accounts.models import Organization
    from tremplin.testing.builders import vacancy_make

    theirs = vacancy_make(Organization.objects.get(slug="elsewhere"), "spy")
    response = staff_login(client, team.recruiter).post(
        f"/en/staff/example/messages/inbox/{unsorted.pk}/", {"vacancy": theirs.pk}
    )

    assert response.status_code == 400
    assert not Application.objects.exists()


@pytest.mark.parametrize("role", ["reviewer", "outsider"])
def test_reviewers_and_outsiders_get_not_found(client, vacancy, unsorted, team, role):
    member = staff_login(client, team.member(role))
    assert member.get("/en/staff/example/messages/inbox/").status_code == 404
    url = f"/en/staff/example/messages/inbox/{unsorted.pk}/"
    assert member.get(url).status_code == 404
    assert member.post(url, {"vacancy": vacancy.pk}).status_code == 404
    assert not Application.objects.exists()
