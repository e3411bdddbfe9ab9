"""Reviewers are reminded by themselves after the organization's delay (3 days by
default), once per delay, and recruiters see who is late."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tremplin.core.models import AuditEvent
from tremplin.messaging.models import OutboxMessage
from tremplin.review.services import review_save, reviewers_remind_due
from tremplin.review.tests.conftest import review_url
from tremplin.review.tests.tables import tables

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting(vacancy, apply, reviewer):
    """Two applications received now; the first reviewer has reviewed one of them."""
    ann, bob = apply("Ann", "ann@example.org"), apply("Bob", "bob@example.org")
    c1, c2 = vacancy.criteria.order_by("position")
    review_save(
        application=ann,
        reviewer=reviewer,
        scores={c1.pk: (3, ""), c2.pk: (4, "")},
        recommendation="yes",
        comment="",
        submit=True,
    )
    return ann, bob


def reminded() -> list[str]:
    return sorted(OutboxMessage.objects.filter(kind="review_reminder").values_list("to", flat=True))


def test_nobody_is_reminded_before_the_delay(waiting):
    with time_machine.travel(timezone.now() + timedelta(days=2, hours=23)):
        assert reviewers_remind_due() == 0
    assert reminded() == []


def test_after_three_days_each_late_reviewer_is_reminded_once_per_delay(
    waiting, vacancy, reviewer, reviewer2
):
    start = timezone.now()
    with time_machine.travel(start + timedelta(days=3, minutes=1)):
        call_command("remind_reviewers", stdout=open("/dev/null", "w"))  # noqa: SIM115
        # Both have an application waiting for their review: Bob for one, both for the other.
        assert reminded() == ["remi@example.org", "rose@example.org"]
        assert reviewers_remind_due() == 0  # run again the same day: nothing more
    with time_machine.travel(start + timedelta(days=5)):
        assert reviewers_remind_due() == 0  # reminded two days ago: within the delay
    with time_machine.travel(start + timedelta(days=6, minutes=2)):
        assert reviewers_remind_due() == 2

    message = OutboxMessage.objects.filter(kind="review_reminder").first()
    assert message is not None
    assert "Maison des communs reminds you" in message.body.replace("\n", " ")
    event = AuditEvent.objects.filter(verb="review.reminder").first()
    assert event is not None and event.actor is None and event.actor_label == "system"


def test_a_reviewer_with_nothing_waiting_is_not_reminded(waiting, vacancy, reviewer, reviewer2):
    _ann, bob = waiting
    c1, c2 = vacancy.criteria.order_by("position")
    review_save(
        application=bob,
        reviewer=reviewer,
        scores={c1.pk: (2, ""), c2.pk: (2, "")},
        recommendation="no",
        comment="",
        submit=True,
    )
    with time_machine.travel(timezone.now() + timedelta(days=4)):
        reviewers_remind_due()
    assert reminded() == ["rose@example.org"]


def test_an_owner_sets_the_delay_or_turns_reminders_off(
    waiting, organization, owner, recruiter, login
):
    url = reverse("staff_accounts:review_reminders", kwargs={"org": organization.slug})
    client = login(owner)

    refused = client.post(url.replace("/en/", "/fr/"), {"review_reminder_days": "400"})
    assert refused.status_code == 400
    assert "Saisissez un nombre de jours, de 0 à 60." in refused.content.decode()
    organization.refresh_from_db()
    assert organization.review_reminder_days == 3

    assert client.post(url, {"review_reminder_days": "0"}).status_code == 302
    organization.refresh_from_db()
    assert organization.review_reminder_days == 0
    assert AuditEvent.objects.filter(verb="organization.review_reminders").count() == 1
    with time_machine.travel(timezone.now() + timedelta(days=30)):
        assert reviewers_remind_due() == 0
    assert login(recruiter).post(url, {"review_reminder_days": "3"}).status_code == 404


def test_recruiters_see_how_long_applications_wait_and_who_is_late(
    waiting, vacancy, recruiter, login
):
    with time_machine.travel(timezone.now() + timedelta(days=4)):
        html = login(recruiter).get(review_url(vacancy, "progress")).content.decode()
    rows = {row[0]: row for row in tables(html)[0]["body"]}
    waiting_column = tables(html)[0]["head"][0].index("Waiting")
    assert rows["remi@example.org"][waiting_column] == "4 days late"
    assert rows["rose@example.org"][waiting_column] == "4 days late"
