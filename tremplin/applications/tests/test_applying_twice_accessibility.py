"""axe-core finds no WCAG 2.1 AA violation on the pages of applying twice and of correcting
a candidate: the confirm page (possible, too late, bad link), the received page, and the
staff pages with two linked submissions and the correction form with an error."""

import re
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Page

from tremplin.accounts.models import Organization
from tremplin.applications.models import Application
from tremplin.messaging.models import OutboxMessage
from tremplin.testing.applying import apply_url, submit
from tremplin.testing.axe import axe_violations
from tremplin.testing.builders import campaign_lead_make
from tremplin.testing.staff import member_create, staff_login


def replace_path(application: Application) -> str:
    body = OutboxMessage.objects.get(application=application).body
    found = re.search(r"https?://\S+/application/replace/\S+/", body)
    assert found, body
    return urlsplit(found.group(0)).path


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_pages_of_applying_twice_have_no_violations(page: Page, live_server, settings):
    settings.RATELIMIT_ENABLE = False
    organization = Organization.objects.create(name="Atelier", slug="atelier", email="j@a.example")
    vacancy = campaign_lead_make(organization)
    first = submit(vacancy, email="ada@example.org", name="Ada")
    newer = submit(vacancy, email="ada@example.org", name="Ada")
    stale = submit(campaign_lead_make(organization, slug="other"), email="grace@example.org")
    late = submit(stale.vacancy, email="grace@example.org")
    stale.stage = Application.Stage.HIRED
    stale.decided_at = stale.created_at
    stale.save()
    recruiter = member_create(
        email="rita@atelier.example", organization=organization, role="recruiter"
    )
    client = staff_login(Client(), recruiter)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    problems: list[tuple[str, object]] = []

    def check(path: str) -> None:
        for url in (path, path.replace("/en/", "/fr/", 1)):
            page.goto(live_server.url + url)
            problems.extend((url, v) for v in axe_violations(page))

    check(replace_path(newer))
    check(replace_path(late))  # too late: no button
    check("/en/application/replace/not:valid/")
    check(apply_url(vacancy) + "received/")
    for application in (first, newer):
        check(
            reverse(
                "staff_applications:detail",
                kwargs={"org": organization.slug, "application": application.pk},
            )
        )
    check(
        reverse(
            "staff_applications:board", kwargs={"org": organization.slug, "vacancy": vacancy.slug}
        )
    )
    edit = reverse(
        "staff_applications:candidate_edit",
        kwargs={"org": organization.slug, "application": first.pk},
    )
    check(edit)
    page.goto(live_server.url + edit)
    page.get_by_label("E-mail address").fill("grace@example.org")  # another candidate's
    page.get_by_role("button", name="Correct the details").click()
    page.get_by_text("Another candidate already has this e-mail address").wait_for()
    problems.extend((edit + " (error)", v) for v in axe_violations(page))

    assert problems == []
