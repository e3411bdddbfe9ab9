"""Staff pages of interviews, under /<language>/staff/<org>/applications/<id>/interviews/:
schedule one, move it, cancel it. The application's page lists them (``templatetags``)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from tremplin.accounts.permissions import StaffRequest, staff_view
from tremplin.applications.models import Application
from tremplin.applications.selectors import application_get_for_user
from tremplin.interviews import services
from tremplin.interviews.forms import RescheduleForm, ScheduleForm
from tremplin.interviews.models import MAX_SLOTS
from tremplin.interviews.selectors import interview_get_for_user


def _application_url(application: Application) -> str:
    url = reverse(
        "staff_applications:detail",
        kwargs={"org": application.vacancy.organization.slug, "application": application.pk},
    )
    return f"{url}#interviews-heading"


@staff_view
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def new(request: StaffRequest, org: str, application: int) -> HttpResponse:
    found = application_get_for_user(membership=request.membership, pk=application)
    form = ScheduleForm(
        request.POST or None,
        organization=request.organization,
        initial={"timezone": "Europe/Paris", "panel": [request.user.pk]},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.interview_schedule(
            application=found,
            by=request.user,
            kind=data["kind"],
            duration_minutes=data["duration_minutes"],
            location=data["location"],
            panel=list(data["panel"]),
            starts=form.starts,
            timezone_name=data["timezone"],
            fixed=data["fixed"],
        )
        messages.success(
            request,
            _("The invitation is on its way to the candidate and the panel.")
            if data["fixed"]
            else _("The candidate is asked to choose one of the times."),
        )
        return redirect(_application_url(found))
    slots = request.POST.getlist("slot") if request.method == "POST" else []
    context = {
        "application": found,
        "candidate": found.candidate,
        "form": form,
        "slot_values": slots + [""] * (MAX_SLOTS - len(slots)),
    }
    return render(request, "interviews/staff/new.html", context, status=400 if form.errors else 200)


@staff_view
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def reschedule(request: StaffRequest, org: str, application: int, interview: int) -> HttpResponse:
    found = interview_get_for_user(
        membership=request.membership, application=application, pk=interview
    )
    form = RescheduleForm(request.POST or None, interview=found)
    if request.method == "POST" and form.is_valid() and form.start is not None:
        try:
            services.interview_reschedule(interview=found, start=form.start, by=request.user)
        except ValidationError as error:
            form.add_error("slot", error)
        else:
            messages.success(request, _("The interview is moved; everyone is told."))
            return redirect(_application_url(found.application))
    context = {"interview": found, "application": found.application, "form": form}
    return render(
        request, "interviews/staff/reschedule.html", context, status=400 if form.errors else 200
    )


@staff_view
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def cancel(request: StaffRequest, org: str, application: int, interview: int) -> HttpResponse:
    found = interview_get_for_user(
        membership=request.membership, application=application, pk=interview
    )
    error = ""
    if request.method == "POST":
        try:
            services.interview_cancel(interview=found, by=request.user)
        except ValidationError as refusal:
            error = " ".join(refusal.messages)
        else:
            messages.success(request, _("The interview is cancelled; everyone is told."))
            return redirect(_application_url(found.application))
    context = {"interview": found, "application": found.application, "error": error}
    return render(request, "interviews/staff/cancel.html", context, status=400 if error else 200)
