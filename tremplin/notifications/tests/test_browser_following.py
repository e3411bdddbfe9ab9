"""In Chromium: a recruiter follows a vacancy from the page of vacancies they may follow,
chooses per kind how to be told, and both pages pass axe-core (WCAG 2.1 AA) in English and
French."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from tremplin.notifications.models import NotificationSettings, VacancyFollow
from tremplin.notifications.tests.test_browser_mentions import log_in
from tremplin.testing.axe import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_following_and_choosing_per_kind(page: Page, live_server, vacancy, team) -> None:
    org = vacancy.organization.slug
    log_in(page, live_server, team.recruiter)
    followed = reverse("staff_notifications:followed", kwargs={"org": org})
    page.goto(live_server.url + followed)
    assert axe_violations(page) == []
    page.get_by_role("button", name="Follow Campaign lead").click()
    expect(page.get_by_role("button", name="Stop following Campaign lead")).to_be_visible()
    assert VacancyFollow.objects.filter(user=team.recruiter, vacancy=vacancy).exists()

    page.goto(live_server.url + reverse("staff_notifications:preferences", kwargs={"org": org}))
    assert axe_violations(page) == []
    kind = page.get_by_role("group", name="New applications on vacancies you follow")
    kind.get_by_label("Never: only in the workspace").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator("body")).to_contain_text("Your notification preferences are saved.")
    assert NotificationSettings.objects.get(user=team.recruiter).email_application == "never"

    page.goto(live_server.url + "/fr" + followed[3:])
    assert axe_violations(page) == []
    expect(
        page.get_by_role("button", name="Ne plus suivre Responsable de campagne")
    ).to_be_visible()
