"""People and applications for the staff workspace tests (plain functions, not fixtures).

The organization's team: an owner, a recruiter, a reviewer assigned to the vacancy, and an
outsider who owns another organization. ``as_member`` logs a client in as one of them.
"""

from dataclasses import dataclass

from django.test import Client

from tremplin.accounts.models import Membership, Organization, User
from tremplin.testing.staff import member_create, staff_login
from tremplin.vacancies.models import Vacancy

ROLES = ("owner", "recruiter", "reviewer", "outsider")


@dataclass(frozen=True)
class Team:
    owner: User
    recruiter: User
    reviewer: User
    outsider: User

    def member(self, role: str) -> User:
        return getattr(self, role)


def team_make(organization: Organization, vacancy: Vacancy | None = None) -> Team:
    other = Organization.objects.create(name="Elsewhere", slug="elsewhere")
    team = Team(
        owner=member_create(
            email="olive@example.org", organization=organization, role=Membership.Role.OWNER
        ),
        recruiter=member_create(
            email="rita@example.org", organization=organization, role=Membership.Role.RECRUITER
        ),
        reviewer=member_create(
            email="remi@example.org", organization=organization, role=Membership.Role.REVIEWER
        ),
        outsider=member_create(
            email="oscar@example.org", organization=other, role=Membership.Role.OWNER
        ),
    )
    if vacancy is not None:
        vacancy.reviewers.add(team.reviewer)
    return team


def as_member(client: Client, user: User) -> Client:
    return staff_login(client, user)
