"""The organization's list of vacancies in the staff workspace."""

import re

import pytest
from django.test import Client

from tremplin.applications.models import Application, Candidate
from tremplin.testing.builders import vacancy_make
from tremplin.vacancies.models import Vacancy
from tremplin.vacancies.tests.conftest import Team, draft, page_text

pytestmark = pytest.mark.django_db

LIST = "/en/staff/communs/"


def test_a_recruiter_sees_every_vacancy_with_its_status_languages_and_applications(
    team: Team,
) -> None:
    published = vacancy_make(
        team.organization,
        "coordinator",
        texts={"en": ("Coordinator", ""), "fr": ("Coordinateur·rice", "")},
    )
    draft(team.organization, "analyst")
    vacancy_make(team.elsewhere, "secret", texts={"en": ("Secret job elsewhere", "")})
    for number in range(2):
        candidate = Candidate.objects.create(email=f"c{number}@example.org", language="en")
        Application.objects.create(candidate=candidate, vacancy=published)

    response = team.client(team.recruiter).get(LIST)

    assert response.status_code == 200
    html = page_text(response)
    assert "Coordinator" in html and "Policy analyst" in html
    assert "Secret job elsewhere" not in html
    rows = re.findall(r"<tr>.*?</tr>", html, re.S)
    coordinator = next(row for row in rows if "Coordinator" in row)
    assert "Published" in coordinator and "Job" in coordinator
    assert ">EN</abbr>" in coordinator and ">FR</abbr>" in coordinator
    assert re.search(
        r'<td class="number"><a href="/en/staff/communs/applications/vacancy/coordinator/">2<',
        coordinator,
    )
    assert "/en/staff/communs/vacancies/coordinator/edit/" in coordinator
    assert 'action="/en/staff/communs/vacancies/coordinator/close/"' in coordinator
    assert 'href="/en/communs/coordinator/"' in coordinator
    analyst = next(row for row in rows if "Policy analyst" in row)
    assert "Draft" in analyst
    assert 'action="/en/staff/communs/vacancies/analyst/publish/"' in analyst
    assert 'href="/en/communs/analyst/"' not in analyst
    assert "New vacancy" in html and "Import a posting" in html


def test_open_vacancies_come_before_closed_ones(team: Team) -> None:
    vacancy_make(team.organization, "old", status=Vacancy.Status.CLOSED, texts={"en": ("Old", "")})
    vacancy_make(team.organization, "live", texts={"en": ("Live", "")})

    html = page_text(team.client(team.owner).get(LIST))

    assert html.index(">Live<") < html.index(">Old<")


def test_a_reviewer_sees_only_assigned_vacancies_and_no_editing_actions(team: Team) -> None:
    assigned = draft(team.organization, "assigned", texts={"en": ("Assigned job", "")})
    assigned.reviewers.add(team.reviewer)
    draft(team.organization, "other", texts={"en": ("Other job", "")})

    response = team.client(team.reviewer).get(LIST)

    html = page_text(response)
    assert response.status_code == 200
    assert "Assigned job" in html and "Other job" not in html
    assert "New vacancy" not in html and "/edit/" not in html and "/publish/" not in html


def test_an_outsider_gets_404_and_an_anonymous_visitor_is_sent_to_log_in(team: Team) -> None:
    assert team.client(team.outsider).get(LIST).status_code == 404
    response = Client().get(LIST)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_list_speaks_french(team: Team) -> None:
    draft(team.organization)
    html = page_text(team.client(team.recruiter).get("/fr/staff/communs/"))
    assert "Brouillon" in html


def test_a_long_list_comes_a_page_at_a_time_in_the_same_order(team: Team, monkeypatch) -> None:
    from tremplin.core import pagination

    monkeypatch.setattr(pagination, "PAGE_SIZE", 2)
    for slug in ("one", "two", "three"):
        vacancy_make(team.organization, slug, texts={"en": (slug.title(), "")})
    client = team.client(team.recruiter)

    first = page_text(client.get(LIST))
    second = page_text(client.get(LIST, {"page": "2"}))

    shown = [
        [title for title in ("One", "Two", "Three") if f">{title}<" in html]
        for html in (first, second)
    ]
    assert sorted(shown[0] + shown[1]) == ["One", "Three", "Two"]
    assert len(shown[0]) == 2 and len(shown[1]) == 1
    assert "Page 1 of 2" in first and 'href="?page=2" rel="next"' in first
    assert "Page 2 of 2" in second and 'href="?page=1" rel="prev"' in second
    # A page number that is not one gives the first page, one past the end the last.
    assert "Page 1 of 2" in page_text(client.get(LIST, {"page": "x"}))
    assert "Page 2 of 2" in page_text(client.get(LIST, {"page": "9"}))
