"""In a real Chromium, with the Content Security Policy enforced (no bypass_csp): the pages'
own scripts and styles still work, and the browser reports no violation of the policy."""

from collections.abc import Iterator

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.conftest import World
from tremplin.testing.staff import staff_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Registered before any page script runs, through the DevTools protocol (not governed by
# the policy): every violation the page reports is kept in window.cspViolations.
LISTEN = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def watched(page: Page) -> Iterator[tuple[Page, list[str]]]:
    """The page, and the console's messages about the policy."""
    console: list[str] = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.add_init_script(LISTEN)
    yield page, console


def violations(page: Page, console: list[str]) -> list[str]:
    return [*page.evaluate("window.cspViolations"), *console]


def test_the_watch_does_see_a_violation(watched, live_server, world: World) -> None:
    page, console = watched
    page.goto(live_server.url + "/en/")
    page.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "document.body.dataset.ran = 'yes'";
          document.body.append(script);
        }"""
    )
    expect(page.locator("body")).not_to_have_attribute("data-ran", "yes")
    page.wait_for_function("window.cspViolations.length > 0")
    assert any("script-src" in text for text in violations(page, console))


def test_the_editor_s_live_preview_works_under_the_policy(
    watched, live_server, world: World
) -> None:
    page, console = watched
    client = staff_login(Client(), world.users["recruiter"])
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    response = page.goto(
        live_server.url
        + reverse("staff_vacancies:edit", kwargs={"org": "communs", "vacancy": "facilitator"})
    )
    assert response is not None and "content-security-policy" in response.headers
    english = page.get_by_role("group", name="Text in English")
    english.get_by_label("Text (Markdown)").fill("## Under the policy\n\n- **still live**")
    expect(english.locator(".preview-pane h4")).to_have_text("Under the policy")
    expect(english.locator(".preview-pane strong")).to_have_text("still live")
    assert violations(page, console) == []


def test_the_application_form_s_script_and_styles_work_under_the_policy(
    watched, live_server, world: World
) -> None:
    page, console = watched
    question = world.vacancy.questions.get()
    question.word_limit = 5
    question.save()
    page.goto(
        live_server.url
        + reverse("applications:apply", kwargs={"org": "communs", "vacancy": "facilitator"})
    )
    # The honeypot is out of sight through the stylesheet, no longer a style attribute.
    box = page.locator(".hp-field").bounding_box()
    assert box is not None and box["x"] < -1000
    # apply.js counts the words of an answer against its limit.
    page.get_by_label("Why us?").fill("one two three four five six")
    expect(page.locator(".word-count")).to_have_text("6 / 5 words")
    assert violations(page, console) == []


def test_the_vacancy_page_with_its_json_ld_reports_no_violation(
    watched, live_server, world: World
) -> None:
    page, console = watched
    page.goto(live_server.url + world.vacancy.get_absolute_url())
    # The JSON-LD is a data block: the policy does not run it, and has nothing to refuse.
    assert page.locator('script[type="application/ld+json"]').count() == 1
    page.wait_for_load_state("load")
    assert violations(page, console) == []
