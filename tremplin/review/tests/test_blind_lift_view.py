"""Recruiters lift blind mode for one stage; the act is recorded; reviewers cannot do it."""

import pytest

from tremplin.applications.models import Application
from tremplin.core.models import AuditEvent
from tremplin.review.models import BlindLift
from tremplin.review.tests.conftest import review_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_stages(apply):
    """Ann is in review, Bob is invited to an interview."""
    ann = apply("Ann Lee", "ann@example.org", cv_text="Ann Lee\nCampaigns")
    bob = apply("Bob Ray", "bob@example.org", cv_text="Bob Ray\nCampaigns", stage="interview")
    return ann, bob


def test_lifting_asks_for_a_confirmation_first(vacancy, two_stages, recruiter, login) -> None:
    response = login(recruiter).get(review_url(vacancy, "blind_lift", stage="interview"))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Show candidates’ names at the “Interview” stage?" in page
    assert "1 application now" in page
    assert not BlindLift.objects.exists()


def test_a_lift_is_recorded_and_shows_names_only_at_that_stage(
    vacancy, two_stages, recruiter, reviewer, login
) -> None:
    ann, bob = two_stages

    response = login(recruiter).post(review_url(vacancy, "blind_lift", stage="interview"))

    assert response.status_code == 302
    lift = BlindLift.objects.get()
    assert (lift.vacancy, lift.stage, lift.lifted_by) == (vacancy, "interview", recruiter)
    event = AuditEvent.objects.get(verb="review.blind_lift")
    assert event.actor == recruiter and event.data == {"stage": "interview"}
    assert event.organization == vacancy.organization

    client = login(reviewer)
    bob_page = client.get(review_url(vacancy, "application", application=bob.pk)).content.decode()
    ann_page = client.get(review_url(vacancy, "application", application=ann.pk)).content.decode()
    assert "Bob Ray" in bob_page and "bob@example.org" in bob_page
    assert "Ann" not in ann_page and "ann@example.org" not in ann_page

    # When Ann reaches the interview stage too, her name shows.
    Application.objects.filter(pk=ann.pk).update(stage="interview")
    ann_page = client.get(review_url(vacancy, "application", application=ann.pk)).content.decode()
    assert "Ann Lee" in ann_page


def test_lifting_twice_keeps_one_record(vacancy, two_stages, recruiter, login) -> None:
    client = login(recruiter)
    client.post(review_url(vacancy, "blind_lift", stage="interview"))
    client.post(review_url(vacancy, "blind_lift", stage="interview"))

    assert BlindLift.objects.count() == 1
    assert AuditEvent.objects.filter(verb="review.blind_lift").count() == 1


def test_names_can_be_hidden_again_and_that_is_recorded(
    vacancy, two_stages, owner, reviewer, login
) -> None:
    _ann, bob = two_stages
    client = login(owner)
    client.post(review_url(vacancy, "blind_lift", stage="interview"))

    response = client.post(review_url(vacancy, "blind_restore", stage="interview"))

    assert response.status_code == 302
    assert not BlindLift.objects.exists()
    assert AuditEvent.objects.filter(verb="review.blind_restore", actor=owner).exists()
    page = login(reviewer).get(review_url(vacancy, "application", application=bob.pk))
    assert "Bob" not in page.content.decode()


def test_reviewers_cannot_lift_blind_mode(vacancy, two_stages, reviewer, login) -> None:
    client = login(reviewer)
    url = review_url(vacancy, "blind_lift", stage="interview")

    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert client.post(review_url(vacancy, "blind_restore", stage="interview")).status_code == 404
    assert not BlindLift.objects.exists()
    assert "Show names at" not in client.get(review_url(vacancy)).content.decode()


def test_an_outsider_gets_404(vacancy, two_stages, outsider, login) -> None:
    client = login(outsider)

    assert client.post(review_url(vacancy, "blind_lift", stage="interview")).status_code == 404
    assert not BlindLift.objects.exists()


@pytest.mark.parametrize("stage", ["withdrawn", "hired", "nonsense"])
def test_only_review_stages_can_be_lifted(vacancy, recruiter, login, stage: str) -> None:
    response = login(recruiter).post(review_url(vacancy, "blind_lift", stage=stage))

    assert response.status_code == 404
    assert not BlindLift.objects.exists()


def test_the_overview_shows_each_stage_and_who_lifted_it(
    vacancy, two_stages, recruiter, login
) -> None:
    client = login(recruiter)
    client.post(review_url(vacancy, "blind_lift", stage="interview"))

    page = client.get(review_url(vacancy)).content.decode()

    assert "Hide names at the “Interview” stage" in page
    assert "by rita@example.org" in page
    assert "Show names at the “Review” stage…" in page


def test_a_stage_the_organization_added_is_reviewed_and_can_be_lifted(
    vacancy, organization, apply, recruiter, reviewer, login
) -> None:
    from tremplin.applications.models import Stage
    from tremplin.applications.selectors import stage_defaults

    for stage in stage_defaults(organization=organization):
        stage.position *= 10
        stage.save()
    Stage.objects.create(
        organization=organization, key="assessment", position=35, labels={"en": "Work test"}
    )
    application = apply("Ann Lee", "ann@example.org", stage="assessment")
    client = login(reviewer)
    url = review_url(vacancy, "application", application=application.pk)
    assert "Ann Lee" not in client.get(url).content.decode()

    login(recruiter).post(review_url(vacancy, "blind_lift", stage="assessment"))

    page = client.get(url).content.decode()
    assert "Ann Lee" in page and "Work test" in page
