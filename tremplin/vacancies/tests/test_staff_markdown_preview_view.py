"""The live preview: Markdown rendered by the same safe renderer as the public page."""

import pytest
from django.test import Client

from tremplin.testing.staff import staff_login
from tremplin.vacancies.tests.conftest import Team, page_text

pytestmark = pytest.mark.django_db

PREVIEW = "/en/staff/communs/vacancies/preview/"


def test_it_renders_markdown_as_the_public_page_does(team: Team) -> None:
    response = team.client(team.recruiter).post(
        PREVIEW, {"body": "# Le poste\n\n- **Piloter** les [partenariats](https://example.org)"}
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    html = page_text(response)
    assert "<h4>Le poste</h4>" in html
    assert "<strong>Piloter</strong>" in html
    assert 'rel="nofollow noopener"' in html


def test_it_drops_scripts_and_event_handlers(team: Team) -> None:
    response = team.client(team.recruiter).post(
        PREVIEW,
        {
            "body": "Hello <script>alert('x')</script>\n\n"
            '<img src=x onerror="alert(1)"> [click](javascript:alert(2))'
        },
    )

    html = page_text(response)
    assert response.status_code == 200
    assert "<script" not in html and "alert('x')" not in html
    assert "<img" not in html and "onerror" not in html
    assert 'href="javascript' not in html
    assert "Hello" in html


def test_it_needs_the_csrf_token(team: Team) -> None:
    client = staff_login(Client(enforce_csrf_checks=True), team.recruiter)
    assert client.post(PREVIEW, {"body": "text"}).status_code == 403


def test_it_only_answers_post(team: Team) -> None:
    assert team.client(team.recruiter).get(PREVIEW).status_code == 405


def test_reviewers_and_outsiders_get_404(team: Team) -> None:
    for user in (team.reviewer, team.outsider):
        assert team.client(user).post(PREVIEW, {"body": "text"}).status_code == 404
