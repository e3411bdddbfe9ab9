"""Bulk actions in Chromium: two cards ticked on the board, not retained with a message to
each (or given to a reviewer, with an e-mail in their language), previewed, confirmed, then
undone before any message goes; the previews and the recent actions pass axe, and the
previews fit a phone's width."""

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Page, expect

from tremplin.applications.models import Application, ReviewerAssignment
from tremplin.messaging.models import OutboxMessage
from tremplin.testing.applying import submit
from tremplin.testing.axe import axe_violations
from tremplin.testing.staff import staff_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _board_open(page: Page, live_server, user, vacancy) -> None:
    """The vacancy's board in Chromium, signed in as ``user``."""
    client = staff_login(Client(), user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    board = reverse(
        "staff_applications:board",
        kwargs={"org": vacancy.organization.slug, "vacancy": vacancy.slug},
    )
    page.goto(live_server.url + board)


def test_two_cards_rejected_with_a_preview_then_undone(
    page: Page, live_server, vacancy, team, settings
) -> None:
    settings.RATELIMIT_ENABLE = False
    settings.TREMPLIN_BULK_UNDO_SECONDS = 600
    ada = submit(vacancy, email="ada@example.org", name="Ada Lovelace")
    grace = submit(vacancy, email="grace@example.org", name="Grace Hopper", language="fr")
    alan = submit(vacancy, email="alan@example.org", name="Alan Turing")
    _board_open(page, live_server, team.recruiter, vacancy)

    page.get_by_label("Select Ada Lovelace").check()
    page.get_by_label("Select Grace Hopper").check()
    expect(page.locator("[data-bulk-count]")).to_have_text("2 applications selected.")
    page.get_by_label("Reason for not retaining").select_option("position_filled")
    page.get_by_role("button", name="Not retained, with a message to each…").click()

    expect(page.get_by_role("heading", name="Confirm the rejection")).to_be_visible()
    expect(page.get_by_role("heading", name="In English: 1 message")).to_be_visible()
    expect(page.get_by_role("heading", name="In French: 1 message")).to_be_visible()
    expect(page.locator("article[lang=fr]")).to_contain_text("Bonjour Grace Hopper")
    assert not OutboxMessage.objects.filter(kind="rejection").exists()
    assert axe_violations(page) == []  # the preview, which no walk of GET pages reaches
    page.set_viewport_size({"width": 390, "height": 900})
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")

    page.get_by_role("button", name="Reject 2 applications and send the messages").click()
    expect(page.locator(".flash-messages")).to_contain_text(
        "2 messages will be sent in 600 seconds unless you undo."
    )
    assert OutboxMessage.objects.filter(kind="rejection", status="queued").count() == 2
    assert [a.stage for a in Application.objects.order_by("pk")] == [
        "rejected",
        "rejected",
        "received",
    ]

    assert axe_violations(page) == []  # the recent actions, with their "Undo"
    page.get_by_role("button", name="Undo").click()
    expect(page.locator("body")).to_contain_text(
        "Undone: 2 applications are back where they were. No message was sent."
    )
    assert not OutboxMessage.objects.filter(kind="rejection").exists()
    for application in (ada, grace, alan):
        application.refresh_from_db()
        assert application.stage == "received"


def test_two_cards_given_to_a_reviewer_with_a_preview_then_undone(
    page: Page, live_server, vacancy, team, settings
) -> None:
    settings.RATELIMIT_ENABLE = False
    settings.TREMPLIN_BULK_UNDO_SECONDS = 600
    submit(vacancy, email="ada@example.org", name="Ada Lovelace")
    submit(vacancy, email="grace@example.org", name="Grace Hopper", language="fr")
    team.owner.first_name, team.owner.language = "Olive", "fr"
    team.owner.save()
    _board_open(page, live_server, team.recruiter, vacancy)

    page.get_by_label("Select Ada Lovelace").check()
    page.get_by_label("Select Grace Hopper").check()
    page.get_by_role("group", name="Reviewers to assign").get_by_label("Olive").check()
    page.get_by_role("button", name="Assign the reviewers…").click()

    expect(page.get_by_role("heading", name="Confirm the reviewers")).to_be_visible()
    expect(page.get_by_role("heading", name="To Olive: 2 applications")).to_be_visible()
    expect(page.locator("article[lang=fr]")).to_contain_text(
        "2 candidatures à évaluer pour Responsable de campagne"
    )
    expect(page.locator("body")).to_contain_text("added to its reviewers: Olive")
    assert not ReviewerAssignment.objects.exists()
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 390, "height": 900})
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")

    page.get_by_role("button", name="Assign and send 1 e-mail").click()
    expect(page.locator(".flash-messages")).to_contain_text(
        "1 e-mail will be sent in 600 seconds unless you undo."
    )
    assert ReviewerAssignment.objects.count() == 2
    assert axe_violations(page) == []
    page.get_by_role("button", name="Undo").click()
    expect(page.locator("body")).to_contain_text(
        "Undone: 2 applications no longer have the reviewers they were given. No e-mail was sent."
    )
    assert not ReviewerAssignment.objects.exists()
    assert not OutboxMessage.objects.filter(kind="review_assignment").exists()
