"""One reviewer's review of one application: blind texts, drafts, submission, and the other
reviewers' scores hidden until one's own review is submitted."""

import re

import pytest

from tremplin.applications.models import Application
from tremplin.core.models import AuditEvent
from tremplin.review.models import CriterionScore, Review
from tremplin.review.tests.conftest import review_url, review_vacancy_make

pytestmark = pytest.mark.django_db

CV = """Jeanne Dupont
12 rue des Lilas, 75011 Paris
Tel. 06 12 34 56 78 / +44 20 7946 0958
jeanne.dupont@example.org
https://www.linkedin.com/in/jeanne-dupont-42/
Experience: advocacy officer at a climate charity, 2019-2024.
Led a coalition of 30 organisations."""
LETTER = "Dear team, I am Jeanne Dupont and I would love to join you. Call me on +33 6 12 34 56 78."


def texts_of(html: str) -> str:
    """The page without its tags, as a person reads it."""
    return re.sub(r"<[^>]+>", " ", html)


def scores_post(vacancy, scores, *, action="submit", recommendation="yes", **notes):
    data = {"action": action, "recommendation": recommendation, "comment": ""}
    for criterion, score in zip(vacancy.criteria.order_by("position"), scores, strict=True):
        if score is not None:
            data[f"score_{criterion.pk}"] = str(score)
        data[f"note_{criterion.pk}"] = notes.get(f"note_{criterion.position}", "")
    return data


def test_the_blind_view_shows_none_of_the_candidates_name_email_phone_or_linkedin(
    vacancy, apply, reviewer, login
) -> None:
    application = apply(
        "Jeanne Dupont",
        "jeanne.dupont@example.org",
        phone="06 12 34 56 78",
        cv_text=CV,
        letter_text=LETTER,
    )

    response = login(reviewer).get(review_url(vacancy, "application", application=application.pk))

    assert response.status_code == 200
    html = response.content.decode()
    for secret in [
        "Jeanne",
        "Dupont",
        "jeanne.dupont@example.org",
        "06 12 34 56 78",
        "+33 6 12 34 56 78",
        "+44 20 7946 0958",
        "linkedin",
        "rue des Lilas",
        "75011",
    ]:
        assert secret.lower() not in html.lower(), secret
    page = texts_of(html)
    assert "Candidate 1" in page
    assert "Led a coalition of 30 organisations." in page
    # The CV's contact lines are withheld as one block; the letter's name and phone one by one.
    assert "[contact details withheld]" in page and "[name]" in page and "[phone]" in page
    # The criteria come with their scoring guides.
    assert "Criterion text 1" in page and "Strong evidence 2" in page


def test_recruiters_see_the_blind_view_too_until_blind_mode_is_lifted(
    vacancy, apply, recruiter, login
) -> None:
    application = apply("Jeanne Dupont", "jeanne.dupont@example.org", cv_text=CV)
    client = login(recruiter)
    url = review_url(vacancy, "application", application=application.pk)

    assert "Dupont" not in client.get(url).content.decode()

    client.post(review_url(vacancy, "blind_lift", stage="review"))
    html = client.get(url).content.decode()
    assert "Jeanne Dupont" in html and "jeanne.dupont@example.org" in html
    assert "linkedin.com/in/jeanne-dupont-42" in html


def test_without_blind_mode_the_reviewer_sees_the_name_and_full_texts(
    vacancy, apply, reviewer, login
) -> None:
    vacancy.blind_review = False
    vacancy.save()
    application = apply("Jeanne Dupont", "jeanne.dupont@example.org", cv_text=CV)

    html = login(reviewer).get(review_url(vacancy, "application", application=application.pk))

    assert "Jeanne Dupont" in html.content.decode()
    assert "06 12 34 56 78" in html.content.decode()


def test_a_draft_is_saved_partially_and_shown_again(vacancy, apply, reviewer, login) -> None:
    application = apply("Ann Lee", "ann@example.org")
    client = login(reviewer)
    url = review_url(vacancy, "application", application=application.pk)

    response = client.post(
        url, scores_post(vacancy, [4, None], action="save", recommendation="", note_1="Good")
    )

    assert response.status_code == 302
    review = Review.objects.get(application=application, reviewer=reviewer)
    assert review.submitted_at is None
    assert [s.score for s in review.scores.order_by("criterion__position")] == [4, None]
    page = client.get(url).content.decode()
    assert re.search(r'value="4"[^>]*checked', page)
    assert "Good" in page
    assert not AuditEvent.objects.filter(verb="review.submit").exists()


def test_submitting_needs_every_score_and_a_recommendation_and_changes_nothing_otherwise(
    vacancy, apply, reviewer, login
) -> None:
    application = apply("Ann Lee", "ann@example.org")
    client = login(reviewer)
    url = review_url(vacancy, "application", application=application.pk)

    response = client.post(url, scores_post(vacancy, [4, None], recommendation=""))

    assert response.status_code == 400
    page = response.content.decode()
    assert "Give a score from 1 to 5." in page
    assert "Choose a recommendation to submit." in page
    assert not Review.objects.exists() and not CriterionScore.objects.exists()


