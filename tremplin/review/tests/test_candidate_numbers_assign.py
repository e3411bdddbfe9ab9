"""Candidate numbers: given in order of arrival, never changed, never reused."""

import pytest

from tremplin.review.models import CandidateNumber
from tremplin.review.services import candidate_numbers_assign

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
    candidate_numbers_assign(vacancy=vacancy)
    assert numbers(vacancy) == {"ann@example.org": 1, "bob@example.org": 2}

    ann.delete()
    apply("Cleo Fox", "cleo@example.org")
    candidate_numbers_assign(vacancy=vacancy)
    candidate_numbers_assign(vacancy=vacancy)

    assert numbers(vacancy) == {"bob@example.org": 2, "cleo@example.org": 3}


def test_each_vacancy_counts_from_one(vacancy, organization, apply) -> None:
    from tremplin.review.tests.conftest import make_vacancy

    other = make_vacancy(organization, slug="other")
    apply("Ann Lee", "ann@example.org")
    apply("Ann Lee", "ann@example.org", to=other)
    candidate_numbers_assign(vacancy=vacancy)
    candidate_numbers_assign(vacancy=other)

    assert numbers(vacancy) == {"ann@example.org": 1}
    assert numbers(other) == {"ann@example.org": 1}
