"""The candidate's side of interviews, under their private status link (no login: the link
is the key), and a staff member's calendar feed (no login either: calendar apps cannot)."""

from datetime import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from tremplin.applications.selectors import application_get_by_token
from tremplin.applications.views import status_context, status_unknown
from tremplin.interviews import services
from tremplin.interviews.feeds import calendar_feed_build
from tremplin.interviews.forms import RescheduleRequestForm
from tremplin.interviews.selectors import calendar_feed_user, interview_for_candidate


def _status_again(
    request: HttpRequest, application: object, token: str, interview: int, error: str
) -> HttpResponse:
    """The status page again, with the error beside the interview's form."""
    context = status_context(application, token)  # type: ignore[arg-type]
    context["interview_errors"] = {interview: error}
    return render(request, "applications/status.html", context, status=400)


@never_cache
@require_POST
def pick(request: HttpRequest, token: str, interview: int) -> HttpResponse:
    """The candidate chooses one of the times offered (``slot``: its start in ISO 8601)."""
    application = application_get_by_token(token=token)
    if application is None:
        return status_unknown(request)
    found = interview_for_candidate(application=application, pk=interview)
    if found is None:
        raise Http404("no such interview")
    value = request.POST.get("slot", "")
    try:
        start = datetime.fromisoformat(value)
        if start.tzinfo is None:
            raise ValueError(value)
    except ValueError:
        return _status_again(
            request, application, token, interview, _("Choose one of the times offered.")
        )
    try:
        services.interview_pick(interview=found, start=start)
    except ValidationError as error:
        return _status_again(request, application, token, interview, " ".join(error.messages))
    messages.success(
        request, _("Thank you: the interview is set. An invitation is on its way to you.")
    )
    return redirect("applications:status", token=token)


@never_cache
@require_POST
def reschedule_request(request: HttpRequest, token: str, interview: int) -> HttpResponse:
    """The candidate asks for another time, with their reason."""
    application = application_get_by_token(token=token)
    if application is None:
        return status_unknown(request)
    found = interview_for_candidate(application=application, pk=interview)
    if found is None:
        raise Http404("no such interview")
    form = RescheduleRequestForm(request.POST)
    if not form.is_valid():
        return _status_again(
            request, application, token, interview, " ".join(str(e) for e in form.errors["reason"])
        )
    try:
        services.reschedule_request_make(interview=found, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        return _status_again(request, application, token, interview, " ".join(error.messages))
    messages.success(request, _("Your request is sent: the organization will propose a time."))
    return redirect("applications:status", token=token)


@never_cache
@require_safe
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """A staff member's interviews as an iCalendar feed, at a secret address."""
    user = calendar_feed_user(token=token)
    if user is None:
        raise Http404("no such calendar")
    response = HttpResponse(calendar_feed_build(user=user), content_type="text/calendar")
    response["Content-Disposition"] = 'inline; filename="interviews.ics"'
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
@require_POST
def feed_revoke(request: HttpRequest) -> HttpResponse:
    services.calendar_feed_revoke(user=request.user)  # type: ignore[arg-type]
    messages.success(request, _("Your calendar address is replaced: the old one no longer works."))
    return redirect("accounts:home")
