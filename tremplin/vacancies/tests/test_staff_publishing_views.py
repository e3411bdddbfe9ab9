"""Publish, close and reopen buttons: refused with the publishing rules' messages."""

import datetime

import pytest
from django.utils import timezone

from tremplin.testing.builders import vacancy_make
from tremplin.vacancies.models import Vacancy
from tremplin.vacancies.tests.conftest import Team, audit_verbs, draft, page_text, snapshot

pytestmark = pytest.mark.django_db


def url(slug: str, action: str, language: str = "en") -> str:
    return f"/{language}/staff/communs/vacancies/{slug}/{action}/"


def test_a_complete_draft_is_published_and_the_act_logged(team: Team) -> None:
    vacancy = draft(team.organization)
    client = team.client(team.recruiter)

    response = client.post(url(vacancy.slug, "publish"), follow=True)

    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.PUBLISHED
    assert vacancy.date_posted == timezone.localdate()
    assert response.redirect_chain[-1][0] == url(vacancy.slug, "edit")
    assert "is published on the careers site" in page_text(response)
    assert audit_verbs() == ["vacancy.publish"]
    assert client.get(f"/en/communs/{vacancy.slug}/").status_code == 200


def test_publishing_without_a_pay_range_is_refused_with_every_problem(team: Team) -> None:
    past = timezone.localdate() - datetime.timedelta(days=1)
    vacancy = draft(team.organization, pay_min=None, pay_max=None, deadline=past)
    before = snapshot(vacancy)

    response = team.client(team.recruiter).post(url(vacancy.slug, "publish"), follow=True)

    html = page_text(response)
    assert "was not published" in html
    assert "A paid job cannot be published without a pay range" in html
    assert f"The deadline ({past}) is in the past." in html
    assert snapshot(vacancy) == before
    assert audit_verbs() == []


def test_the_refusal_is_in_french_on_the_french_pages(team: Team) -> None:
    vacancy = draft(team.organization, pay_min=None, pay_max=None)
    before = snapshot(vacancy)

    response = team.client(team.recruiter).post(url(vacancy.slug, "publish", "fr"), follow=True)

    assert response.redirect_chain[-1][0] == url(vacancy.slug, "edit", "fr")
    assert "Un emploi rémunéré ne peut pas être publié sans fourchette" in page_text(response)
    assert snapshot(vacancy) == before


def test_a_volunteer_role_is_published_without_pay(team: Team) -> None:
    vacancy = draft(team.organization, kind=Vacancy.Kind.VOLUNTEER, pay_min=None, pay_max=None)
    team.client(team.owner).post(url(vacancy.slug, "publish"))
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.PUBLISHED


def test_closing_and_reopening(team: Team) -> None:
    vacancy = vacancy_make(team.organization, "live")
    client = team.client(team.recruiter)

    client.post(url("live", "close"), {"confirm": "yes"})
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.CLOSED
    assert client.get("/en/communs/live/").status_code == 410

    client.post(url("live", "reopen"))
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.PUBLISHED
    assert audit_verbs() == ["vacancy.close", "vacancy.reopen"]


def test_closing_asks_first_and_says_what_will_happen(team: Team) -> None:
    vacancy = vacancy_make(team.organization, "live")
    before = snapshot(vacancy)
    client = team.client(team.recruiter)

    asked = client.post(url("live", "close"), {"next": "/en/staff/communs/"})

    assert asked.status_code == 200
    html = page_text(asked)
    assert "will take no new applications from that moment" in html
    assert "No e-mail is sent to anyone." in html
    assert 'name="confirm" value="yes"' in html
    assert '<input type="hidden" name="next" value="/en/staff/communs/">' in html
    assert '<a href="/en/staff/communs/">No, go back</a>' in html
    elsewhere = page_text(client.post(url("live", "close"), {"next": "https://evil.example/"}))
    assert 'href="https://evil.example/"' not in elsewhere
    assert snapshot(vacancy) == before and audit_verbs() == []
    french = page_text(client.post(url("live", "close", "fr")))
    assert "Aucun e-mail n’est envoyé." in french

    done = client.post(url("live", "close"), {"next": "/en/staff/communs/", "confirm": "yes"})

    assert done["Location"] == "/en/staff/communs/"
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.CLOSED


def test_reopening_is_refused_when_the_deadline_has_passed(team: Team) -> None:
    past = timezone.localdate() - datetime.timedelta(days=2)
    vacancy = vacancy_make(team.organization, "old", status=Vacancy.Status.CLOSED, deadline=past)
    before = snapshot(vacancy)

    response = team.client(team.recruiter).post(url("old", "reopen"), follow=True)

    assert "was not reopened" in page_text(response)
    assert "is in the past" in page_text(response)
    assert snapshot(vacancy) == before


def test_an_act_from_the_wrong_state_is_refused(team: Team) -> None:
    vacancy = vacancy_make(team.organization, "live")
    before = snapshot(vacancy)
    client = team.client(team.recruiter)

    published_again = client.post(url("live", "publish"), follow=True)
    reopened = client.post(url("live", "reopen"), follow=True)

    assert "already published" in page_text(published_again)
    assert "Only a closed vacancy can be reopened." in page_text(reopened)
    assert snapshot(vacancy) == before


def test_the_list_sends_the_recruiter_back_to_the_list(team: Team) -> None:
    vacancy = draft(team.organization)
    response = team.client(team.recruiter).post(
        url(vacancy.slug, "publish"), {"next": "/en/staff/communs/"}
    )
    assert response["Location"] == "/en/staff/communs/"


def test_a_next_address_elsewhere_is_ignored(team: Team) -> None:
    vacancy = draft(team.organization)
    response = team.client(team.recruiter).post(
        url(vacancy.slug, "publish"), {"next": "https://evil.example/"}
    )
    assert response["Location"] == url(vacancy.slug, "edit")


def test_the_buttons_are_post_only(team: Team) -> None:
    vacancy = draft(team.organization)
    for action in ("publish", "close", "reopen"):
        assert team.client(team.recruiter).get(url(vacancy.slug, action)).status_code == 405


def test_reviewers_and_outsiders_get_404_and_change_nothing(team: Team) -> None:
    vacancy = draft(team.organization)
    vacancy.reviewers.add(team.reviewer)
    live = vacancy_make(team.organization, "live")
    before = (snapshot(vacancy), snapshot(live))
    for user in (team.reviewer, team.outsider):
        client = team.client(user)
        assert client.post(url(vacancy.slug, "publish")).status_code == 404
        assert client.post(url("live", "close")).status_code == 404
        assert client.get(url("live", "close")).status_code == 404
    assert (snapshot(vacancy), snapshot(live)) == before
