"""Each reviewer's progress, and a reminder queued through the outbox."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from tremplin.accounts.models import Membership
from tremplin.core.models import AuditEvent
from tremplin.messaging.models import OutboxMessage
from tremplin.review.services import answer_score_save, review_save
from tremplin.review.tests.conftest import review_url
from tremplin.review.tests.tables import tables

pytestmark = pytest.mark.django_db

CONFIRM = {"confirm": "yes"}  # the second post, from the page that asks first


@pytest.fixture
def started(vacancy, apply, reviewer):
    """Three applications; the first reviewer has reviewed one and scored two answers."""
    applications = [apply(n, f"{n.lower()}@example.org") for n in ("Ann", "Bob", "Cleo")]
    c1, c2 = vacancy.criteria.order_by("position")
    review_save(
        application=applications[0],
        reviewer=reviewer,
        scores={c1.pk: (3, ""), c2.pk: (4, "")},
        recommendation="yes",
        comment="",
        submit=True,
    )
    review_save(
        application=applications[1],
        reviewer=reviewer,
        scores={c1.pk: (3, "")},
        recommendation="",
        comment="",
        submit=False,
    )
    for application in applications[:2]:
        answer_score_save(
            answer=application.answers.get(question__position=1),
            reviewer=reviewer,
            score=4,
            note="",
        )
    return applications


def membership(user) -> Membership:
    return Membership.objects.get(user=user)


def test_recruiters_see_what_each_reviewer_has_done_and_has_left(
    vacancy, started, recruiter, login
) -> None:
    html = login(recruiter).get(review_url(vacancy, "progress")).content.decode()
    table = tables(html)[0]

    assert table["head"][0][:4] == [
        "Reviewer",
        "Applications reviewed",
        "Answers scored",
        "Answers left",
    ]
    rows = {row[0]: row for row in table["body"]}
    assert rows["remi@example.org"][1:4] == ["1 of 3 1 draft", "2", "4"]
    assert rows["rose@example.org"][1:4] == ["0 of 3", "0", "6"]
    assert "Send a reminder to remi@example.org" in rows["remi@example.org"][6]


def test_a_reminder_is_queued_in_the_outbox_and_logged(
    vacancy, started, recruiter, reviewer, login
) -> None:
    url = review_url(vacancy, "remind", member=membership(reviewer).pk)

    client = login(recruiter)
    asked = client.post(url)
    assert asked.status_code == 200
    assert "An e-mail goes to remi@example.org at once" in asked.content.decode()
    assert not OutboxMessage.objects.filter(kind="review_reminder").exists()  # asking sends nothing

    response = client.post(url, CONFIRM)

    assert response.status_code == 302
    message = OutboxMessage.objects.get(kind="review_reminder")
    assert message.to == "remi@example.org"
    assert message.language == "en"
    assert message.subject == "Reviews waiting for you: Policy officer"
    assert "Applications reviewed: 1 of 3." in message.body
    assert "4 answers are waiting for your score" in message.body
    assert "/en/staff/communs/review/policy-officer/" in message.body
    event = AuditEvent.objects.get(verb="review.reminder")
    assert event.actor == recruiter and event.data["reviewer"] == reviewer.pk
    assert event.data["outbox"] == message.pk


def test_the_reminder_is_in_the_site_language_when_the_reviewer_has_none(
    vacancy, started, owner, reviewer2, login, settings
) -> None:
    settings.LANGUAGE_CODE = "fr"

    login(owner).post(review_url(vacancy, "remind", member=membership(reviewer2).pk), CONFIRM)

    message = OutboxMessage.objects.get(kind="review_reminder")
    assert message.language == "fr"
    assert "/fr/staff/communs/review/policy-officer/" in message.body


def test_a_reviewer_who_logged_in_in_french_is_reminded_in_french(
    vacancy, started, recruiter, reviewer, login, client
) -> None:
    client.post(
        "/fr/accounts/login/", {"username": "remi@example.org", "password": "staff-password"}
    )

    login(recruiter).post(review_url(vacancy, "remind", member=membership(reviewer).pk), CONFIRM)

    message = OutboxMessage.objects.get(kind="review_reminder")
    assert message.language == "fr"
    assert message.subject == "Des évaluations vous attendent : Chargé·e de plaidoyer"
    assert "/fr/staff/communs/review/policy-officer/" in message.body


def test_a_second_reminder_within_the_hour_is_refused(
    vacancy, started, recruiter, reviewer, login
) -> None:
    client = login(recruiter)
    url = review_url(vacancy, "remind", member=membership(reviewer).pk)
    client.post(url, CONFIRM)

    response = client.post(url, follow=True)

    assert "was reminded less than an hour ago" in response.content.decode()
    assert OutboxMessage.objects.filter(kind="review_reminder").count() == 1
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        client.post(url, CONFIRM)
    assert OutboxMessage.objects.filter(kind="review_reminder").count() == 2


def test_a_reviewer_with_nothing_left_is_not_reminded(
    vacancy, apply, recruiter, reviewer, login
) -> None:
    # No application yet: nothing to review.
    response = login(recruiter).post(
        review_url(vacancy, "remind", member=membership(reviewer).pk), follow=True
    )

    assert "has nothing left to review" in response.content.decode()
    assert not OutboxMessage.objects.filter(kind="review_reminder").exists()


def test_only_assigned_reviewers_of_this_organization_can_be_reminded(
    vacancy, started, recruiter, idle_reviewer, outsider, login
) -> None:
    client = login(recruiter)

    for user in (idle_reviewer, outsider):
        url = review_url(vacancy, "remind", member=membership(user).pk)
        assert client.post(url).status_code == 404
    assert not OutboxMessage.objects.filter(kind="review_reminder").exists()


def test_reviewers_and_outsiders_cannot_see_progress_or_send_reminders(
    vacancy, started, reviewer, reviewer2, outsider, login
) -> None:
    remind = review_url(vacancy, "remind", member=membership(reviewer2).pk)
    for user in (reviewer, outsider):
        client = login(user)
        assert client.get(review_url(vacancy, "progress")).status_code == 404
        assert client.post(remind).status_code == 404
        assert client.get(remind).status_code == 404
    assert not OutboxMessage.objects.filter(kind="review_reminder").exists()


def test_a_reminder_must_be_posted(vacancy, started, recruiter, reviewer, login) -> None:
    url = review_url(vacancy, "remind", member=membership(reviewer).pk)

    assert login(recruiter).get(url).status_code == 405
