"""axe-core finds no WCAG 2.1 AA violation on the review pages once they hold data: texts
in blind mode, the list with its "Assigned to me" filter, submitted reviews, others'
scores, scored answers, the results table sorted, progress and the blind-lift
confirmation, in English and French."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page

from tremplin.applications.models import ReviewerAssignment
from tremplin.review.services import answer_score_save, review_save
from tremplin.review.tests.conftest import review_url
from tremplin.review.tests.test_browser_question_review import log_in_as
from tremplin.testing.axe import axe_violations

CV = "Jeanne Dupont\n12 rue des Lilas, 75011 Paris\n06 12 34 56 78\nAdvocacy, 2019-2024."


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_review_pages_have_no_violations(
    page: Page, live_server, vacancy, apply, reviewer, reviewer2, recruiter
) -> None:
    ann = apply("Jeanne Dupont", "jeanne@example.org", cv_text=CV, letter_text="Dear team.")
    bob = apply("Bob Ray", "bob@example.org")
    c1, c2 = vacancy.criteria.order_by("position")
    for application, user, scores in [(ann, reviewer, (4, 2)), (ann, reviewer2, (1, 2))]:
        review_save(
            application=application,
            reviewer=user,
            scores={c1.pk: (scores[0], "A note"), c2.pk: (scores[1], "")},
            recommendation="yes",
            comment="Overall",
            submit=True,
        )
    question = vacancy.questions.order_by("position").first()
    answer_score_save(
        answer=bob.answers.get(question=question), reviewer=reviewer, score=3, note=""
    )

    # Ann is assigned to the reviewer: their list offers "Assigned to me" and marks her.
    ReviewerAssignment.objects.create(application=ann, reviewer=reviewer, assigned_by=recruiter)

    log_in_as(page, live_server, reviewer)
    urls = [
        reverse("staff_review:index", kwargs={"org": vacancy.organization.slug}),
        review_url(vacancy),
        review_url(vacancy) + "?assigned=0",
        review_url(vacancy, "application", application=ann.pk),  # submitted, others shown
        review_url(vacancy, "application", application=bob.pk),  # the form
        review_url(vacancy, "question", question=question.pk),
        review_url(vacancy, "results"),
    ]
    problems = []
    for url in [*urls, *(u.replace("/en/", "/fr/", 1) for u in urls)]:
        page.goto(live_server.url + url)
        problems += [(url, v) for v in axe_violations(page)]

    log_in_as(page, live_server, recruiter)
    for url in [
        review_url(vacancy),
        review_url(vacancy, "results") + "?sort=-overall",
        review_url(vacancy, "progress"),
        review_url(vacancy, "application_reviews", application=ann.pk),
        review_url(vacancy, "blind_lift", stage="review"),
    ]:
        page.goto(live_server.url + url)
        problems += [(url, v) for v in axe_violations(page)]

    assert problems == []
