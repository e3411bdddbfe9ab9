"""Assigning reviewers to a vacancy."""

import pytest

from tremplin.accounts.models import Membership
from tremplin.testing.staff import member_create
from tremplin.vacancies.tests.conftest import Team, audit_verbs, draft, page_text, snapshot

pytestmark = pytest.mark.django_db


def test_an_owner_assigns_reviewers_among_the_members(team: Team) -> None:
    vacancy = draft(team.organization)
    second = member_create(
        email="rosa@example.org", organization=team.organization, role=Membership.Role.REVIEWER
    )
    client = team.client(team.owner)
    url = f"/en/staff/communs/vacancies/{vacancy.slug}/reviewers/"
    page = page_text(client.get(url))
    assert "remi@example.org (Reviewer)" in page and "rita@example.org (Recruiter)" in page
    assert "charlie@example.org" not in page

    response = client.post(url, {"reviewers": [str(team.reviewer.pk), str(second.pk)]})

    assert response.status_code == 302
    assert set(vacancy.reviewers.all()) == {team.reviewer, second}
    assert audit_verbs() == ["vacancy.reviewers"]
    reviewer_list = page_text(team.client(team.reviewer).get("/en/staff/communs/"))
    assert "Policy analyst" in reviewer_list

    client.post(url, {"reviewers": [str(second.pk)]})
    assert list(vacancy.reviewers.all()) == [second]


def test_someone_outside_the_organization_cannot_be_assigned(team: Team) -> None:
    vacancy = draft(team.organization)
    before = snapshot(vacancy)

    response = team.client(team.recruiter).post(
        f"/en/staff/communs/vacancies/{vacancy.slug}/reviewers/",
        {"reviewers": [str(team.outsider.pk)]},
    )

    assert response.status_code == 400
    assert "Select a valid choice" in page_text(response)
    assert snapshot(vacancy) == before


def test_reviewers_and_outsiders_get_404(team: Team) -> None:
    vacancy = draft(team.organization)
    vacancy.reviewers.add(team.reviewer)
    before = snapshot(vacancy)
    url = f"/en/staff/communs/vacancies/{vacancy.slug}/reviewers/"
    for user in (team.reviewer, team.outsider):
        client = team.client(user)
        assert client.get(url).status_code == 404
        assert client.post(url, {"reviewers": [str(user.pk)]}).status_code == 404
    assert snapshot(vacancy) == before
