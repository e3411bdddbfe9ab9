"""In a real browser: a panel member fills their scorecard by keyboard-reachable radios and
submits it, then sees the summary; the form and the summary break no WCAG 2.1 AA rule
(axe-core) and fit a phone's width, in English and French."""

import pytest
from django.test import Client
from playwright.sync_api import Page, expect

from tremplin.interviews.models import Scorecard
from tremplin.interviews.tests.conftest import scorecard_url
from tremplin.testing.axe import axe_violations
from tremplin.testing.staff import staff_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIDEWAYS = "() => document.documentElement.scrollWidth > document.documentElement.clientWidth"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_panel_member_fills_and_submits_their_scorecard_then_reads_the_summary(
    page: Page, live_server, interview, team, criteria, language
):
    client = staff_login(Client(), team.reviewer)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(live_server.url + scorecard_url(interview, language))
    assert axe_violations(page) == []
    assert not page.evaluate(SIDEWAYS)

    for criterion, score in zip(criteria, ["4", "2"], strict=True):
        page.locator(f'input[name="score_{criterion.pk}"][value="{score}"]').check()
    page.locator('input[name="recommendation"][value="yes"]').check()
    page.locator('textarea[name="comment"]').fill("Clear and warm")
    submit = "Submit scorecard" if language == "en" else "Envoyer la fiche"
    page.get_by_role("button", name=submit).click()

    summary = "Summary of 1 submitted scorecard" if language == "en" else "Synthèse de 1 fiche"
    expect(page.locator("caption", has_text=summary)).to_be_visible()
    scorecard = Scorecard.objects.get()
    assert scorecard.is_submitted and scorecard.comment == "Clear and warm"
    assert axe_violations(page) == []
    assert not page.evaluate(SIDEWAYS)
