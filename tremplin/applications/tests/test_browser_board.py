"""The pipeline board in Chromium: a card dragged to another stage, or moved there with the
keyboard alone, goes through the ordinary move; without JavaScript the move forms stay."""

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Page, expect

from tremplin.applications.models import Application, StageChange
from tremplin.testing.applying import submit
from tremplin.testing.staff import staff_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def board_path(vacancy) -> str:
    return reverse(
        "staff_applications:board",
        kwargs={"org": vacancy.organization.slug, "vacancy": vacancy.slug},
    )


@pytest.fixture
def board(page: Page, live_server, vacancy, team, settings):
    settings.RATELIMIT_ENABLE = False
    client = staff_login(Client(), team.recruiter)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return live_server.url + board_path(vacancy)


def test_a_card_dragged_to_another_stage_moves_there(page: Page, board, vacancy) -> None:
    ada = submit(vacancy, email="ada@example.org", name="Ada Lovelace")
    page.goto(board)
    page.locator(".board-card", has_text="Ada Lovelace").drag_to(page.locator("#stage-screening"))
    expect(page.get_by_role("status")).to_contain_text("Ada Lovelace moved to “Screening”")
    ada.refresh_from_db()
    assert ada.stage == "screening"
    expect(page.locator("#stage-screening")).to_contain_text("Ada Lovelace")


def test_the_keyboard_moves_a_card_without_a_mouse(page: Page, board, vacancy) -> None:
    grace = submit(vacancy, email="grace@example.org", name="Grace Hopper")
    page.goto(board)
    grab = page.get_by_role("button", name="Pick up Grace Hopper")
    grab.focus()
    page.keyboard.press("Space")
    expect(grab).to_have_attribute("aria-pressed", "true")
    page.keyboard.press("ArrowRight")
    expect(page.locator("#board-live")).to_have_text("Screening (0)")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("Space")
    expect(page.get_by_role("status")).to_contain_text("Grace Hopper moved to “Screening”")
    grace.refresh_from_db()
    assert grace.stage == "screening"
    assert StageChange.objects.filter(application=grace, to_stage="screening").count() == 1


def test_escape_leaves_the_card_where_it_was(page: Page, board, vacancy) -> None:
    submit(vacancy, email="ada@example.org", name="Ada Lovelace")
    page.goto(board)
    page.get_by_role("button", name="Pick up Ada Lovelace").focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Escape")
    expect(page.locator("#board-live")).to_have_text("Left where it was.")
    assert Application.objects.get().stage == "received"


def test_without_javascript_the_move_forms_stay(browser, live_server, vacancy, team) -> None:
    submit(vacancy, email="ada@example.org", name="Ada Lovelace")
    context = browser.new_context(java_script_enabled=False)
    client = staff_login(Client(), team.recruiter)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    page.goto(live_server.url + board_path(vacancy))
    expect(page.get_by_role("button", name="Pick up Ada Lovelace")).to_be_hidden()
    expect(page.get_by_role("link", name="Move Ada Lovelace")).to_be_visible()
    expect(page.get_by_role("button", name="Check the move")).to_be_visible()
    context.close()
