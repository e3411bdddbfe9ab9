"""End to end in Chromium: apply with a PDF, then follow the application on its status page,
reached by the link in the acknowledgement."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from tremplin.applications.models import Application, Document
from tremplin.messaging.models import OutboxMessage
from tremplin.testing import samples
from tremplin.testing.builders import campaign_lead_make, organization_make


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_candidate_applies_with_a_pdf_and_follows_the_application(
    page: Page, live_server, tmp_path: Path, settings
):
    settings.RATELIMIT_ENABLE = False
    vacancy = campaign_lead_make(organization_make("open-future"), application_language="en")
    cv = tmp_path / "Ada Lovelace CV.pdf"
    cv.write_bytes(samples.pdf_bytes(pages=2))

    # The form sits on the vacancy's own page.
    page.goto(live_server.url + vacancy.get_absolute_url())
    expect(page.get_by_text("Write this in English").first).to_be_visible()
    expect(page.get_by_label("Keep my application for 24 months")).not_to_be_checked()
    page.get_by_label("Full name").fill("Ada Lovelace")
    page.get_by_label("E-mail address").fill("ada@example.org")
    page.get_by_label("Cover letter, typed here").fill(samples.LETTER_EN)
    page.get_by_label(re.compile(r"^CV\b")).set_input_files(str(cv))
    page.get_by_role("button", name="Send my application").click()

    expect(page.get_by_role("heading", name="Application received")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Your application was received")

    application = Application.objects.get()
    assert application.documents.get(role=Document.Role.CV).kind == "pdf"
    # The private link goes only to the address given, in the acknowledgement.
    link = next(w for w in OutboxMessage.objects.get().body.split() if "/application/" in w)
    page.goto(live_server.url + urlsplit(link).path)
    expect(page.locator(".stage")).to_have_text("Received")
    expect(page.get_by_text("Ada Lovelace CV.pdf")).to_be_visible()
    assert page.url.endswith(urlsplit(link).path)

    page.get_by_label("I confirm that I withdraw my application.").check()
    page.get_by_role("button", name="Withdraw").click()
    expect(page.locator(".stage")).to_have_text("Withdrawn")
    application.refresh_from_db()
    assert application.stage == Application.Stage.WITHDRAWN


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_error_summary_takes_the_focus_and_each_link_leads_to_its_field(
    page: Page, live_server, settings
):
    """GOV.UK's pattern, and the form keeps what was typed (files excepted, as it says)."""
    settings.RATELIMIT_ENABLE = False
    vacancy = campaign_lead_make(organization_make("open-future"))
    page.goto(live_server.url + vacancy.get_absolute_url())
    # The apply button at the top leads down to the form.
    page.get_by_role("link", name="Apply for this vacancy").click()
    page.get_by_label("Full name").fill("Ada Lovelace")
    page.get_by_role("button", name="Send my application").click()

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text("There is a problem")
    expect(page.get_by_label("Full name")).to_have_value("Ada Lovelace")
    expect(page.get_by_text("browsers cannot keep a chosen file").first).to_be_visible()
    summary.get_by_role("link", name=re.compile("Please add a cover letter")).click()
    letter = page.get_by_label("Cover letter, typed here")
    expect(letter).to_be_focused()
    expect(letter).to_have_attribute("aria-invalid", "true")
