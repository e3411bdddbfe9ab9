"""The search page: who finds what, what a result shows, and what is not recorded."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tremplin.accounts.models import User
from tremplin.applications.models import Application
from tremplin.applications.services import application_move
from tremplin.core.models import AuditEvent
from tremplin.review.models import BlindLift
from tremplin.search import selectors
from tremplin.testing.staff import staff_login
from tremplin.vacancies.models import Vacancy

CV = (
    "Ada Quintavalle, ada.quintavalle@example.net. Beekeeper and treasurer of the "
    "Lyon apiary cooperative for six years; I kept the accounts of 40 volunteers."
)


def search_url(**params: str) -> str:
    from urllib.parse import urlencode

    return reverse("search:search", kwargs={"org": "communs"}) + "?" + urlencode(params)


def client_for(user: User) -> Client:
    return staff_login(Client(), user)


@pytest.fixture
def ada(apply: Callable[..., Application], open_vacancy: Vacancy) -> Application:
    return apply(open_vacancy, name="Ada Quintavalle", email="ada.quintavalle@example.net", cv=CV)


@pytest.fixture
def blind_ada(apply: Callable[..., Application], blind_vacancy: Vacancy) -> Application:
    return apply(blind_vacancy, name="Ada Quintavalle", email="ada.quintavalle@example.net", cv=CV)


def test_a_recruiter_finds_the_application_and_opens_its_staff_page(
    ada: Application, members: dict[str, User]
) -> None:
    response = client_for(members["recruiter"]).get(search_url(q="beekeepers"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "1 application found" in page
    assert "Ada Quintavalle" in page
    assert f"/applications/{ada.pk}/" in page
    assert (
        reverse("staff_applications:detail", kwargs={"org": "communs", "application": ada.pk})
        in page
    )
    assert "<mark>Beekeeper</mark>" in page
    assert "Treasurer" in page and "Received" in page


def test_the_passage_is_escaped(apply, open_vacancy, members) -> None:
    apply(
        open_vacancy,
        name="Mallory",
        email="mallory@example.org",
        cv="Skills: <script>alert(1)</script> beekeeping & more.",
    )
    page = client_for(members["owner"]).get(search_url(q="beekeeping")).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>beekeeping</mark> &amp; more" in page


def test_a_reviewer_finds_their_vacancy_s_applications_and_opens_the_review_page(
    ada: Application, members: dict[str, User]
) -> None:
    page = client_for(members["reviewer"]).get(search_url(q="apiary")).content.decode()
    assert "Ada Quintavalle" in page
    review = reverse(
        "staff_review:application",
        kwargs={"org": "communs", "vacancy": "treasurer", "application": ada.pk},
    )
    assert review in page and f"/applications/{ada.pk}/" in review


def test_a_reviewer_of_other_vacancies_finds_nothing(ada, members) -> None:
    page = client_for(members["unassigned"]).get(search_url(q="apiary")).content.decode()
    assert "0 applications found" in page
    assert "Quintavalle" not in page


def test_a_reviewer_does_not_find_applications_that_left_the_review(ada, members) -> None:
    application_move(
        application=ada, to_stage=Application.Stage.REJECTED, by=None, reason="must_haves"
    )
    page = client_for(members["reviewer"]).get(search_url(q="apiary")).content.decode()
    assert "0 applications found" in page
    owner_page = client_for(members["owner"]).get(search_url(q="apiary")).content.decode()
    assert "1 application found" in owner_page


def test_in_blind_review_a_reviewer_searches_the_redacted_text_only(
    blind_ada: Application, members: dict[str, User]
) -> None:
    reviewer = client_for(members["reviewer"])
    for identifying in ("Quintavalle", "ada.quintavalle@example.net", "Ada"):
        page = reviewer.get(search_url(q=identifying)).content.decode()
        assert "0 applications found" in page, identifying
    page = reviewer.get(search_url(q="apiary")).content.decode()
    assert "1 application found" in page
    assert "Candidate 1" in page
    results = page.split('class="search-results"')[1]
    assert "Quintavalle" not in results and "ada.quintavalle" not in results
    # The recruiter still finds her by name.
    owner_page = client_for(members["owner"]).get(search_url(q="Quintavalle")).content.decode()
    assert "1 application found" in owner_page


def test_once_blind_mode_is_lifted_at_her_stage_the_reviewer_finds_her_name(
    blind_ada: Application, members: dict[str, User]
) -> None:
    BlindLift.objects.create(vacancy=blind_ada.vacancy, stage=blind_ada.stage)
    page = client_for(members["reviewer"]).get(search_url(q="Quintavalle")).content.decode()
    assert "1 application found" in page
    assert "Ada Quintavalle" in page


def test_no_event_recorded_while_searching_holds_the_query(ada, members) -> None:
    before = set(AuditEvent.objects.values_list("pk", flat=True))
    client_for(members["owner"]).get(search_url(q="Quintavalle apiary"))
    client_for(members["reviewer"]).get(search_url(q="Quintavalle apiary"))
    for event in AuditEvent.objects.exclude(pk__in=before):
        recorded = f"{event.verb} {event.target_label} {event.data}"
        assert "Quintavalle" not in recorded and "apiary" not in recorded


def test_the_filters_stay_in_the_address_from_page_to_page(apply, open_vacancy, members) -> None:
    for number in range(23):
        apply(
            open_vacancy, name=f"Person {number}", email=f"p{number}@example.org", answer="apiary"
        )
    client = client_for(members["owner"])
    first = client.get(search_url(q="apiary", vacancy="treasurer", language="en"))
    page = first.content.decode()
    assert "23 applications found" in page
    assert "Page 1 of 2" in page
    assert "q=apiary&amp;vacancy=treasurer&amp;language=en&amp;page=2" in page
    second = client.get(search_url(q="apiary", vacancy="treasurer", language="en", page="2"))
    assert second.content.decode().count("<li>\n            <p><a href=") == 3
    assert 'value="apiary"' in second.content.decode()


def test_a_bad_filter_says_so(members) -> None:
    response = client_for(members["owner"]).get(
        search_url(q="x", since="2026-05-01", until="2026-01-01")
    )
    assert response.status_code == 400
    assert "The start date must not be after the end date." in response.content.decode()


def test_every_staff_page_has_the_search_box(members) -> None:
    page = client_for(members["reviewer"]).get(
        reverse("staff_review:index", kwargs={"org": "communs"})
    )
    assert 'role="search"' in page.content.decode()
    assert reverse("search:search", kwargs={"org": "communs"}) in page.content.decode()


def test_the_page_speaks_french(ada: Application, members: dict[str, User], settings: Any) -> None:
    url = reverse("search:search", kwargs={"org": "communs"}).replace("/en/", "/fr/", 1)
    page = client_for(members["owner"]).get(url + "?q=apiary").content.decode()
    assert "1 candidature trouvée" in page


def test_beyond_the_ranked_matches_the_page_says_there_are_more(
    apply, open_vacancy, members, monkeypatch
) -> None:
    monkeypatch.setattr(selectors, "RANKED_AT_MOST", 2)
    for number in range(3):
        apply(open_vacancy, name=f"Bee {number}", email=f"bee{number}@example.org", cv="Apiary.")
    page = client_for(members["owner"]).get(search_url(q="apiary")).content.decode()
    assert "More than 2 applications found" in page
    assert "add words or filters" in page
    # The newest two are ranked and shown.
    assert "Bee 2" in page and "Bee 1" in page and "Bee 0" not in page

    monkeypatch.setattr(selectors, "RANKED_AT_MOST", 3)
    page = client_for(members["owner"]).get(search_url(q="apiary")).content.decode()
    assert "3 applications found" in page and "More than" not in page
