"""axe-core finds no WCAG 2.1 AA violation on the erasure pages, in the states a person
meets them: the status page's section (and its error), the confirmation page, the pages
after erasing, for an expired link and for a used one; the owner's page with its errors."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from tremplin.messaging.models import OutboxMessage
from tremplin.privacy.services import CONFIRMATION_KIND
from tremplin.testing.applying import status_path, submit
from tremplin.testing.axe import axe_violations
from tremplin.testing.builders import campaign_lead_make, organization_make
from tremplin.testing.staff import member_create, staff_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _violations(page: Page) -> list[tuple[str, list]]:
    return [(page.url, found) for found in [axe_violations(page)] if found]


def test_the_candidates_erasure_pages_have_no_violations(page: Page, live_server):
    application = submit(
        campaign_lead_make(organization_make("open-future")), email="ada@example.org"
    )
    problems = []

    page.goto(live_server.url + status_path(application))
    page.get_by_role("button", name="Ask to erase my data").click()
    expect(page.get_by_role("status")).to_contain_text("We sent you an e-mail to confirm")
    problems += _violations(page)
    page.get_by_role("button", name="Ask to erase my data").click()
    expect(page.get_by_role("alert")).to_contain_text("We already sent you an e-mail")
    problems += _violations(page)

    body = OutboxMessage.objects.get(kind=CONFIRMATION_KIND).body
    link = urlsplit(next(word for word in body.split() if "/application/erase/" in word)).path
    with time_machine.travel(timezone.now() + timedelta(hours=49)):
        page.goto(live_server.url + link)
        expect(page.get_by_role("heading", level=1)).to_have_text("This link expired")
        problems += _violations(page)

    page.goto(live_server.url + link)
    problems += _violations(page)
    page.get_by_role("button", name="Erase my data").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your data was erased")
    problems += _violations(page)

    page.goto(live_server.url + link)
    expect(page.get_by_role("heading", level=1)).to_have_text("No data to erase")
    problems += _violations(page)
    assert problems == []


def test_the_owners_erasure_page_has_no_violations_even_with_errors(page: Page, live_server):
    organization = organization_make("open-future")
    application = submit(campaign_lead_make(organization), email="ada@example.org")
    owner = member_create(email="olga@example.org", organization=organization, role="owner")
    client = staff_login(Client(), owner)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    url = reverse(
        "staff_privacy:erase", kwargs={"org": organization.slug, "application": application.pk}
    )
    problems = []

    page.goto(live_server.url + url)
    problems += _violations(page)
    page.get_by_label("Your password").fill("not-the-password")
    page.get_by_label("Six-digit code from your authenticator app").fill("000000")
    page.get_by_label("The candidate’s e-mail address").fill("someone@example.org")
    page.get_by_role("button", name="Erase the data").click()
    expect(page.get_by_text("This is not your password.")).to_be_visible()
    problems += _violations(page)
    assert problems == []
