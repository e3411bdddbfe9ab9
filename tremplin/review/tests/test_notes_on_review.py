"""Staff notes on the review page: a reviewer of a blind vacancy reads them only once
identities are revealed (a note may name the candidate), and the read is audited."""

import pytest

from tremplin.applications.notes import note_add
from tremplin.core.models import AuditEvent
from tremplin.review.tests.conftest import review_url

pytestmark = pytest.mark.django_db

NOTE = "Met **Jeanne** at the fair: sharp."


def test_notes_show_to_reviewers_only_once_blind_mode_is_lifted(
    vacancy, apply, reviewer, recruiter, login
):
    assert vacancy.blind_review
    application = apply("Jeanne Dupont", "jeanne.dupont@example.org")
    note_add(application=application, body=NOTE, by=recruiter)
    url = review_url(vacancy, "application", application=application.pk)

    blind = login(reviewer).get(url).content.decode()
    assert "fair: sharp" not in blind and "Jeanne" not in blind
    assert not AuditEvent.objects.filter(verb="application.notes_view").exists()

    login(recruiter).post(review_url(vacancy, "blind_lift", stage="review"))
    revealed = login(reviewer).get(url).content.decode()
    assert "Met <strong>Jeanne</strong> at the fair: sharp." in revealed
    assert AuditEvent.objects.get(verb="application.notes_view").actor == reviewer


def test_without_blind_mode_reviewers_read_the_notes(vacancy, apply, reviewer, recruiter, login):
    vacancy.blind_review = False
    vacancy.save()
    application = apply("Jeanne Dupont", "jeanne.dupont@example.org")
    note_add(application=application, body=NOTE, by=recruiter)

    html = login(reviewer).get(review_url(vacancy, "application", application=application.pk))
    assert "at the fair: sharp." in html.content.decode()
