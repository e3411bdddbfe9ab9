"""In a real browser: the candidate opens the link of their mail, picks a time, and the
invitation is queued for them and for the panel."""

import re
from urllib.parse import urlsplit

import pytest
from django.test import Client
from playwright.sync_api import Page, expect

from tremplin.interviews.models import Interview
from tremplin.interviews.tests.conftest import aware, local, new_url, schedule_data, sent
from tremplin.testing.staff import staff_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_candidate_picks_a_time_from_the_link_in_their_mail(
    page: Page, live_server, application, team, settings
):
    settings.SITE_URL = live_server.url
    recruiter = staff_login(Client(), team.recruiter)
    data = schedule_data(team, slot=[local(3), local(4, 14), local(5, 9)])
    recruiter.post(new_url(application), data)
    link = re.search(
        r"https?://\S+/application/\S+/", sent("offer")["ada@example.net"].message.body
    )
    assert link is not None

    page.goto(live_server.url + urlsplit(link.group(0)).path)
    page.get_by_label(re.compile("14:00")).check()
    page.get_by_role("button", name="Confirm this time").click()

    expect(page.get_by_role("status")).to_contain_text("the interview is set")
    interview = Interview.objects.get()
    assert interview.status == Interview.Status.SCHEDULED
    assert interview.start == aware(data["slot"][1])
    assert set(sent("invitation")) == {"ada@example.net", team.recruiter.email, team.reviewer.email}
    expect(page.locator('input[name="slot"]')).to_have_count(0)
