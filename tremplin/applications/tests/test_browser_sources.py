"""In Chromium: a job board links the vacancy's page (kept in memory, the same for every
visitor) with its marker; the form's script carries the marker into the POST."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tremplin.applications.models import Application
from tremplin.testing import samples
from tremplin.testing.builders import campaign_lead_make, organization_make


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_candidate_from_a_job_board_link_to_the_vacancy_page_counts_for_that_board(
    page: Page, live_server, tmp_path: Path, settings
):
    settings.RATELIMIT_ENABLE = False
    vacancy = campaign_lead_make(organization_make("open-future"), application_language="en")
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(samples.pdf_bytes())
    # Another visitor's plain visit fills the page kept in memory first.
    page.goto(live_server.url + vacancy.get_absolute_url())
    page.context.clear_cookies()

    page.goto(live_server.url + vacancy.get_absolute_url() + "?utm_source=hellowork")
    page.get_by_label("Full name").fill("Ada Lovelace")
    page.get_by_label("E-mail address").fill("ada@example.org")
    page.get_by_label("Cover letter, typed here").fill(samples.LETTER_EN)
    page.get_by_label(re.compile(r"^CV\b")).set_input_files(str(cv))
    page.get_by_role("button", name="Send my application").click()

    expect(page.get_by_role("heading", name="Application received")).to_be_visible()
    application = Application.objects.get()
    assert (application.source, application.source_detail) == ("board", "hellowork")
