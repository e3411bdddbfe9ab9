"""Reading applications in Chromium: j and k go to the next and previous application at the
same stage, ? lists the shortcuts, and keys typed in a field stay in the field."""

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Page, expect

from tremplin.testing.applying import submit
from tremplin.testing.staff import staff_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_j_k_and_question_mark(page: Page, live_server, vacancy, team, settings) -> None:
    settings.RATELIMIT_ENABLE = False
    ann = submit(vacancy, email="a@example.org", name="Ann Example")
    bea = submit(vacancy, email="b@example.org", name="Bea Example")
    client = staff_login(Client(), team.recruiter)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    org = vacancy.organization.slug
    page.goto(
        live_server.url
        + reverse("staff_applications:detail", kwargs={"org": org, "application": ann.pk})
    )
    page.keyboard.press("j")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bea Example")
    assert page.url.endswith(f"/applications/{bea.pk}/")
    page.keyboard.press("k")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ann Example")
    page.keyboard.press("?")
    dialog = page.get_by_role("dialog", name="Keyboard shortcuts")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Next application at this stage")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    # A "j" typed in the message field is a letter, not a shortcut.
    page.locator("textarea").first.type("j")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ann Example")
