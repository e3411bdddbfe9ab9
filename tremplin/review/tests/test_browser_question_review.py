"""End to end in Chromium: two reviewers score the same three applications question by
question, then the recruiter reads the means and the disagreements in the results."""

import re

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect

from tremplin.accounts.models import User
from tremplin.review.models import AnswerScore
from tremplin.review.tests.conftest import review_url
from tremplin.testing.staff import staff_login

# Scores per reviewer, question and candidate ("Story <candidate>-<question>" is the answer).
SCORES = {
    "remi@example.org": {1: {1: 4, 2: 5, 3: 2}, 2: {1: 3, 2: 4, 3: 3}},
    "rose@example.org": {1: {1: 4, 2: 2, 3: 3}, 2: {1: 3, 2: 5, 3: 1}},
}


def log_in_as(page: Page, live_server, user: User) -> None:
    """Log in on a test client, then hand its session to the browser."""
    client = staff_login(Client(), user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def score_question(page: Page, email: str, question: int) -> int:
    """Score every answer the page gives for one question; return how many."""
    scored = 0
    while True:
        waiting = page.get_by_text("No answer to this question is waiting for you")
        answer = page.locator(".review-answer-text")
        expect(waiting.or_(answer)).to_be_visible()
        if waiting.is_visible():
            return scored
        story = re.search(r"Story (\d)-(\d)", answer.inner_text())
        assert story is not None and int(story.group(2)) == question
        score = SCORES[email][question][int(story.group(1))]
        page.get_by_role("group", name=re.compile("^Your score for answer")).get_by_label(
            str(score), exact=True
        ).check()
        page.get_by_role("button", name="Save score").click()
        expect(page.get_by_role("status")).to_contain_text("Score saved.")
        scored += 1


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_two_reviewers_score_question_by_question_and_the_recruiter_sees_disagreement(
    page: Page, live_server, vacancy, apply, reviewer, reviewer2, recruiter
) -> None:
    for name in ("Ann Lee", "Bob Ray", "Cleo Fox"):
        apply(name, f"{name.split()[0].lower()}@example.org")

    for user in (reviewer, reviewer2):
        log_in_as(page, live_server, user)
        page.goto(live_server.url + review_url(vacancy))
        page.get_by_role("link", name="Score the answers to question 1").click()
        expect(page.get_by_role("heading", name="Question 1 of 2")).to_be_visible()
        assert score_question(page, user.email, 1) == 3
        page.get_by_role("link", name="Go to question 2").click()
        expect(page.get_by_role("heading", name="Question 2 of 2")).to_be_visible()
        assert score_question(page, user.email, 2) == 3
        # Answers are blind: no candidate's name on the way.
        expect(page.get_by_text(re.compile("Ann|Bob|Cleo"))).to_have_count(0)

    assert AnswerScore.objects.count() == 12

    log_in_as(page, live_server, recruiter)
    page.goto(live_server.url + review_url(vacancy))
    page.get_by_role("link", name="Results").click()
    expect(page.get_by_text("never rejects, shortlists or ranks anyone out")).to_be_visible()
    table = page.get_by_role("table", name=re.compile("Scores per candidate"))
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(3)

    first, second, third = rows.nth(0), rows.nth(1), rows.nth(2)
    expect(first.locator("th")).to_have_text(re.compile(r"^\s*Candidate 1\s*$"))
    # Cells: stage, two criteria (not reviewed here), Q1, Q2, overall mean, ...
    q1, q2, overall = 3, 4, 5
    expect(first.locator("td").nth(1)).to_contain_text("no score")
    expect(first.locator("td").nth(q1)).to_have_text("4.00 2 scores, spread 0")
    expect(first.locator("td").nth(q2)).to_have_text("3.00 2 scores, spread 0")
    expect(first.locator("td").nth(overall)).to_have_text("3.50")
    expect(second.locator("th")).to_contain_text("Discuss")
    expect(second.locator("td").nth(q1)).to_have_text("3.50 2 scores, spread 3")
    expect(second.locator("td").nth(q2)).to_have_text("4.50 2 scores, spread 1")
    expect(second.locator("td").nth(overall)).to_have_text("4.00")
    expect(third.locator("th")).to_contain_text("Discuss")
    expect(third.locator("td").nth(q1)).to_have_text("2.50 2 scores, spread 1")
    expect(third.locator("td").nth(q2)).to_have_text("2.00 2 scores, spread 2")
    expect(third.locator("td").nth(overall)).to_have_text("2.25")

    # Sorting by the overall mean, highest first, is one click (twice: the other way).
    table.get_by_role("link", name="Overall mean").click()
    expect(page.get_by_role("columnheader", name="Overall mean")).to_have_attribute(
        "aria-sort", "descending"
    )
    expect(page.locator("tbody tr th").first).to_contain_text("Candidate 2")
