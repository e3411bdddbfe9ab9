"""The template form in Chromium: the stage select shows only for a rejection, a rejection
for the interview stage is saved from it, and the page passes axe."""

import pytest
from django.test import Client
from playwright.sync_api import Page, expect

from tremplin.messaging.models import MessageTemplate
from tremplin.testing.axe import axe_violations
from tremplin.testing.staff import staff_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_stage_select_is_offered_for_a_rejection_only_and_saves_its_stage(
    page: Page, live_server, organization, vacancy, team, settings
) -> None:
    settings.RATELIMIT_ENABLE = False
    client = staff_login(Client(), team.recruiter)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.goto(f"{live_server.url}/en/staff/{organization.slug}/messages/templates/add/?kind=offer")

    stage = page.get_by_label("For applications leaving the stage")
    expect(stage).to_be_hidden()
    page.get_by_label("Kind of message").select_option("rejection")
    expect(stage).to_be_visible()
    assert axe_violations(page) == []
    stage.select_option("interview")
    page.get_by_label("Name").fill("After the interview")
    page.get_by_role("button", name="Save the template").click()

    expect(page.locator("section[aria-labelledby=kind-rejection]")).to_contain_text(
        "After the interview, for applications leaving “Interview”"
    )
    saved = MessageTemplate.objects.get()
    assert (saved.kind, saved.stage) == ("rejection", "interview")
