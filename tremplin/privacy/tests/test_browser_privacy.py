"""End to end in Chromium: a candidate opens their status link, downloads a copy of their
data, then erases it; the recruiter's board no longer shows them."""

import json
import re
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Page, expect

from tremplin.applications.models import Application, Candidate
from tremplin.testing.applying import status_path, submit
from tremplin.testing.builders import campaign_lead_make, organization_make
from tremplin.testing.mailservers import SMTPServer
from tremplin.testing.staff import member_create, staff_login
from tremplin.testing.worker import run_worker

LINK = re.compile(r"https?://\S+")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_candidate_downloads_their_data_then_erases_it(
    page: Page, live_server, smtp_server: SMTPServer, tmp_path: Path, settings
) -> None:
    settings.RATELIMIT_ENABLE = False
    settings.SITE_URL = live_server.url
    organization = organization_make("open-future")
    vacancy = campaign_lead_make(organization)
    recruiter = member_create(email="rita@example.org", organization=organization, role="recruiter")
    submit(vacancy, email="bob@example.org", name="Bob Keeps")
    application = submit(vacancy, email="ada@example.org", name="Ada Lovelace")
    run_worker()  # the acknowledgements go out

    board = reverse(
        "staff_applications:board", kwargs={"org": organization.slug, "vacancy": vacancy.slug}
    )
    client = staff_login(Client(), recruiter)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.goto(live_server.url + board)
    expect(page.get_by_role("link", name="Ada Lovelace", exact=True)).to_be_visible()

    # The candidate asks for a copy; the worker builds it; she downloads it.
    page.goto(live_server.url + status_path(application))
    page.get_by_role("button", name="Ask for a copy of my data").click()
    expect(page.get_by_text("Your copy is being prepared.")).to_be_visible()
    run_worker()
    ready = [mail for mail in smtp_server.received if mail.rcpt_tos == ["ada@example.org"]][-1]
    assert urlsplit(LINK.findall(ready.message.get_content())[0]).path == status_path(application)
    page.reload()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download your data").click()
    archive = tmp_path / "copy.zip"
    download.value.save_as(archive)
    with zipfile.ZipFile(archive) as copy:
        data = json.loads(copy.read("data.json"))
        readme = copy.read("README.txt").decode()
        files = [name for name in copy.namelist() if name.startswith("files/")]
    candidates = data["data"]["applications.candidate"]
    assert [row["email"] for row in candidates] == ["ada@example.org"]
    assert "data.json" in readme
    assert len(files) == 2  # her CV and her typed letter

    # She asks to erase it, confirms from the e-mail, and it is gone.
    page.goto(live_server.url + status_path(application))
    page.get_by_role("button", name="Ask to erase my data").click()
    run_worker()
    confirmation = smtp_server.received[-1]
    assert confirmation.rcpt_tos == ["ada@example.org"]
    page.goto(LINK.findall(confirmation.message.get_content())[0])
    page.get_by_role("button", name="Erase my data").click()
    expect(page.get_by_role("heading", name=re.compile("erased"))).to_be_visible()
    assert not Candidate.objects.filter(email="ada@example.org").exists()

    page.goto(live_server.url + status_path(application))
    expect(page.get_by_text("Ada Lovelace")).to_have_count(0)
    page.goto(live_server.url + board)
    expect(page.get_by_role("link", name="Bob Keeps", exact=True)).to_be_visible()
    expect(page.get_by_text("Ada Lovelace")).to_have_count(0)
    assert Application.objects.count() == 1