def test_a_score_outside_1_to_5_is_refused(vacancy, apply, reviewer, login) -> None:
    application = apply("Ann Lee", "ann@example.org")
    url = review_url(vacancy, "application", application=application.pk)

    response = login(reviewer).post(url, scores_post(vacancy, [6, 0]))

    assert response.status_code == 400
    assert not Review.objects.exists()


def test_a_submitted_review_is_logged_and_final(vacancy, apply, reviewer, login) -> None:
    application = apply("Ann Lee", "ann@example.org")
    client = login(reviewer)
    url = review_url(vacancy, "application", application=application.pk)

    assert client.post(url, scores_post(vacancy, [4, 2], recommendation="yes")).status_code == 302

    review = Review.objects.get()
    assert review.submitted_at is not None
    event = AuditEvent.objects.get(verb="review.submit")
    assert event.actor == reviewer and event.organization == vacancy.organization
    assert event.data["recommendation"] == "yes"

    again = client.post(url, scores_post(vacancy, [1, 1], recommendation="strong_no"))
    assert again.status_code == 302
    review.refresh_from_db()
    assert review.recommendation == "yes"
    assert list(review.scores.order_by("criterion__position").values_list("score", flat=True)) == [
        4,
        2,
    ]
    assert "You submitted this review" in client.get(url).content.decode()


def test_others_scores_are_not_in_the_page_before_ones_own_review_is_submitted(
    vacancy, apply, reviewer, reviewer2, login
) -> None:
    application = apply("Ann Lee", "ann@example.org")
    url = review_url(vacancy, "application", application=application.pk)
    first = login(reviewer)
    first.post(
        url,
        scores_post(
            vacancy, [5, 1], recommendation="strong_yes", note_1="Remarkable-coalition-work"
        ),
    )
    second = login(reviewer2)

    before = second.get(url).content.decode()
    assert "Remarkable-coalition-work" not in before
    assert "remi@example.org" not in before
    assert "Scores by" not in before and "Overall recommendation:" not in before
    assert "hidden until you submit your own review" in before

    # A draft is not enough.
    second.post(url, scores_post(vacancy, [3, 3], action="save", recommendation="no"))
    assert "Remarkable-coalition-work" not in second.get(url).content.decode()

    second.post(url, scores_post(vacancy, [3, 3], recommendation="no"))
    after = second.get(url).content.decode()
    assert "Remarkable-coalition-work" in after
    assert "Scores by remi@example.org" in after
    assert "Overall recommendation:</strong> Strong yes" in after


def test_drafts_of_others_are_never_shown(vacancy, apply, reviewer, reviewer2, login) -> None:
    application = apply("Ann Lee", "ann@example.org")
    url = review_url(vacancy, "application", application=application.pk)
    login(reviewer).post(
        url, scores_post(vacancy, [5, 5], action="save", note_1="Draft-only-thoughts")
    )
    second = login(reviewer2)
    second.post(url, scores_post(vacancy, [3, 3]))

    assert "Draft-only-thoughts" not in second.get(url).content.decode()


def test_a_reviewer_not_assigned_to_the_vacancy_gets_404(
    vacancy, apply, idle_reviewer, login
) -> None:
    application = apply("Ann Lee", "ann@example.org")
    url = review_url(vacancy, "application", application=application.pk)
    client = login(idle_reviewer)

    assert client.get(url).status_code == 404
    assert client.post(url, scores_post(vacancy, [4, 4])).status_code == 404
    assert not Review.objects.exists()


def test_an_outsider_gets_404_and_an_anonymous_visitor_is_sent_to_log_in(
    vacancy, apply, outsider, login, client
) -> None:
    application = apply("Ann Lee", "ann@example.org")
    url = review_url(vacancy, "application", application=application.pk)

    assert login(outsider).get(url).status_code == 404
    assert login(outsider).post(url, scores_post(vacancy, [4, 4])).status_code == 404
    assert client.get(url)["Location"].startswith("/en/accounts/login/")
    assert not Review.objects.exists()


def test_withdrawn_applications_and_those_of_other_vacancies_are_404(
    vacancy, organization, apply, reviewer, login
) -> None:
    withdrawn = apply("Ann Lee", "ann@example.org", stage=Application.Stage.WITHDRAWN)
    other_vacancy = review_vacancy_make(organization, slug="other")
    other_vacancy.reviewers.add(reviewer)
    elsewhere = apply("Bob Ray", "bob@example.org", to=other_vacancy)
    client = login(reviewer)

    assert (
        client.get(review_url(vacancy, "application", application=withdrawn.pk)).status_code == 404
    )
    assert (
        client.get(review_url(vacancy, "application", application=elsewhere.pk)).status_code == 404
    )


def test_the_vacancy_page_lists_applications_in_review_by_candidate_number(
    vacancy, apply, reviewer, login
) -> None:
    apply("Ann Lee", "ann@example.org")
    apply("Bob Ray", "bob@example.org", stage=Application.Stage.HIRED)
    apply("Cleo Fox", "cleo@example.org", stage=Application.Stage.RECEIVED)

    page = texts_of(login(reviewer).get(review_url(vacancy)).content.decode())

    assert "Candidate 1" in page and "Candidate 3" in page
    assert "Candidate 2" not in page  # hired: out of review
    assert "Ann" not in page and "Cleo" not in page
