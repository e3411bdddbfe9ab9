"""iCalendar (RFC 5545) files for interviews, built with the ``icalendar`` library.

An invitation is a calendar with METHOD:REQUEST (or CANCEL, RFC 5546) and one VEVENT that
carries the interview's UID, its SEQUENCE, DTSTART and DTEND in UTC (never DURATION, which
some calendar apps ignore), the ORGANIZER, and one ATTENDEE per person. A staff member's feed
is a calendar of their own interviews, with no METHOD.

What the people are called is decided by the caller (``mails``, ``feeds``): in blind review,
the panel's files name the candidate by number and with an address that reaches nobody.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress

from tremplin.interviews.models import Interview

PRODID = "-//Tremplin//Interviews//EN"
REQUEST = "REQUEST"
CANCEL = "CANCEL"


@dataclass(frozen=True)
class Person:
    name: str
    email: str


@dataclass(frozen=True)
class EventText:
    """What one reader's calendar entry says, in their language."""

    summary: str
    description: str
    location: str


def _address(person: Person, **params: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{person.email}")
    if person.name:
        address.params["CN"] = person.name
    for name, value in params.items():
        address.params[name.upper().replace("_", "-")] = value
    return address


def interview_end(interview: Interview) -> datetime:
    if interview.start is None:
        raise ValueError("an interview without a time has no end")
    return interview.start + timedelta(minutes=interview.duration_minutes)


def event_make(
    *,
    interview: Interview,
    text: EventText,
    organizer: Person,
    attendees: Sequence[Person],
    cancelled: bool = False,
    stamp: datetime | None = None,
) -> Event:
    """The interview as one VEVENT (it must have a start)."""
    if interview.start is None:
        raise ValueError("an interview without a time has no calendar entry")
    event = Event()
    event.add("uid", interview.uid)
    event.add("sequence", interview.sequence)
    event.add("dtstamp", (stamp or timezone.now()).astimezone(UTC))
    event.add("dtstart", interview.start.astimezone(UTC))
    event.add("dtend", interview_end(interview).astimezone(UTC))
    event.add("summary", text.summary)
    if text.description:
        event.add("description", text.description)
    if text.location:
        event.add("location", text.location)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("organizer", _address(organizer))
    for person in attendees:
        event.add(
            "attendee",
            _address(person, role="REQ-PARTICIPANT", partstat="NEEDS-ACTION", rsvp="TRUE"),
        )
    return event


def _calendar(method: str = "") -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    return calendar


def invitation_ics(
    *,
    interview: Interview,
    method: str,
    text: EventText,
    organizer: Person,
    attendees: Sequence[Person],
) -> str:
    """An invitation (REQUEST) or its cancellation (CANCEL), as the text of a .ics file."""
    calendar = _calendar(method)
    calendar.add_component(
        event_make(
            interview=interview,
            text=text,
            organizer=organizer,
            attendees=attendees,
            cancelled=method == CANCEL,
        )
    )
    return calendar.to_ical().decode()


def feed_ics(*, name: str, events: Iterable[Event]) -> bytes:
    """A calendar feed: the events, no METHOD (RFC 7986's NAME for its title)."""
    calendar = _calendar()
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()
