"""axe-core finds no WCAG 2.1 AA violation on the public pages, the application form and
every workspace page an owner or a reviewer can open (the same routes as the authorization
matrix), in English and in French."""

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Page

from tests.conftest import World, browser_login, staff_page_urls
from tremplin.applications.tokens import application_token
from tremplin.testing.axe import axe_violations
from tremplin.testing.staff import staff_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _check(page: Page, url: str) -> list[tuple[str, list]]:
    page.goto(url)
    return [(url, violations) for violations in [axe_violations(page)] if violations]


def test_the_checker_does_find_a_violation(page: Page) -> None:
    page.set_content('<html lang="en"><title>t</title><main><img src="x.png"></main></html>')
    assert [violation["id"] for violation in axe_violations(page)] == ["image-alt"]


def test_the_public_pages_and_the_application_form_have_no_violations(
    page: Page, live_server, world: World
) -> None:
    vacancy = world.vacancy
    urls = [
        "/en/",
        "/fr/",
        f"/en/{vacancy.organization.slug}/",
        vacancy.get_absolute_url(),
        f"/fr/{vacancy.organization.slug}/{vacancy.slug}/",
        reverse(
            "applications:apply", kwargs={"org": vacancy.organization.slug, "vacancy": vacancy.slug}
        ),
        reverse(
            "applications:status",
            kwargs={"token": application_token(public_id=world.application.public_id)},
        ),
        "/en/accounts/login/",
        "/fr/accounts/password-reset/",
    ]
    problems = [problem for url in urls for problem in _check(page, live_server.url + url)]
    assert problems == []


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("role", ["owner", "reviewer_assigned"])
def test_every_workspace_page_has_no_violations(
    page: Page, live_server, world: World, language: str, role: str
) -> None:
    """In both languages, as the owner (every page) and as a reviewer (the blind pages)."""
    client = staff_login(Client(), world.users[role])
    browser_login(page, client, live_server.url)
    urls = staff_page_urls(client, world, language)
    problems = [problem for url in urls for problem in _check(page, live_server.url + url)]
    assert all(url.startswith(f"/{language}/") for url in urls)
    assert len(urls) >= (20 if role == "owner" else 3)
    assert problems == []
