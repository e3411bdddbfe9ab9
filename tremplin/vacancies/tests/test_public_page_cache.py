"""The careers site's pages come from memory for anonymous visitors, and stay true: a
change to a vacancy shows at once, a passed deadline within a minute, every visitor gets the
same page and no cookie, and signed-in people always get a fresh page."""

import datetime
import re

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tremplin.core import pagecache
from tremplin.testing.builders import organization_make, vacancy_make
from tremplin.vacancies.models import Vacancy, VacancyText

pytestmark = pytest.mark.django_db

VACANCY_URL = "/en/maison-des-communs/coordinator/"
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
APPLY_FORM = 'class="apply-form"'


@pytest.fixture
def vacancy() -> Vacancy:
    return vacancy_make(organization_make(), texts={"en": ("Panel coordinator", "## Role\n\nRun.")})


def _get(client: Client, url: str) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


@pytest.mark.parametrize(
    "url", ["/en/", "/en/maison-des-communs/", VACANCY_URL, "/en/vacancies.atom"]
)
def test_the_second_anonymous_visit_is_served_without_reading_the_database(
    vacancy: Vacancy, url: str
) -> None:
    first, first_queries = _get(Client(), url)
    again, again_queries = _get(Client(), url)
    assert first_queries > 0
    assert again_queries == 0
    assert CSRF_INPUT.sub("", again) == CSRF_INPUT.sub("", first)
    assert "Panel coordinator" in again


def test_a_shared_link_s_marker_is_rendered_for_its_visitor_and_not_kept(
    vacancy: Vacancy,
) -> None:
    _get(Client(), VACANCY_URL)
    for marker in ("?utm_source=jobboard", "?via=board:welcome&utm_medium=post", "?via=referral"):
        _page, queries = _get(Client(), VACANCY_URL + marker)
        assert queries > 0, marker  # rendered afresh, its query in its language links
        assert f"en {VACANCY_URL}{marker}" not in pagecache._store.pages
    page, queries = _get(Client(), VACANCY_URL)
    assert queries == 0 and "utm_" not in page and "via=" not in page


def test_a_change_to_a_vacancy_shows_at_the_next_visit(vacancy: Vacancy) -> None:
    _get(Client(), "/en/")
    VacancyText.objects.filter(vacancy=vacancy).update(title="unused")  # no signal: still cached
    assert "Panel coordinator" in _get(Client(), "/en/")[0]
    text = vacancy.texts.get()
    text.title = "Citizen panel coordinator"
    text.save()
    board, _ = _get(Client(), "/en/")
    assert "Citizen panel coordinator" in board


def test_the_form_leaves_the_page_within_a_minute_of_the_deadline(vacancy: Vacancy) -> None:
    vacancy.deadline = datetime.date(2027, 3, 31)
    vacancy.save()
    before_midnight = datetime.datetime(
        2027, 3, 31, 23, 59, 30, tzinfo=timezone.get_current_timezone()
    )
    with time_machine.travel(before_midnight, tick=False):
        assert APPLY_FORM in _get(Client(), VACANCY_URL)[0]
    after = before_midnight + datetime.timedelta(seconds=pagecache.PAGE_SECONDS + 1)
    with time_machine.travel(after, tick=False):
        page, _ = _get(Client(), VACANCY_URL)
    assert APPLY_FORM not in page
    assert "Panel coordinator" in page


def test_every_visitor_gets_the_same_form_and_no_cookie_and_can_send_it(vacancy: Vacancy) -> None:
    pages = []
    for _ in range(2):
        visitor = Client(enforce_csrf_checks=True)
        response = visitor.get(VACANCY_URL)
        assert response.cookies == {}
        pages.append(response.content)
        assert not CSRF_INPUT.search(response.content.decode())
        # Sent from the page as a browser sends it, the form is refused for its content
        # (nothing filled in), not as a forgery (403).
        sent = visitor.post(
            f"{VACANCY_URL}apply/",
            {},
            headers={"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"},
        )
        assert sent.status_code != 403
        assert "There is a problem" in sent.content.decode()
    assert pages[0] == pages[1]


def test_a_signed_in_visitor_always_gets_a_fresh_page(vacancy: Vacancy, django_user_model) -> None:
    _get(Client(), VACANCY_URL)
    member = Client()
    member.force_login(django_user_model.objects.create_user(email="m@example.org", password="x"))
    _, queries = _get(member, VACANCY_URL)
    assert queries > 0


def test_a_change_to_the_organization_shows_at_the_next_visit(vacancy: Vacancy) -> None:
    assert "Maison Des Communs" in _get(Client(), VACANCY_URL)[0]
    organization = vacancy.organization
    organization.name = "Maison des communs de Lyon"
    organization.save()
    assert "Maison des communs de Lyon" in _get(Client(), VACANCY_URL)[0]
