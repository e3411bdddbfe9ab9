"""The review home: the vacancies a member reviews, and what is left on each."""

import pytest
from django.urls import reverse
from django.utils import translation

from tremplin.review.tests.conftest import review_url, review_vacancy_make
from tremplin.review.tests.tables import tables

pytestmark = pytest.mark.django_db


def index_url() -> str:
    return reverse("staff_review:index", kwargs={"org": "communs"})


def test_a_reviewer_sees_only_the_vacancies_they_are_assigned_to(
    vacancy, organization, apply, reviewer, login
) -> None:
    review_vacancy_make(organization, slug="secret-role")
    apply("Ann Lee", "ann@example.org")

    html = login(reviewer).get(index_url()).content.decode()

    rows = tables(html)[0]["body"]
    assert rows == [["Policy officer", "Published", "1", "2"]]
    assert review_url(vacancy) in html and "secret-role" not in html


def test_a_reviewer_assigned_nowhere_is_told_so(idle_reviewer, organization, login) -> None:
    html = login(idle_reviewer).get(index_url()).content.decode()

    assert "You are not assigned to review any vacancy yet." in html


def test_an_outsider_gets_404(outsider, organization, login) -> None:
    assert login(outsider).get(index_url()).status_code == 404


def test_the_vacancy_overview_is_404_for_an_unassigned_reviewer(
    vacancy, idle_reviewer, outsider, login
) -> None:
    for user in (idle_reviewer, outsider):
        assert login(user).get(review_url(vacancy)).status_code == 404


def test_the_overview_in_french(vacancy, apply, reviewer, login) -> None:
    apply("Ann Lee", "ann@example.org")
    with translation.override("fr"):
        url = reverse("staff_review:vacancy", kwargs={"org": "communs", "vacancy": vacancy.slug})

    response = login(reviewer).get(url)

    assert response.status_code == 200
    assert "Chargé·e de plaidoyer" in response.content.decode()
