"""No workspace page scrolls sideways, at a phone's width (390 px) or a laptop's (1280 px):
a table too wide scrolls inside its own frame, which a keyboard can reach and a screen
reader names; and no legend that wraps runs over its fieldset's border."""

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Page

from tests.conftest import World, browser_login, staff_page_urls
from tremplin.testing.staff import staff_login
from tremplin.vacancies.models import Criterion, CriterionText

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# For each page: whether the document is wider than the window, and each table that is
# wider than its box without sitting in a named, focusable frame that scrolls.
LAYOUT_PROBLEMS = """() => {
  const root = document.documentElement;
  const problems = [];
  if (root.scrollWidth > root.clientWidth) problems.push(`page ${root.scrollWidth}px wide`);
  for (const table of document.querySelectorAll("table")) {
    const frame = table.closest(".table-frame");
    if (!frame) { problems.push("a table outside a .table-frame"); continue; }
    const style = getComputedStyle(frame);
    if (frame.getAttribute("tabindex") !== "0") problems.push("a table frame without tabindex=0");
    if (!frame.getAttribute("aria-label") && !frame.getAttribute("aria-labelledby"))
      problems.push("a table frame without a name");
    if (style.overflowX !== "auto") problems.push("a table frame that does not scroll");
  }
  for (const element of document.querySelectorAll("main *")) {
    const box = element.getBoundingClientRect();
    if (box.width && box.right > root.clientWidth + 1 && !element.closest(".table-frame"))
      problems.push(`${element.tagName.toLowerCase()}.${element.className} overflows`);
  }
  for (const legend of document.querySelectorAll("fieldset > legend")) {
    const range = document.createRange();
    range.selectNodeContents(legend);
    const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    const fieldset = legend.parentElement.getBoundingClientRect();
    const border = parseFloat(getComputedStyle(legend.parentElement).borderTopWidth);
    if (lines > 1 && legend.getBoundingClientRect().top < fieldset.top + border)
      problems.push(`a legend across its border: ${legend.textContent.trim().slice(0, 30)}`);
  }
  return [...new Set(problems)];
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_no_workspace_page_scrolls_sideways(
    page: Page, live_server, world: World, width: int
) -> None:
    # A criterion as long as real ones, whose legend wraps on a phone.
    CriterionText.objects.filter(criterion__vacancy=world.vacancy).update(
        text="Runs participatory workshops with volunteers from many backgrounds"
    )
    client = staff_login(Client(), world.users["owner"])
    browser_login(page, client, live_server.url)
    page.set_viewport_size({"width": width, "height": 900})
    urls = staff_page_urls(client, world)
    problems = {}
    for url in urls:
        page.goto(live_server.url + url)
        found = page.evaluate(LAYOUT_PROBLEMS)
        if found:
            problems[url] = found
    assert len(urls) > 20
    assert problems == {}


def test_the_results_table_shows_every_column_at_1280_px(
    page: Page, live_server, world: World
) -> None:
    for number in range(2, 9):
        criterion = Criterion.objects.create(vacancy=world.vacancy, kind=Criterion.Kind.NICE)
        CriterionText.objects.create(
            criterion=criterion, language="en", text=f"Criterion number {number}"
        )
    client = staff_login(Client(), world.users["owner"])
    browser_login(page, client, live_server.url)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(
        live_server.url
        + reverse("staff_review:results", kwargs={"org": "communs", "vacancy": "facilitator"})
    )
    frame = page.locator(".table-frame")
    assert frame.evaluate("frame => frame.scrollWidth <= frame.clientWidth")
    # Candidate, stage, 8 criteria, 1 question, overall, reviews, spread, recommendations.
    assert page.get_by_role("columnheader").count() == 15
