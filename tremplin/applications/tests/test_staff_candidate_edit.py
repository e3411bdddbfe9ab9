"""Rectification (GDPR Art. 16) in the workspace: a recruiter or owner corrects the
candidate's name, e-mail address or phone from the application's page; audited without
the values."""

import json

import pytest

from tremplin.applications.models import Application, Candidate
from tremplin.core.models import AuditEvent
from tremplin.privacy.exports import data_export_request
from tremplin.testing.applying import submit
from tremplin.testing.builders import campaign_lead_make, organization_make
from tremplin.testing.staff import application_page, staff_login

pytestmark = pytest.mark.django_db

OLD = {"name": "Ada Lovelace", "email": "ada@example.org", "phone": "+33 6 12 34 56 78"}
NEW = {"name": "Ada King", "email": "ada.king@example.net", "phone": "+44 20 7946 0000"}


@pytest.fixture
def application(vacancy):
    return submit(vacancy, name=OLD["name"], email=OLD["email"], phone=OLD["phone"])


def edit_url(application: Application, language: str = "en") -> str:
    return application_page(application, "candidate_edit", language)


def details(candidate: Candidate) -> dict[str, str]:
    candidate.refresh_from_db()
    return {"name": candidate.name, "email": candidate.email, "phone": candidate.phone}


@pytest.mark.parametrize("role", ["recruiter", "owner"])
def test_a_recruiter_or_an_owner_corrects_the_candidate(client, team, application, role):
    staff_login(client, team.member(role))
    page = client.get(application_page(application)).content.decode()
    assert f'action="{edit_url(application)}"' in page and 'method="post"' in page

    response = client.post(edit_url(application), NEW, follow=True)

    assert response.redirect_chain[-1][0].startswith(application_page(application))
    assert "details are corrected" in response.content.decode()
    assert details(application.candidate) == NEW
    assert Candidate.objects.count() == 1


def test_the_audit_row_names_the_fields_but_never_the_values(client, team, application):
    staff_login(client, team.recruiter)

    client.post(edit_url(application), {**OLD, "email": NEW["email"], "phone": NEW["phone"]})

    event = AuditEvent.objects.get(verb="candidate.rectify")
    assert event.actor == team.recruiter
    assert event.data["fields"] == ["email", "phone"]
    row = json.dumps(event.data) + event.target_label
    for value in (*OLD.values(), *NEW.values(), "ada", "Lovelace"):
        assert value not in row, value


def test_a_bad_email_gets_a_translated_error_and_changes_nothing(client, team, application):
    staff_login(client, team.recruiter)

    response = client.post(edit_url(application, "fr"), {**NEW, "email": "ada@"})

    assert response.status_code == 400
    assert "Saisissez une adresse de courriel valide" in response.content.decode()
    assert details(application.candidate) == OLD
    assert not AuditEvent.objects.filter(verb="candidate.rectify").exists()


def test_an_address_another_candidate_has_is_refused_and_changes_nothing(
    client, team, application, vacancy
):
    submit(vacancy, name="Grace", email="grace@example.org")
    staff_login(client, team.recruiter)

    response = client.post(edit_url(application), {**NEW, "email": "Grace@example.org"})

    assert response.status_code == 400
    assert "Another candidate already has this e-mail address" in response.content.decode()
    assert details(application.candidate) == OLD


def test_a_reviewer_and_an_outsider_cannot_correct(client, team, application):
    for user in (team.reviewer, team.outsider):
        staff_login(client, user)
        assert client.get(edit_url(application)).status_code == 404
        assert client.post(edit_url(application), NEW).status_code == 404
    assert details(application.candidate) == OLD


def test_opening_the_page_changes_nothing(client, team, application):
    staff_login(client, team.recruiter)

    response = client.get(edit_url(application), NEW)

    assert response.status_code == 200
    assert details(application.candidate) == OLD
    assert not AuditEvent.objects.filter(verb="candidate.rectify").exists()


def test_the_correction_reaches_every_application_of_the_person_and_says_so(
    client, team, application, organization
):
    other = submit(campaign_lead_make(organization, slug="data-analyst"), email=OLD["email"])
    staff_login(client, team.recruiter)

    page = client.get(application_page(application)).content.decode()
    assert "on all 2 applications they sent to your organization" in page
    client.post(edit_url(application), NEW)

    other.refresh_from_db()
    assert other.candidate_id == application.candidate_id
    assert details(other.candidate) == NEW


def test_a_new_address_leaves_the_persons_applications_elsewhere_alone(
    client, team, application, organization
):
    other_organization = organization_make("other-org")
    elsewhere = submit(campaign_lead_make(other_organization), email=OLD["email"])
    here_export, elsewhere_export = (
        data_export_request(
            candidate=application.candidate, organization=org, requested_by=None, language="en"
        )
        for org in (organization, other_organization)
    )
    staff_login(client, team.recruiter)

    client.post(edit_url(application), NEW)

    application.refresh_from_db()
    elsewhere.refresh_from_db()
    assert details(application.candidate) == NEW
    assert details(elsewhere.candidate) == OLD
    assert application.candidate_id != elsewhere.candidate_id
    # The copy of her data made here follows her applications, for the shredders to find.
    here_export.refresh_from_db()
    elsewhere_export.refresh_from_db()
    assert here_export.candidate_id == application.candidate_id
    assert elsewhere_export.candidate_id == elsewhere.candidate_id
