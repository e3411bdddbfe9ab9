"""Question-by-question review: one answer at a time, blind, in each reviewer's own order,
each answer scored by N reviewers shared among those assigned."""

import re
from collections import Counter

import pytest

from tremplin.accounts.models import User
from tremplin.applications.models import Application
from tremplin.core.models import AuditEvent
from tremplin.review.models import AnswerScore
from tremplin.review.selectors import answer_queue
from tremplin.review.tests.conftest import review_url
from tremplin.testing.staff import member_create

pytestmark = pytest.mark.django_db

NAMES = ["Ann Lee", "Bob Ray", "Cleo Fox", "Dan Roy", "Eva Kim", "Finn Orr"]


def current_answer(html: str) -> tuple[str, str]:
    """(the answer's text, the hidden key of the form) of the answer on the page."""
    text = re.search(r'<div class="review-answer-text">(.*?)</div>', html, re.S)
    key = re.search(r'name="answer" value="([^"]+)"', html)
    assert text is not None and key is not None, "no answer on the page"
    return re.sub(r"<[^>]+>", "", text.group(1)).strip(), key.group(1)


def score_all(client, url: str, score: int = 3, stop_after: int | None = None) -> list[str]:
    """Score every answer the page gives (or the first ``stop_after``), in its order;
    return the answers' texts."""
    seen: list[str] = []
    for _ in range(50):
        if stop_after is not None and len(seen) == stop_after:
            return seen
        html = client.get(url).content.decode()
        if 'name="answer"' not in html:
            return seen
        text, key = current_answer(html)
        seen.append(text)
        response = client.post(url, {"answer": key, "score": str(score), "note": ""})
        assert response.status_code == 302
    raise AssertionError("the queue never ended")


@pytest.fixture
def applications(apply) -> list[Application]:
    return [apply(name, f"{name.split()[0].lower()}@example.org") for name in NAMES[:4]]


def test_answers_are_shown_blind_one_at_a_time(vacancy, apply, reviewer, login) -> None:
    question = vacancy.questions.get(position=1)
    apply(
        "Jeanne Dupont",
        "jeanne@example.org",
        answers={
            question.pk: "I am Jeanne Dupont, reach me at jeanne@example.org.",
            vacancy.questions.get(position=2).pk: "Second.",
        },
    )

    html = login(reviewer).get(review_url(vacancy, "question", question=question.pk))

    page = html.content.decode()
    assert "Question 1 of 2" in page and "Tell us about challenge 1." in page
    assert current_answer(page)[0] == "I am [name], reach me at [e-mail]."
    assert "Jeanne" not in page and "Dupont" not in page and "Candidate 1" not in page


def test_each_reviewer_has_an_order_of_their_own_that_stays_the_same(
    vacancy, apply, reviewer, reviewer2, login
) -> None:
    for name in NAMES:
        apply(name, f"{name.split()[0].lower()}@example.org")
    question = vacancy.questions.get(position=1)

    first = answer_queue(question=question, reviewer=reviewer)
    again = answer_queue(question=question, reviewer=reviewer)
    other = answer_queue(question=question, reviewer=reviewer2)

    assert [a.pk for a in first.todo] == [a.pk for a in again.todo]
    assert sorted(a.pk for a in first.todo) == sorted(a.pk for a in other.todo)
    assert [a.pk for a in first.todo] != [a.pk for a in other.todo]
    # Not simply the order the applications came in.
    arrival = sorted(a.pk for a in first.todo)
    assert [a.pk for a in first.todo] != arrival or [a.pk for a in other.todo] != arrival

    # The page shows the same first answer on every visit.
    client = login(reviewer)
    url = review_url(vacancy, "question", question=question.pk)
    assert current_answer(client.get(url).content.decode()) == current_answer(
        client.get(url).content.decode()
    )


def test_with_two_reviewers_and_three_reviews_needed_every_answer_gets_two(
    vacancy, applications, reviewer, reviewer2, login
) -> None:
    assert vacancy.reviews_per_answer == 3
    for user in (reviewer, reviewer2):
        client = login(user)
        for question in vacancy.questions.all():
            assert (
                len(score_all(client, review_url(vacancy, "question", question=question.pk))) == 4
            )

    counts = Counter(AnswerScore.objects.values_list("answer_id", flat=True))
    assert len(counts) == 8 and set(counts.values()) == {2}
    assert AuditEvent.objects.filter(verb="review.answer_score").count() == 16


