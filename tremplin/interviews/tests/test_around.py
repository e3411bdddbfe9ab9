"""Around the interview: reminders the day before, the staff's calendar feed, erasure with
the candidate and their copy of their data."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar

from tremplin.interviews.models import Interview, InterviewSlot, RescheduleRequest
from tremplin.interviews.services import interview_reminders_send
from tremplin.interviews.tests.conftest import local, new_url, schedule_data, sent
from tremplin.messaging.models import OutboxMessage
from tremplin.privacy.erasure import shred
from tremplin.privacy.shredders import export_data, subject_for_candidate
from tremplin.testing.applying import submit
from tremplin.testing.staff import staff_login

pytestmark = pytest.mark.django_db


def fixed(client, application, team, start, panel=None):
    data = schedule_data(team, slot=[start], fixed="on")
    if panel is not None:
        data["panel"] = panel
    client.post(new_url(application), data)
    return Interview.objects.filter(application=application).latest("pk")


def test_the_reminder_goes_once_to_the_candidate_and_the_panel_24_hours_before(
    recruiter_client, application, team
):
    soon = fixed(recruiter_client, application, team, local(3))
    Interview.objects.filter(pk=soon.pk).update(start=timezone.now() + timedelta(hours=20))

    assert interview_reminders_send(now=timezone.now() - timedelta(days=1)) == 0
    call_command("send_interview_reminders", verbosity=0)
    call_command("send_interview_reminders", verbosity=0)

    mails = sent("reminder")
    assert set(mails) == {"ada@example.net", team.recruiter.email, team.reviewer.email}
    assert mails["ada@example.net"].message.headers["Auto-Submitted"] == "auto-generated"
    assert Interview.objects.get().reminded_at is not None


def test_no_reminder_for_a_cancelled_or_distant_interview(recruiter_client, application, team):
    fixed(recruiter_client, application, team, local(3))
    Interview.objects.update(start=timezone.now() + timedelta(hours=30))
    assert interview_reminders_send() == 0
    Interview.objects.update(start=timezone.now() + timedelta(hours=2), status="cancelled")
    assert interview_reminders_send() == 0


def test_the_feed_is_linked_from_the_account_page_and_lists_only_one_s_own_interviews(
    recruiter_client, application, team, vacancy, client
):
    mine = fixed(recruiter_client, application, team, local(3))
    other = submit(vacancy, name="Emmy Noether", email="emmy@example.net")
    not_mine = fixed(recruiter_client, other, team, local(4), panel=[str(team.owner.pk)])
    staff_login(client, team.reviewer)
    account = client.get("/en/accounts/").content.decode()
    start = account.index('class="calendar-feed"')
    feed_url = account[:start].rsplit('href="', 1)[1].split('"')[0]
    client.logout()

    response = client.get("/" + feed_url.split("://", 1)[-1].partition("/")[2])

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert [str(e["UID"]) for e in calendar.events] == [mine.uid]
    assert not_mine.uid not in response.content.decode()


def test_a_revoked_feed_address_stops_working(recruiter_client, application, team, client):
    fixed(recruiter_client, application, team, local(3))
    staff_login(client, team.reviewer)
    page = client.get("/en/accounts/").content.decode()
    old = page.split('class="calendar-feed"')[0].rsplit('href="', 1)[1].split('"')[0]
    old_path = "/" + old.split("://", 1)[-1].partition("/")[2]
    assert client.get(old_path).status_code == 200

    assert client.post("/en/accounts/calendar/revoke/").status_code == 302
    client.logout()

    assert client.get(old_path).status_code == 404


def test_the_feed_names_the_candidate_by_number_on_a_blind_vacancy(
    recruiter_client, vacancy, team, client
):
    vacancy.blind_review = True
    vacancy.save(update_fields=["blind_review"])
    blind = submit(vacancy, name="Grace Hopper", email="grace@example.net")
    fixed(recruiter_client, blind, team, local(3))
    staff_login(client, team.reviewer)
    page = client.get("/en/accounts/").content.decode()
    url = page.split('class="calendar-feed"')[0].rsplit('href="', 1)[1].split('"')[0]

    feed = client.get("/" + url.split("://", 1)[-1].partition("/")[2]).content.decode()

    assert "Grace" not in feed and "grace@" not in feed
    assert f"Candidate {blind.candidate_number.number}" in feed


def test_interviews_and_their_mail_are_exported_then_erased_with_the_candidate(
    recruiter_client, application, team, client, organization
):
    interview = fixed(recruiter_client, application, team, local(3))
    RescheduleRequest.objects.create(interview=interview, reason="An exam")
    subject = subject_for_candidate(candidate=application.candidate, organization=organization)

    exported = export_data(subject=subject)
    assert [row["uid"] for row in exported["interviews.interview"]] == [interview.uid]
    assert exported["interviews.reschedulerequest"][0]["reason"] == "An exam"
    assert "rita@example.org" not in str(exported["interviews.interview"])

    counts = shred(subject=subject, actor=None, reason="candidate")

    assert counts["interviews"] >= 3
    assert not Interview.objects.exists()
    assert not InterviewSlot.objects.exists()
    assert not RescheduleRequest.objects.exists()
    assert not Interview.panel.through.objects.exists()
    assert not OutboxMessage.objects.filter(kind__startswith="interview-").exists()
