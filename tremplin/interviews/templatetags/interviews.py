"""Interviews on pages of the floors below, which cannot import this app: the candidate's
status page, the staff's application page and their account page (the calendar feed and
the scorecards waiting for them) load this library."""

from typing import Any
from zoneinfo import ZoneInfo

from django import template
from django.conf import settings
from django.urls import reverse

from tremplin.applications.models import Application
from tremplin.interviews.forms import RescheduleRequestForm
from tremplin.interviews.mails import interview_is_blind, scorecard_url, when_text
from tremplin.interviews.models import Interview
from tremplin.interviews.selectors import (
    calendar_feed_token,
    interviews_for_candidate,
    interviews_of_application,
    scorecards_due,
)
from tremplin.review.selectors import candidate_label

register = template.Library()


def _slots(interview: Interview) -> list[dict[str, str]]:
    zone = ZoneInfo(interview.timezone)
    return [
        {
            "value": slot.start.astimezone(zone).isoformat(),
            "label": when_text(interview=interview, start=slot.start),
        }
        for slot in interview.slots.all()
    ]


@register.inclusion_tag("interviews/_status.html", takes_context=True)
def interviews_for_status(
    context: template.Context, application: Application, token: str
) -> dict[str, Any]:
    errors = context.get("interview_errors") or {}
    items = [
        {
            "interview": interview,
            "slots": _slots(interview) if interview.status == Interview.Status.OFFERED else [],
            "when": when_text(interview=interview, start=interview.start)
            if interview.start
            else "",
            "error": errors.get(interview.pk, ""),
        }
        for interview in interviews_for_candidate(application=application)
    ]
    return {
        "items": items,
        "token": token,
        "request_form": RescheduleRequestForm(),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("interviews/staff/_application.html", takes_context=True)
def interviews_for_staff(context: template.Context, application: Application) -> dict[str, Any]:
    items = [
        {
            "interview": interview,
            "slots": [when_text(interview=interview, start=s.start) for s in interview.slots.all()],
            "when": when_text(interview=interview, start=interview.start)
            if interview.start
            else "",
        }
        for interview in interviews_of_application(application=application)
    ]
    return {
        "items": items,
        "application": application,
        "org": application.vacancy.organization.slug,
    }


@register.inclusion_tag("interviews/_account_feed.html", takes_context=True)
def calendar_feed(context: template.Context) -> dict[str, Any]:
    user = context["request"].user
    path = reverse("interview_feeds:feed", kwargs={"token": calendar_feed_token(user=user)})
    due = [
        {
            "url": scorecard_url(interview),
            "who": candidate_label(interview.application)
            if interview_is_blind(application=interview.application)
            else interview.application.candidate.name or candidate_label(interview.application),
            "when": when_text(interview=interview, start=interview.start),
        }
        for interview in scorecards_due(user=user)
        if interview.start is not None
    ]
    return {
        "feed_url": settings.SITE_URL + path,
        "csrf_token": context.get("csrf_token"),
        "scorecards_due": due,
    }
