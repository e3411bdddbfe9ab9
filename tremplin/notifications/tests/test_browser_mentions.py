"""In Chromium: a recruiter writes a note that mentions the owner; the owner sees the bell's
count in the workspace, opens the notification, lands on the application, and the count is
gone."""

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Page, expect

from tremplin.testing.applying import submit
from tremplin.testing.staff import staff_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page: Page, live_server, user) -> None:
    client = staff_login(Client(), user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def test_a_mention_rings_the_bell_and_opening_it_reads_it(
    page: Page, live_server, vacancy, team, settings
) -> None:
    settings.RATELIMIT_ENABLE = False
    application = submit(vacancy, email="a@example.org", name="Ann Example")
    org = vacancy.organization.slug
    detail = reverse(
        "staff_applications:detail", kwargs={"org": org, "application": application.pk}
    )

    log_in(page, live_server, team.recruiter)
    page.goto(live_server.url + detail)
    page.get_by_label("Note:", exact=True).fill("Ask @olive about the **budget**.")
    page.get_by_role("button", name="Add the note").click()
    expect(page.locator(".staff-notes")).to_contain_text("Ask @olive about the budget.")
    expect(page.locator(".staff-notes strong").first).to_have_text("@olive")

    log_in(page, live_server, team.owner)
    page.goto(live_server.url + reverse("staff_notifications:list", kwargs={"org": org}))
    bell = page.locator(".notification-bell a")
    expect(bell).to_contain_text("1 unread")
    expect(page.locator(".notifications")).to_contain_text(
        f"rita@example.org mentioned you in a note on application #{application.pk}"
    )
    page.get_by_role("button", name="Open").click()
    expect(page).to_have_url(live_server.url + detail)
    expect(page.locator(".staff-notes")).to_contain_text("Ask @olive about the budget.")
    expect(page.locator(".notification-bell a")).not_to_contain_text("unread")