def test_an_answer_that_has_its_n_reviews_is_not_asked_of_anyone_else(
    vacancy, organization, applications, reviewer, reviewer2, login
) -> None:
    vacancy.reviews_per_answer = 2
    vacancy.save()
    third = member_create(email="tom@example.org", organization=organization, role="reviewer")
    fourth = member_create(email="zoe@example.org", organization=organization, role="reviewer")
    vacancy.reviewers.add(third, fourth)
    url = review_url(vacancy, "question", question=vacancy.questions.get(position=1).pk)

    # Two reviewers score half of the answers each, then two others are given what is left.
    assert len(score_all(login(reviewer), url, stop_after=2)) == 2
    assert len(score_all(login(third), url)) == 4
    assert len(score_all(login(fourth), url)) == 2  # the two nobody else scored twice
    assert len(score_all(login(reviewer2), url)) == 0

    counts = Counter(
        AnswerScore.objects.filter(answer__question__position=1).values_list("answer_id", flat=True)
    )
    assert sorted(counts.values()) == [2, 2, 2, 2]


def test_the_least_reviewed_answers_come_first(
    vacancy, applications, reviewer, reviewer2, login
) -> None:
    question = vacancy.questions.get(position=1)
    url = review_url(vacancy, "question", question=question.pk)
    scored_by_first = score_all(login(reviewer), url, stop_after=2)

    queue = answer_queue(question=question, reviewer=reviewer2)

    texts = [answer.text for answer in queue.todo]
    assert set(texts[:2]).isdisjoint(scored_by_first)
    assert set(texts[2:]) == set(scored_by_first)


def test_a_reviewer_can_change_a_score_already_given(
    vacancy, applications, reviewer, login
) -> None:
    client = login(reviewer)
    url = review_url(vacancy, "question", question=vacancy.questions.get(position=1).pk)
    text, key = current_answer(client.get(url).content.decode())
    client.post(url, {"answer": key, "score": "2", "note": ""})

    page = client.get(f"{url}?answer={key}").content.decode()
    assert current_answer(page) == (text, key)
    assert "you scored it already" in page
    client.post(url, {"answer": key, "score": "5", "note": "On second reading"})

    score = AnswerScore.objects.get()
    assert (score.score, score.note) == (5, "On second reading")


@pytest.mark.parametrize("score", ["", "0", "6", "three"])
def test_a_missing_or_wrong_score_is_refused_and_nothing_is_saved(
    vacancy, applications, reviewer, login, score: str
) -> None:
    client = login(reviewer)
    url = review_url(vacancy, "question", question=vacancy.questions.get(position=1).pk)
    _text, key = current_answer(client.get(url).content.decode())

    response = client.post(url, {"answer": key, "score": score, "note": ""})

    assert response.status_code == 400
    assert not AnswerScore.objects.exists()
    assert current_answer(response.content.decode())[1] == key


def test_a_forged_answer_key_saves_nothing(vacancy, applications, reviewer, login) -> None:
    url = review_url(vacancy, "question", question=vacancy.questions.get(position=1).pk)

    response = login(reviewer).post(url, {"answer": "0" * 24, "score": "4", "note": ""})

    assert response.status_code == 302
    assert not AnswerScore.objects.exists()


def test_withdrawn_applications_answers_are_not_reviewed(vacancy, apply, reviewer, login) -> None:
    apply("Ann Lee", "ann@example.org", stage=Application.Stage.WITHDRAWN)
    url = review_url(vacancy, "question", question=vacancy.questions.get(position=1).pk)

    assert score_all(login(reviewer), url) == []


def test_a_reviewer_not_assigned_and_an_outsider_get_404(
    vacancy, applications, idle_reviewer, outsider, login
) -> None:
    url = review_url(vacancy, "question", question=vacancy.questions.get(position=1).pk)
    for user in (idle_reviewer, outsider):
        client = login(user)
        assert client.get(url).status_code == 404
        assert client.post(url, {"answer": "x", "score": "3"}).status_code == 404
    assert not AnswerScore.objects.exists()


def test_a_question_of_another_vacancy_is_404(vacancy, organization, reviewer: User, login) -> None:
    from tremplin.review.tests.conftest import review_vacancy_make

    other = review_vacancy_make(organization, slug="other")
    url = review_url(vacancy, "question", question=other.questions.get(position=1).pk)

    assert login(reviewer).get(url).status_code == 404
