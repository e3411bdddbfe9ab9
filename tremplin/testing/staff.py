"""Staff users for tests: log a member in the way the workspace expects, an organization's
team, and the address of an application's staff pages.

Members who read candidates' data must have proved a second factor (accounts.twofactor):
``staff_login`` gives each member who must use one a confirmed TOTP device and marks the
session verified, as the two-factor page does.
"""

from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from tremplin.accounts.models import Membership, Organization, User
from tremplin.accounts.twofactor import two_factor_required
from tremplin.applications.models import Application
from tremplin.testing.builders import organization_make
from tremplin.vacancies.models import Vacancy


def application_page(application: Application, name: str = "detail", language: str = "en") -> str:
    """The address of ``staff_applications:<name>`` for ``application``, in ``language``."""
    org = application.vacancy.organization.slug
    url = reverse(f"staff_applications:{name}", kwargs={"org": org, "application": application.pk})
    return url.replace("/en/", f"/{language}/", 1)


def member_create(
    *, email: str, organization: Organization, role: str, password: str = "staff-password"
) -> User:
    """A user who is a member of ``organization`` with ``role`` (a Membership.Role)."""
    user = User.objects.create_user(email, password=password)
    Membership.objects.create(user=user, organization=organization, role=role)
    return user


def staff_login(client: Client, user: User) -> Client:
    """Log ``user`` in on ``client``, with a verified second factor when they have a device
    or must have one (twofactor.two_factor_required)."""
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None and two_factor_required(user=user):
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


@dataclass(frozen=True)
class Team:
    """An organization's owner, recruiter and reviewer, and an outsider who owns another
    organization."""

    owner: User
    recruiter: User
    reviewer: User
    outsider: User

    def member(self, role: str) -> User:
        return getattr(self, role)


def team_make(organization: Organization, vacancy: Vacancy | None = None) -> Team:
    """``organization``'s team; its reviewer is assigned to ``vacancy`` when given."""
    other = organization_make("elsewhere", "Elsewhere", email="")
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


@pytest.fixture
def team(organization: Organization, vacancy: Vacancy) -> Team:
    """The team of the ``organization`` fixture, its reviewer assigned to ``vacancy``."""
    return team_make(organization, vacancy)
