"""Owners' privacy pages: the privacy settings, the record of processing (Art. 30), a copy
of a candidate's data made for them, and erasure.

Owners only: the copy holds everything about the person, reviewers' notes included. The
erasure page re-checks the owner's password (and authenticator code) on the spot and makes
them type the candidate's e-mail address. A refusal is logged; the erasure logs itself
(see ``erasure.shred``).
"""

from datetime import timedelta
from typing import Any, cast

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
    require_safe,
)

from tremplin.accounts.models import Organization
from tremplin.accounts.permissions import StaffRequest, staff_view
from tremplin.accounts.policy import OWNER
from tremplin.applications import selectors as application_selectors
from tremplin.core.audit import log_action
from tremplin.notices.record import processing_record
from tremplin.notices.services import PRIVACY_FIELDS, privacy_settings_update
from tremplin.privacy import selectors
from tremplin.privacy.erasure import shred
from tremplin.privacy.exports import data_export_open, data_export_request
from tremplin.privacy.forms import OwnerErasureForm, PrivacySettingsForm
from tremplin.privacy.models import DataExport
from tremplin.privacy.shredders import subject_for_candidate

# The rules run daily: two days without a run means nobody scheduled them, or they fail.
RETENTION_STALE_AFTER = timedelta(days=2)
RULE_LABELS = {
    selectors.NOT_RETAINED: _lazy("Not retained, or withdrew"),
    selectors.TALENT_POOL: _lazy("Talent pool"),
    selectors.HIRED: _lazy("Hired"),
}


@staff_view
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def privacy_settings(request: StaffRequest, org: str) -> HttpResponse:
    """Who the data controller is, how long data is kept, how decisions are made."""
    # The form writes into its instance while it validates: give it its own copy.
    instance = Organization.objects.get(pk=request.organization.pk)
    last_run = selectors.retention_last_run()
    outlook = selectors.retention_outlook(organization=request.organization)
    context: dict[str, Any] = {
        "last_run": last_run,
        "last_run_stale": last_run is not None
        and last_run < timezone.now() - RETENTION_STALE_AFTER,
        "outlook_days": outlook.days,
        "outlook": [
            (label, outlook.due_now[rule], outlook.due_soon[rule])
            for rule, label in RULE_LABELS.items()
        ],
    }
    if request.method != "POST":
        context["form"] = PrivacySettingsForm(instance=instance)
        return render(request, "privacy/staff_settings.html", context)
    form = context["form"] = PrivacySettingsForm(request.POST, instance=instance)
    if not form.is_valid():
        return render(request, "privacy/staff_settings.html", context, status=400)
    changed = privacy_settings_update(
        organization=request.organization,
        values={name: form.cleaned_data[name] for name in PRIVACY_FIELDS},
        decisions=form.decisions_statements(),
        by=request.user,
    )
    if changed:
        messages.success(request, _("The privacy settings were saved."))
    else:
        messages.info(request, _("Nothing changed."))
    return redirect("staff_privacy:settings", org=request.organization.slug)


@staff_view
@require_safe
def record(request: StaffRequest, org: str) -> HttpResponse:
    """The record of processing activities, as a page."""
    context = {"sections": processing_record(organization=request.organization)}
    return render(request, "privacy/staff_record.html", context)


@staff_view
@require_safe
def record_markdown(request: StaffRequest, org: str) -> HttpResponse:
    """The same record as a Markdown file, to keep with the organization's records."""
    organization = request.organization
    context = {
        "organization": organization,
        "sections": processing_record(organization=organization),
    }
    text = render_to_string("privacy/record.md", context, request=request)
    response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="record-of-processing-{organization.slug}-{stamp}.md"'
    )
    return response


# A copy of a candidate's data, made for them --------------------------------------------


@staff_view
@require_POST
def export_request(request: StaffRequest, org: str, application: int) -> HttpResponse:
    found = application_selectors.application_get_for_user(
        membership=request.membership, pk=application, roles=OWNER
    )
    data_export_request(
        candidate=found.candidate,
        organization=request.organization,
        requested_by=request.user,
        language=found.language,
        application=found,
    )
    messages.success(
        request,
        _(
            "A copy of the candidate’s data is being prepared, in their language. Download it "
            "from this page in a moment, then send it to them securely."
        ),
    )
    detail = reverse(
        "staff_applications:detail",
        kwargs={"org": request.organization.slug, "application": found.pk},
    )
    return redirect(detail + "#export")


@staff_view
@never_cache
@require_GET
def export_download(request: StaffRequest, org: str, export: int) -> HttpResponse:
    found = (
        DataExport.objects.select_related("organization")
        .filter(pk=export, organization=request.organization)
        .first()
    )
    if found is None:
        raise Http404("no such export")
    if not selectors.data_export_available(export=found):
        expired = found.status == DataExport.Status.READY
        context = {"export": found, "expired": expired}
        return render(
            request,
            "privacy/export_staff_unavailable.html",
            context,
            status=410 if expired else 409,
        )
    try:
        response = data_export_open(export=found, actor=request.user)
    except FileNotFoundError:
        raise Http404("the file is missing") from None
    return cast(HttpResponse, response)  # streamed, which staff_view passes on


# Erasure --------------------------------------------------------------------------------


@staff_view
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def erase(request: StaffRequest, org: str, application: int) -> HttpResponse:
    found = application_selectors.application_get_for_user(
        membership=request.membership, pk=application, roles=OWNER
    )
    subject = subject_for_candidate(candidate=found.candidate, organization=request.organization)
    data = request.POST if request.method == "POST" else None  # an empty POST is bound too
    form = OwnerErasureForm(data, user=request.user, candidate=found.candidate)
    if request.method == "POST":
        if form.is_valid():
            board = reverse(
                "staff_applications:board",
                kwargs={"org": request.organization.slug, "vacancy": found.vacancy.slug},
            )
            shred(subject=subject, actor=request.user, reason="owner")
            count = len(subject.application_ids)
            messages.success(
                request,
                ngettext(
                    "The candidate’s data was erased: %(count)d application.",
                    "The candidate’s data was erased: %(count)d applications.",
                    count,
                )
                % {"count": count},
            )
            return redirect(board)
        log_action(request.user, "erasure.refused", found, {"reason": form.refusal_reason()})
    context = {
        "application": found,
        "vacancy": found.vacancy,
        "candidate": found.candidate,
        "summary": selectors.erasure_summary(subject=subject),
        "form": form,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "privacy/erase_staff.html", context, status=status)
