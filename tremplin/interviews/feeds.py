"""A staff member's calendar feed: their own interviews, in their language, the candidate
named by number on a blind vacancy (the same rule as their invitations)."""

from django.utils import translation
from django.utils.translation import gettext as _

from tremplin.accounts.models import User
from tremplin.interviews.ics import event_make, feed_ics
from tremplin.interviews.mails import (
    candidate_as_seen,
    event_text,
    interview_is_blind,
    organizer_of,
    panel_people,
    staff_language,
)
from tremplin.interviews.selectors import feed_interviews
from tremplin.vacancies.selectors import vacancy_title_for_language


def calendar_feed_build(*, user: User) -> bytes:
    language = staff_language(user)
    with translation.override(language):
        events = []
        blind_by_vacancy: dict[int, bool] = {}
        for interview in feed_interviews(user=user):
            application = interview.application
            if application.vacancy_id not in blind_by_vacancy:
                blind_by_vacancy[application.vacancy_id] = application.vacancy.blind_review
            blind = blind_by_vacancy[application.vacancy_id] and interview_is_blind(
                application=application
            )
            seen = candidate_as_seen(application=application, blind=blind)
            title = vacancy_title_for_language(vacancy=application.vacancy, language=language)
            events.append(
                event_make(
                    interview=interview,
                    text=event_text(interview=interview, who=seen.name or seen.email, title=title),
                    organizer=organizer_of(interview),
                    attendees=[seen, *panel_people(list(interview.panel.all()))],
                )
            )
        return feed_ics(name=_("My interviews · Tremplin"), events=events)
