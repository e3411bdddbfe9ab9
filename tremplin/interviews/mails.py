"""The mail of an interview: one message per person at each step, in that person's language.

Steps: the offer of times (to the candidate only: the panel has nothing to put in a
calendar yet), the invitation and each change (``REQUEST``), the cancellation (``CANCEL``),
the reminder the day before, and the panel's reminder of a missing scorecard the day after.
Invitations and cancellations carry a ``text/calendar`` part whose method matches the
calendar's METHOD.

In blind review (``interview_is_blind``), what the panel receives names the candidate by
number only: subject, text, file name, and every calendar property, ATTENDEE CN included;
the candidate's address there is one that reaches nobody (the reserved ``.invalid`` domain).
"""

from collections.abc import Sequence
from datetime import datetime
from email.utils import parseaddr
from zoneinfo import ZoneInfo

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _

from tremplin.accounts.models import User
from tremplin.applications.links import application_status_url
from tremplin.applications.models import Application
from tremplin.core.audit import Actor
from tremplin.interviews.ics import CANCEL, REQUEST, EventText, Person, invitation_ics
from tremplin.interviews.models import Interview
from tremplin.messaging.outbox import AUTOMATIC_HEADERS, Attachment, outbox_queue
from tremplin.review.selectors import blind_lifts, candidate_label, identity_visible
from tremplin.vacancies.selectors import vacancy_title_for_language

OFFER = "offer"
INVITATION = "invitation"
UPDATE = "update"
CANCELLATION = "cancellation"
REMINDER = "reminder"
OFFER_WITHDRAWN = "withdrawn"  # cancelled before the candidate chose: to them only
SCORECARD_REMINDER = "scorecard-reminder"  # to a panel member only
AUTOMATIC = (REMINDER, SCORECARD_REMINDER)

ICS_FILE = "interview.ics"


def interview_is_blind(*, application: Application) -> bool:
    """Whether the panel must not learn who the candidate is (blind review not lifted)."""
    vacancy = application.vacancy
    if not vacancy.blind_review:
        return False
    return not identity_visible(
        vacancy=vacancy, application=application, lifted=blind_lifts(vacancy=vacancy)
    )


def staff_language(user: User) -> str:
    return user.language or settings.LANGUAGE_CODE


def when_text(*, interview: Interview, start: datetime) -> str:
    """The time in the interview's time zone, the date in the active language's format:
    "Dec. 10, 2026, 14:00 (Europe/Paris)"."""
    local = start.astimezone(ZoneInfo(interview.timezone))
    day = formats.date_format(local, "DATE_FORMAT")
    return f"{day}, {local:%H:%M} ({interview.timezone})"


def organizer_of(interview: Interview) -> Person:
    organization = interview.application.vacancy.organization
    address = organization.email or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return Person(name=organization.name, email=address)


def candidate_as_seen(*, application: Application, blind: bool) -> Person:
    """The candidate as the reader may know them (call with the reader's language active)."""
    if not blind:
        candidate = application.candidate
        return Person(name=candidate.name, email=candidate.email)
    number = getattr(getattr(application, "candidate_number", None), "number", None)
    local = f"candidate-{number}" if number is not None else f"candidate-a{application.pk}"
    return Person(name=candidate_label(application), email=f"{local}@tremplin.invalid")


def panel_people(panel: Sequence[User]) -> list[Person]:
    return [Person(name=user.get_full_name(), email=user.email) for user in panel]


def event_text(*, interview: Interview, who: str, title: str) -> EventText:
    summary = _("Interview: %(who)s, %(title)s") % {"who": who, "title": title}
    details = [interview.get_kind_display()]
    if interview.location:
        details.append(interview.location)
    details.append(
        _("%(minutes)s minutes") % {"minutes": interview.duration_minutes},
    )
    return EventText(summary=summary, description=" · ".join(details), location=interview.location)


def _send(
    *,
    interview: Interview,
    to: str,
    language: str,
    step: str,
    template: str,
    context: dict[str, object],
    method: str = "",
    attendees: Sequence[Person] = (),
    who: str,
    sender: Actor,
) -> None:
    application = interview.application
    with translation.override(language):
        title = vacancy_title_for_language(vacancy=application.vacancy, language=language)
        when = when_text(interview=interview, start=interview.start) if interview.start else ""
        context = {
            **context,
            "interview": interview,
            "who": who,
            "title": title,
            "when": when,
            "organization": application.vacancy.organization,
            "step": step,
        }
        subject = render_to_string(f"interviews/mail/{template}_subject.txt", context).strip()
        body = render_to_string(f"interviews/mail/{template}.txt", context)
        attachments = []
        if method:
            ics = invitation_ics(
                interview=interview,
                method=method,
                text=event_text(interview=interview, who=who, title=title),
                organizer=organizer_of(interview),
                attendees=attendees,
            )
            attachments.append(
                Attachment(
                    filename=ICS_FILE,
                    content_type="text/calendar",
                    params={"method": method},
                    content=ics,
                )
            )
    outbox_queue(
        to=to,
        subject=subject,
        body=body,
        language=language,
        headers=AUTOMATIC_HEADERS if step in AUTOMATIC else None,
        application=application,
        kind=f"interview-{step}",
        sender=sender,
        attachments=attachments,
    )


def interview_mail(*, interview: Interview, step: str, sender: Actor = None) -> int:
    """Queue this step's mail: one message to the candidate, and unless it is the offer, one
    to each panel member. Returns how many were queued."""
    application = interview.application
    candidate = application.candidate
    panel = list(interview.panel.order_by("pk"))
    blind = interview_is_blind(application=application)
    method = {INVITATION: REQUEST, UPDATE: REQUEST, CANCELLATION: CANCEL}.get(step, "")
    status_url = application_status_url(application=application)

    with translation.override(application.language):
        candidate_attendees = [
            Person(name=candidate.name, email=candidate.email),
            *panel_people(panel),
        ]
        _send(
            interview=interview,
            to=candidate.email,
            language=application.language,
            step=step,
            template="candidate",
            context={"status_url": status_url, "name": candidate.name},
            method=method,
            attendees=candidate_attendees,
            who=application.vacancy.organization.name,
            sender=sender,
        )
    if step in (OFFER, OFFER_WITHDRAWN):
        return 1
    for member in panel:
        language = staff_language(member)
        with translation.override(language):
            seen = candidate_as_seen(application=application, blind=blind)
            _send(
                interview=interview,
                to=member.email,
                language=language,
                step=step,
                template="panel",
                context={"blind": blind, "application": application},
                method=method,
                attendees=[seen, *panel_people(panel)],
                who=seen.name or seen.email,
                sender=sender,
            )
    return 1 + len(panel)


def scorecard_url(interview: Interview) -> str:
    """The scorecard page's full address, in the active language."""
    application = interview.application
    path = reverse(
        "staff_interviews:scorecard",
        kwargs={
            "org": application.vacancy.organization.slug,
            "application": application.pk,
            "interview": interview.pk,
        },
    )
    return settings.SITE_URL + path


def scorecard_reminder_mail(*, interview: Interview, member: User) -> None:
    """Queue the reminder to ``member`` that their scorecard of ``interview`` is missing, in
    their language, naming the candidate by number in blind review."""
    application = interview.application
    blind = interview_is_blind(application=application)
    language = staff_language(member)
    with translation.override(language):
        seen = candidate_as_seen(application=application, blind=blind)
        _send(
            interview=interview,
            to=member.email,
            language=language,
            step=SCORECARD_REMINDER,
            template="scorecard_reminder",
            context={"url": scorecard_url(interview)},
            who=seen.name or seen.email,
            sender=None,
        )
