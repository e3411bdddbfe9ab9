"""Candidate numbers: given as applications arrive, in order of arrival, never changed; the
review pages only read them."""

import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tremplin.review.models import CandidateNumber
from tremplin.review.tests.conftest import review_url, review_vacancy_make

pytestmark = pytest.mark.django_db


def numbers(vacancy) -> dict[str, int]:
    return {
        n.application.candidate.email: n.number
        for n in CandidateNumber.objects.filter(vacancy=vacancy).select_related(
            "application__candidate"
        )
    }


def test_numbers_follow_arrival_and_stay_when_others_come_and_go(vacancy, apply) -> None:
    ann = apply("Ann Lee", "ann@example.org")
    apply("Bob Ray", "bob@example.org")
    assert numbers(vacancy) == {"ann@example.org": 1, "bob@example.org": 2}

    ann.delete()
    apply("Cleo Fox", "cleo@example.org")

    assert numbers(vacancy) == {"bob@example.org": 2, "cleo@example.org": 3}


def test_each_vacancy_counts_from_one(vacancy, organization, apply) -> None:
    other = review_vacancy_make(organization, slug="other")
    apply("Ann Lee", "ann@example.org")
    apply("Ann Lee", "ann@example.org", to=other)

    assert numbers(vacancy) == {"ann@example.org": 1}
    assert numbers(other) == {"ann@example.org": 1}


@pytest.mark.parametrize(
    ("name", "of_one_application"),
    [("vacancy", False), ("results", False), ("application", True), ("application_reviews", True)],
)
def test_reading_a_review_page_writes_nothing_but_the_read_and_shows_the_numbers(
    vacancy, apply, recruiter, login, name, of_one_application
) -> None:
    ann = apply("Ann", "ann@example.org")
    apply("Bob", "bob@example.org")
    kwargs = {"application": ann.pk} if of_one_application else {}
    client = login(recruiter)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(review_url(vacancy, name, **kwargs))

    assert response.status_code == 200
    # Nothing but the audit log's record of a reviewer reading a candidate's documents.
    writes = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
        and not query["sql"].startswith('INSERT INTO "core_auditevent"')
    ]
    assert writes == []
    assert "Candidate 1" in response.content.decode()


def test_applications_that_arrived_before_numbering_at_arrival_get_numbers_by_migration(
    vacancy, apply
) -> None:
    ann, bob, cleo = (apply(n, f"{n.lower()}@example.org") for n in ("Ann", "Bob", "Cleo"))
    # Before numbering at arrival, only the applications a review page had seen had one.
    CandidateNumber.objects.filter(application__in=[ann, cleo]).delete()
    CandidateNumber.objects.filter(application=bob).update(number=1)
    migration = importlib.import_module(
        "tremplin.review.migrations.0002_candidate_numbers_for_existing_applications"
    )

    migration.number_existing(apps, None)
    migration.number_existing(apps, None)

    assert numbers(vacancy) == {"bob@example.org": 1, "ann@example.org": 2, "cleo@example.org": 3}
