"""Fixtures of the interviews tests: an application to the campaign lead vacancy, the
organization's team (tremplin.testing.staff), reading the mail the outbox holds, and an
interview that has taken place with criteria to score."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from tremplin.applications.models import Application
from tremplin.interviews.models import Interview
from tremplin.messaging.models import OutboxMessage
from tremplin.testing.applying import submit
from tremplin.testing.staff import Team, staff_login
from tremplin.vacancies.models import Criterion, CriterionText, Vacancy

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def application(vacancy: Vacancy) -> Application:
    return submit(vacancy, name="Ada Lovelace", email="ada@example.net")


@pytest.fixture
def recruiter_client(client: Client, team: Team) -> Client:
    return staff_login(client, team.recruiter)


def local(days: int, hour: int = 10) -> str:
    """A local time in Paris ``days`` from now, as the form posts it."""
    day = (timezone.now().astimezone(PARIS) + timedelta(days=days)).date()
    return f"{day.isoformat()}T{hour:02d}:00"


def aware(value: str) -> datetime:
    return datetime.strptime(value, "%Y-%m-%dT%H:%M").replace(tzinfo=PARIS)


def new_url(application: Application, language: str = "en") -> str:
    org = application.vacancy.organization.slug
    return f"/{language}/staff/{org}/applications/{application.pk}/interviews/new/"


def schedule_data(team: Team, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": "video",
        "duration_minutes": "45",
        "location": "https://meet.example.org/tremplin-interview",
        "panel": [str(team.recruiter.pk), str(team.reviewer.pk)],
        "slot": [local(3), local(4, 14)],
        "timezone": "Europe/Paris",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


@dataclass
class Sent:
    message: OutboxMessage

    @property
    def calendar_part(self) -> dict[str, Any]:
        [part] = self.message.attachments
        return part

    @property
    def calendar(self) -> Calendar:
        return Calendar.from_ical(self.calendar_part["content"])

    @property
    def event(self) -> Any:
        [event] = self.calendar.events
        return event


def sent(kind_step: str) -> dict[str, Sent]:
    """The mail of one step, by recipient."""
    rows = OutboxMessage.objects.filter(kind=f"interview-{kind_step}").order_by("pk")
    by_to: dict[str, Sent] = {}
    for row in rows:
        assert row.to not in by_to, f"{row.to} got two {kind_step} mails"
        by_to[row.to] = Sent(row)
    return by_to


@pytest.fixture
def criteria(vacancy: Vacancy) -> list[Criterion]:
    made = []
    for position, text in enumerate(["Runs campaigns", "Writes clearly"], start=1):
        criterion = Criterion.objects.create(vacancy=vacancy, position=position)
        CriterionText.objects.create(criterion=criterion, language="en", text=text)
        made.append(criterion)
    return made


def interview_make(
    application: Application, panel: list[Any], *, hours_ago: float = 2
) -> Interview:
    interview = Interview.objects.create(
        application=application,
        kind=Interview.Kind.VIDEO,
        duration_minutes=45,
        timezone="Europe/Paris",
        status=Interview.Status.SCHEDULED,
        start=timezone.now() - timedelta(hours=hours_ago),
    )
    interview.panel.set(panel)
    return interview


@pytest.fixture
def interview(application: Application, team: Team, criteria: list[Criterion]) -> Interview:
    """An interview of ``application`` two hours ago, with the recruiter and the reviewer
    on the panel (not the owner)."""
    return interview_make(application, [team.recruiter, team.reviewer])


def scorecard_url(interview: Interview, language: str = "en") -> str:
    application = interview.application
    org = application.vacancy.organization.slug
    return (
        f"/{language}/staff/{org}/applications/{application.pk}/interviews/"
        f"{interview.pk}/scorecard/"
    )
