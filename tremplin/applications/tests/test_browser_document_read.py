"""The document reader in Chromium: a 2-page PDF shows both pages as loaded images that fit
a phone's width."""

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Page, expect

from tremplin.testing import samples
from tremplin.testing.applying import submit
from tremplin.testing.staff import staff_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_both_pages_of_a_pdf_load_and_fit_the_window(page: Page, live_server, vacancy, team):
    cv = submit(vacancy, cv=samples.pdf_bytes(pages=2)).documents.get(role="cv")
    client = staff_login(Client(), team.recruiter)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.set_viewport_size({"width": 390, "height": 800})
    org = vacancy.organization.slug
    page.goto(
        live_server.url
        + reverse("staff_applications:document_read", kwargs={"org": org, "document": cv.pk})
    )
    images = page.get_by_role("img", name="Page 1 of 2").or_(
        page.get_by_role("img", name="Page 2 of 2")
    )
    expect(images).to_have_count(2)
    for name in ("Page 1 of 2", "Page 2 of 2"):
        image = page.get_by_role("img", name=name)
        image.scroll_into_view_if_needed()  # lazy: loaded when near the window
        expect(image).to_have_js_property("complete", True)
        loaded = image.evaluate("img => [img.naturalWidth, img.getBoundingClientRect().width]")
        assert loaded[0] >= 1000  # the 1x or the 2x drawing
        assert loaded[1] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
