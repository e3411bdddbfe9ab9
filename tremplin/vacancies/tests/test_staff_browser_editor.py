"""A recruiter imports seed 002 by pasting it, adjusts a criterion, is refused publication
without a pay range, sets one and publishes: the public page shows the vacancy."""

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, Route, expect

from tremplin.accounts.models import Membership
from tremplin.testing.builders import organization_make
from tremplin.testing.staff import member_create, staff_login
from tremplin.vacancies.models import Vacancy

TITLE = "Responsable des partenariats gouvernementaux"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_recruiter_imports_seed_002_adjusts_a_criterion_and_publishes_once_paid(
    page: Page, live_server, seed: Callable[[str], Path]
) -> None:
    organization = organization_make("communs", "Maison des communs")
    recruiter = member_create(
        email="rita@example.org", organization=organization, role=Membership.Role.RECRUITER
    )
    session = staff_login(Client(), recruiter).cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
    posting = seed("002").read_text(encoding="utf-8")

    # Import: read and check, then confirm.
    page.goto(f"{live_server.url}/en/staff/communs/")
    page.get_by_role("link", name="Import a posting").click()
    page.get_by_label("Paste the text of the posting").fill(posting)
    page.get_by_role("button", name="Read the posting").click()

    expect(page.get_by_text("18 criteria (8 must, 3 nice, 7 quality)")).to_be_visible()
    warnings = page.locator(".warnings-list")
    expect(warnings).to_contain_text("No pay range")
    expect(warnings).to_contain_text("No way to apply is stated")
    expect(page.get_by_text("It will create a new draft vacancy")).to_be_visible()
    assert not Vacancy.objects.exists()

    # The editor's script is held back, as on a slow network, so that the first text is
    # typed before the script has loaded.
    held: list[Route] = []
    editor_script = re.compile(r"/vacancies/editor[^/]*\.js$")
    page.route(editor_script, lambda route: held.append(route))
    page.get_by_role("button", name="Import this posting").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_text("as a new draft vacancy")).to_be_visible()

    # The live preview shows what was typed while the page loaded, then follows the text.
    english = page.get_by_role("group", name="Text in English")
    english.get_by_label("Text (Markdown)").fill("## Typed early")
    for _ in range(100):  # the held request reaches the handler while Playwright waits
        if held:
            break
        page.wait_for_timeout(50)
    held[0].continue_()
    page.unroute(editor_script)
    expect(english.locator(".preview-pane h4")).to_have_text("Typed early")
    english.get_by_label("Text (Markdown)").fill("## Live preview\n\n- **works**")
    expect(english.locator(".preview-pane h4")).to_have_text("Live preview")
    expect(english.locator(".preview-pane strong")).to_have_text("works")
    english.get_by_label("Text (Markdown)").fill("")

    # Criteria: the first nice-to-have becomes a must-have of weight 4.
    page.get_by_role("link", name=re.compile(r"^Criteria \(18\)")).click()
    nice = page.locator("section", has=page.get_by_role("heading", name=re.compile("Nice to have")))
    expect(nice.locator("li.item")).to_have_count(3)
    nice.get_by_role("link", name=re.compile("^Edit")).first.click()
    page.get_by_label("Kind").select_option(label="Must have")
    page.get_by_label("Weight").select_option("4")
    page.get_by_role("button", name="Save the criterion").click()

    must = page.locator("section", has=page.get_by_role("heading", name=re.compile("Must have")))
    expect(must.locator("li.item")).to_have_count(9)
    expect(nice.locator("li.item")).to_have_count(2)
    expect(must.get_by_text("Weight 4 of 5")).to_have_count(1)

    # Publishing is refused without a pay range.
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("alert").first).to_contain_text("was not published")
    expect(page.get_by_text(re.compile("cannot be published without a pay range"))).to_be_visible()
    assert Vacancy.objects.get().status == Vacancy.Status.DRAFT

    # Once a pay range is set, it is published.
    page.get_by_role("link", name="Details and texts").click()
    page.get_by_label("Pay from").fill("60000")
    page.get_by_label("Pay up to").fill("75000")
    page.get_by_label("Currency").fill("EUR")
    page.get_by_label("Pay period").select_option(label="per year")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text(f"Saved “{TITLE}”.")).to_be_visible()

    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text(f"“{TITLE}” is published on the careers site.")).to_be_visible()

    page.get_by_role("link", name="Public page").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    vacancy = Vacancy.objects.get()
    assert vacancy.status == Vacancy.Status.PUBLISHED
    assert (vacancy.pay_min, vacancy.pay_max, vacancy.pay_period) == (60000, 75000, "YEAR")
    assert vacancy.criteria.filter(kind="must", weight=4).count() == 1
