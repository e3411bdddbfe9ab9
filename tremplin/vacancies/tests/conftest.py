"""Fixtures for the staff editor's tests: one organization with an owner, a recruiter and a
reviewer, and an outsider who owns another organization."""

from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from tremplin.accounts.models import Membership, Organization, User
from tremplin.core.models import AuditEvent
from tremplin.testing.builders import organization_make, vacancy_make
from tremplin.testing.staff import member_create, staff_login
from tremplin.vacancies.models import Vacancy


@dataclass
class Team:
    organization: Organization
    owner: User
    recruiter: User
    reviewer: User
    outsider: User
    elsewhere: Organization

    def client(self, user: User) -> Client:
        """A browser logged in as ``user`` (owners with their second factor proved)."""
        return staff_login(Client(), user)


@pytest.fixture
def team(db: Any) -> Team:
    organization = organization_make("communs", "Maison des communs")
    elsewhere = organization_make("ailleurs", "Ailleurs")
    return Team(
        organization=organization,
        owner=member_create(
            email="olga@example.org", organization=organization, role=Membership.Role.OWNER
        ),
        recruiter=member_create(
            email="rita@example.org", organization=organization, role=Membership.Role.RECRUITER
        ),
        reviewer=member_create(
            email="remi@example.org", organization=organization, role=Membership.Role.REVIEWER
        ),
        outsider=member_create(
            email="charlie@example.org", organization=elsewhere, role=Membership.Role.OWNER
        ),
        elsewhere=elsewhere,
    )


def draft(organization: Organization, slug: str = "analyst", **fields: Any) -> Vacancy:
    """A complete paid draft job with an English text, ready to publish."""
    fields.setdefault("date_posted", None)
    fields.setdefault("texts", {"en": ("Policy analyst", "## The role\n\nAnalyse policies.")})
    return vacancy_make(organization, slug, status=Vacancy.Status.DRAFT, **fields)


def snapshot(vacancy: Vacancy) -> dict[str, Any]:
    """Everything stored about a vacancy, its texts, criteria and questions, to compare."""
    vacancy = Vacancy.objects.get(pk=vacancy.pk)
    return {
        "vacancy": Vacancy.objects.filter(pk=vacancy.pk).values().get(),
        "texts": list(vacancy.texts.values()),
        "criteria": list(vacancy.criteria.values()),
        "criterion_texts": [list(c.texts.values()) for c in vacancy.criteria.all()],
        "questions": list(vacancy.questions.values()),
        "question_texts": [list(q.texts.values()) for q in vacancy.questions.all()],
        "reviewers": sorted(vacancy.reviewers.values_list("pk", flat=True)),
    }


def audit_verbs() -> list[str]:
    events = AuditEvent.objects.exclude(verb__startswith="auth.")  # logging in is logged too
    return list(events.order_by("pk").values_list("verb", flat=True))


def page_text(response: Any) -> str:
    return response.content.decode()
