"""The document reader in Chromium as a reviewer: on a phone and a laptop, in both
languages, the blind reader (redacted text) and the reader after the reveal (page images)
fit the window and pass axe-core; the review page's "Read" link leads there."""

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Page, expect

from tremplin.applications.models import Document
from tremplin.review import services
from tremplin.review.tests.conftest import review_url
from tremplin.testing.axe import axe_violations
from tremplin.testing.staff import staff_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CV_TEXT = "Ada Lovelace\nada@example.org\n\nEight years of policy work with small NGOs."


def _login(page: Page, live_server, user) -> None:
    client = staff_login(Client(), user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_blind_reviewer_follows_read_to_the_redacted_text(
    page: Page, live_server, apply, reviewer, language
):
    application = apply("Ada Lovelace", "ada@example.org", cv_text=CV_TEXT)
    _login(page, live_server, reviewer)
    url = review_url(application.vacancy, "application", application=application.pk)
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(live_server.url + url.replace("/en/", f"/{language}/", 1))
    page.get_by_role("link", name="Lire CV" if language == "fr" else "Read CV").click()
    expect(page.locator(".reader-text")).to_contain_text("Eight years of policy work")
    expect(page.locator("main")).not_to_contain_text("Lovelace")
    assert page.locator("img").count() == 0
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert axe_violations(page) == []


def test_after_the_reveal_a_reviewer_s_pages_load_and_fit_a_phone(
    page: Page, live_server, apply, reviewer, recruiter
):
    application = apply("Ada Lovelace", "ada@example.org", cv_text=CV_TEXT)
    services.blind_lift(vacancy=application.vacancy, stage=application.stage, by=recruiter)
    cv = application.documents.get(role=Document.Role.CV)
    _login(page, live_server, reviewer)
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(
        live_server.url
        + reverse("staff_applications:document_read", kwargs={"org": "communs", "document": cv.pk})
    )
    image = page.get_by_role("img", name="Page 1 of 1")
    expect(image).to_have_js_property("complete", True)
    assert image.evaluate("img => img.naturalWidth") >= 1000
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert axe_violations(page) == []
