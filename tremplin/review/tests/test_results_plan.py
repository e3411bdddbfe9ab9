"""The results table's statement reads every table through an index on PostgreSQL
(EXPLAIN), so that a page costs the same for a vacancy among 100 applications as among
100,000: the vacancy's applications and candidate numbers, their submitted reviews
(review_submitted_application, read without the table when sorted by a figure), the
scores of those reviews and of their answers. Sequential scans are switched off for the
query, as the planner rightly prefers them on a test's few rows; a table with no usable
index would still show one, or an index read from end to end, with no condition."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.timezone import now

from tremplin.applications.models import Answer, Application, Candidate
from tremplin.review.models import AnswerScore, CandidateNumber, CriterionScore, Review
from tremplin.review.services import answer_score_save, review_save
from tremplin.review.tests.conftest import review_url, review_vacancy_make

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@pytest.fixture
def reviewed(vacancy, organization, apply, reviewer, reviewer2) -> None:
    """Four candidates, three with two reviews each and their answers scored; among 1,200
    applications to six other vacancies, a third of them reviewed and scored, and the
    planner's statistics on them: on a handful of rows any index would do."""
    others = [review_vacancy_make(organization, slug=f"other-{n}") for n in range(6)]
    candidates = Candidate.objects.bulk_create(
        Candidate(email=f"other{n}@example.org", name=f"Other {n}", language="en")
        for n in range(1200)
    )
    crowd = Application.objects.bulk_create(
        Application(candidate=candidate, vacancy=others[n % 6], language="en", stage="review")
        for n, candidate in enumerate(candidates)
    )
    CandidateNumber.objects.bulk_create(
        CandidateNumber(application=application, vacancy=others[n % 6], number=1 + n // 6)
        for n, application in enumerate(crowd)
    )
    reviews = Review.objects.bulk_create(
        Review(application=application, reviewer=reviewer, recommendation="no", submitted_at=now())
        for application in crowd[::3]
    )
    CriterionScore.objects.bulk_create(
        CriterionScore(review=review, criterion=criterion, score=3)
        for review in reviews
        for criterion in review.application.vacancy.criteria.all()
    )
    answers = Answer.objects.bulk_create(
        Answer(application=application, question=question, text="Story")
        for application in crowd[::3]
        for question in application.vacancy.questions.all()
    )
    AnswerScore.objects.bulk_create(
        AnswerScore(answer=answer, reviewer=reviewer, score=4) for answer in answers
    )
    c1, c2 = vacancy.criteria.order_by("position")
    for number in range(4):
        application = apply(f"Candidate {number}", f"c{number}@example.org")
        if number == 3:
            continue
        for user in (reviewer, reviewer2):
            review_save(
                application=application,
                reviewer=user,
                scores={c1.pk: (1 + number, ""), c2.pk: (5 - number, "")},
                recommendation="yes",
                comment="",
                submit=True,
            )
            for answer in application.answers.all():
                answer_score_save(answer=answer, reviewer=user, score=3, note="")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


@pytest.fixture
def no_seqscan() -> Iterator[None]:
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
    yield
    with connection.cursor() as cursor:
        cursor.execute("RESET enable_seqscan")


def table_plan(client, vacancy, query: str) -> dict[str, Any]:
    """The plan of the statement that reads the page's rows."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(review_url(vacancy, "results") + query)
    assert response.status_code == 200
    (statement,) = [q["sql"] for q in captured.captured_queries if q["sql"].startswith("WITH")]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + statement)
        return cursor.fetchone()[0][0]["Plan"]


def reads(node: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(table, how, index condition) for every table the plan reads; a bitmap heap scan
    takes its condition from the index scans under it."""
    if "Relation Name" in node:
        condition = node.get("Index Cond", "")
        for child in node.get("Plans", []) if node["Node Type"] == "Bitmap Heap Scan" else []:
            condition = condition or child.get("Index Cond", "")
        yield node["Relation Name"], f"{node['Node Type']} {node.get('Index Name', '')}", condition
    for child in node.get("Plans", []):
        yield from reads(child)


@pytest.mark.parametrize("query", ["", "?sort=-overall", "?sort=stage", "?sort=-recommendation"])
def test_the_results_statement_reads_every_table_through_an_index_condition(
    vacancy, reviewed, recruiter, reviewer, login, no_seqscan, query: str
) -> None:
    for user in (recruiter, reviewer):
        tables = list(reads(table_plan(login(user), vacancy, query)))

        assert {table for table, _how, _condition in tables} >= {
            "applications_application",
            "review_candidatenumber",
            "review_review",
            "review_criterionscore",
            "applications_answer",
            "review_answerscore",
        }
        assert [(table, how) for table, how, condition in tables if not condition] == []


def test_sorted_by_a_figure_the_reviews_come_from_their_index_alone(
    vacancy, reviewed, recruiter, login, no_seqscan
) -> None:
    tables = reads(table_plan(login(recruiter), vacancy, "?sort=-overall"))

    reviews = {how for table, how, _condition in tables if table == "review_review"}
    assert reviews == {"Index Only Scan review_submitted_application"}
