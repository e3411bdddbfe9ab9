"""A reviewer's list of applications to review for a vacancy: those assigned to them from
the pipeline are marked, and "Assigned to me" (on by default) narrows the list to them.
It opens nothing and closes nothing: every application of the vacancy stays theirs to
review, and a blind vacancy shows no candidate's name."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tremplin.applications.assignments import bulk_assign
from tremplin.applications.models import Application
from tremplin.review.tests.conftest import review_url

pytestmark = pytest.mark.django_db


def rows(html: str) -> list[str]:
    """The table's rows as a person reads them."""
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in html else ""
    return [" ".join(re.sub(r"<[^>]+>", " ", row).split()) for row in body.split("</tr>")[:-1]]


@pytest.fixture
def three(apply):
    return [
        apply("Jeanne Dupont", "jeanne@example.org"),
        apply("Karim Benali", "karim@example.org"),
        apply("Lise Martin", "lise@example.org"),
    ]


def test_assigned_applications_are_shown_first_by_the_filter_on_by_default(
    vacancy, three, reviewer, recruiter, login
):
    bulk_assign(
        vacancy=vacancy,
        pks=[three[0].pk, three[2].pk],
        seen={},
        reviewer_pks=[reviewer.pk],
        by=recruiter,
    )
    client = login(reviewer)

    html = client.get(review_url(vacancy)).content.decode()

    assert "Assigned to me" in html and 'href="?" aria-current="page"' in html
    assert rows(html) == [
        "Candidate 1 Assigned to you Review Not started",
        "Candidate 3 Assigned to you Review Not started",
    ]
    everything = client.get(review_url(vacancy) + "?assigned=0").content.decode()
    assert rows(everything) == [
        "Candidate 1 Assigned to you Review Not started",
        "Candidate 2 Review Not started",
        "Candidate 3 Assigned to you Review Not started",
    ]
    # Scoping stays per vacancy: the application not assigned opens all the same.
    opened = client.get(review_url(vacancy, "application", application=three[1].pk))
    assert opened.status_code == 200


def test_a_blind_vacancy_shows_no_name_to_the_assigned_reviewer(
    vacancy, three, reviewer, recruiter, login
):
    assert vacancy.blind_review
    bulk_assign(
        vacancy=vacancy,
        pks=[a.pk for a in three],
        seen={},
        reviewer_pks=[reviewer.pk],
        by=recruiter,
    )
    client = login(reviewer)
    for url in (review_url(vacancy), review_url(vacancy) + "?assigned=0"):
        html = client.get(url).content.decode()
        assert "Assigned to you" in html
        for name in ("Jeanne", "Dupont", "Karim", "Benali", "Lise", "Martin", "@example.org"):
            assert name not in html


def test_without_assignments_there_is_no_filter_and_every_application_is_listed(
    vacancy, three, reviewer, reviewer2, recruiter, login
):
    bulk_assign(
        vacancy=vacancy, pks=[three[0].pk], seen={}, reviewer_pks=[reviewer2.pk], by=recruiter
    )
    html = login(reviewer).get(review_url(vacancy)).content.decode()
    assert "Assigned to me" not in html and "Assigned to you" not in html
    assert len(rows(html)) == 3


def test_when_none_assigned_is_still_in_review_the_list_says_so_and_links_to_all(
    vacancy, three, reviewer, recruiter, login
):
    bulk_assign(
        vacancy=vacancy, pks=[three[0].pk], seen={}, reviewer_pks=[reviewer.pk], by=recruiter
    )
    Application.objects.filter(pk=three[0].pk).update(stage="rejected")
    html = login(reviewer).get(review_url(vacancy)).content.decode()
    assert "None of the applications assigned to you is in review now." in html
    assert 'href="?assigned=0"' in html


def test_the_filter_speaks_french(vacancy, three, reviewer, recruiter, login):
    bulk_assign(
        vacancy=vacancy, pks=[three[0].pk], seen={}, reviewer_pks=[reviewer.pk], by=recruiter
    )
    url = review_url(vacancy).replace("/en/", "/fr/", 1)
    html = login(reviewer).get(url).content.decode()
    assert "Pour moi" in html and "Pour vous" in html


def test_a_long_list_comes_in_pages_at_the_same_cost(vacancy, apply, reviewer, login):
    for number in range(1, 52):
        apply(f"Person {number}", f"person{number}@example.org")
    client = login(reviewer)

    with CaptureQueriesContext(connection) as first:
        html = client.get(review_url(vacancy)).content.decode()
    assert len(rows(html)) == 50
    assert "Page 1 of 2" in html
    with CaptureQueriesContext(connection) as second:
        rest = client.get(review_url(vacancy) + "?page=2").content.decode()
    assert rows(rest) == ["Candidate 51 Review Not started"]
    assert len(second) == len(first)
