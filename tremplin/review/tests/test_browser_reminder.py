"""A reviewer's reminder in Chromium: the mail the organization's delay sends leads the
reviewer, in their language, to the review page where the application waits for them."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Page, expect

from tremplin.messaging.models import OutboxMessage
from tremplin.review.services import reviewers_remind_due
from tremplin.testing.staff import staff_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_reminder_s_link_opens_the_review_where_the_application_waits(
    page: Page, live_server, settings, vacancy, apply, reviewer
) -> None:
    settings.SITE_URL = live_server.url
    settings.RATELIMIT_ENABLE = False
    reviewer.language = "fr"
    reviewer.save(update_fields=["language"])
    apply("Bob Martin", "bob@example.org")
    with time_machine.travel(timezone.now() + timedelta(days=3, minutes=1)):
        assert reviewers_remind_due() == 2  # both of the vacancy's reviewers

    mail = OutboxMessage.objects.get(kind="review_reminder", to=reviewer.email)
    assert mail.language == "fr"
    assert "attendent votre évaluation" in " ".join(mail.body.split())
    link = re.search(r"https?://\S+", mail.body)
    assert link is not None and link.group(0).startswith(live_server.url)

    client = staff_login(Client(), reviewer)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.goto(link.group(0))
    expect(page.locator("h1")).to_contain_text(vacancy.texts.get(language="fr").title)
    # Blind review: the application waits under its number, never the candidate's name.
    expect(page.locator("main")).not_to_contain_text("Bob Martin")
    expect(page.get_by_role("link", name=re.compile("Candidat"))).not_to_have_count(0)
