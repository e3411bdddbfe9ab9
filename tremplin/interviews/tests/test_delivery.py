"""The invitation on the wire: delivered by the outbox to a real SMTP server, one message per
person, each with its text/calendar part whose method matches the calendar's METHOD."""

import pytest
from icalendar import Calendar

from tremplin.interviews.models import Interview
from tremplin.interviews.tests.conftest import aware, local, new_url, schedule_data
from tremplin.testing.worker import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_invitation_reaches_the_smtp_server_with_its_calendar_part(
    smtp_server, recruiter_client, application, team
):
    start = local(3)
    run_worker()  # the acknowledgement of the application
    smtp_server.received.clear()

    recruiter_client.post(new_url(application), schedule_data(team, slot=[start], fixed="on"))
    run_worker()

    interview = Interview.objects.get()
    by_recipient = {mail.rcpt_tos[0]: mail.message for mail in smtp_server.received}
    assert sorted(by_recipient) == sorted(
        ["ada@example.net", team.recruiter.email, team.reviewer.email]
    )
    for to, message in by_recipient.items():
        [part] = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
        assert part.get_param("method") == "REQUEST"
        assert part.get_filename() == "interview.ics"
        calendar = Calendar.from_ical(part.get_content())
        assert calendar["METHOD"] == "REQUEST"
        [event] = calendar.events
        assert event["UID"] == interview.uid
        assert event.decoded("DTSTART") == aware(start)
        assert "DTEND" in event and "DURATION" not in event
        body = message.get_body(preferencelist=("plain",))
        assert body is not None and body.get_content().strip(), to
