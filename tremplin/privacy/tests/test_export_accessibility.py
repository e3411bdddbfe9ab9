"""axe-core finds no WCAG 2.1 AA violation on the export parts of the candidate's status
page and the owner's application page, with copies in each state, nor on the pages that
refuse an expired copy."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Page

from tremplin.accounts.models import Organization
from tremplin.privacy.exports import data_export_build, data_export_request
from tremplin.privacy.models import DataExport
from tremplin.privacy.tests.test_export_views import detail_path, export_path
from tremplin.testing.applying import status_path, submit
from tremplin.testing.axe import axe_violations
from tremplin.testing.builders import campaign_lead_make
from tremplin.testing.staff import member_create, staff_login


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_export_sections_and_pages_have_no_violations(page: Page, live_server, settings):
    settings.RATELIMIT_ENABLE = False
    organization = Organization.objects.create(name="Atelier", slug="atelier", email="j@a.example")
    application = submit(campaign_lead_make(organization), email="ada@example.org", name="Ada")
    owner = member_create(email="owner@atelier.example", organization=organization, role="owner")
    exports = []
    for _ in range(3):
        export = data_export_request(
            candidate=application.candidate,
            organization=organization,
            requested_by=owner,
            language="en",
        )
        data_export_build(export_id=export.pk)
        exports.append(export)
    expired, failed, _ready = exports
    DataExport.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(days=1))
    DataExport.objects.filter(pk=failed.pk).update(status=DataExport.Status.FAILED, file="")
    data_export_request(
        candidate=application.candidate, organization=organization, requested_by=None, language="en"
    )  # one more, being prepared

    problems: list[tuple[str, object]] = []
    client = staff_login(Client(), owner)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    for url in (detail_path(application), detail_path(application).replace("/en/", "/fr/", 1)):
        page.goto(live_server.url + url)
        assert page.locator("#export-heading").count() == 1
        problems += [(url, v) for v in axe_violations(page)]

    def check(url: str) -> None:
        for path in (url, url.replace("/en/", "/fr/", 1)):
            page.goto(live_server.url + path)
            problems.extend((path, v) for v in axe_violations(page))

    check(status_path(application))  # the latest copy is being prepared
    DataExport.objects.filter(status=DataExport.Status.PENDING).delete()
    check(status_path(application))  # the latest is ready
    page.goto(live_server.url + status_path(application))
    assert page.get_by_role("link", name="Download your data").count() == 1
    check(export_path(application, expired))
    assert problems == []
