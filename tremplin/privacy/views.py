"""Privacy pages for candidates and the public: the organization's privacy notice, and the
candidate's own pages under their status link.

The status link is the candidate's key: an export is served only to the link of an
application of the same candidate at the same organization, while it has not expired.
Erasure is asked from the status link and confirmed from an e-mail; opening that link
changes nothing (mail scanners open links), its page's button erases. Nothing about the
person is kept for the pages that follow: no e-mail, no message naming them, nothing in
the session. The talent pool's renewal link is the candidate's signed status token too; a
GET only shows the page, the buttons POST.
"""

import uuid
from typing import cast

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
    require_safe,
)

from tremplin.applications import selectors as application_selectors
from tremplin.applications.models import Application
from tremplin.applications.tokens import EraseLink, erase_link_hours, erase_token_read
from tremplin.applications.views import status_context, status_unknown
from tremplin.notices import texts as notices
from tremplin.privacy import selectors, services
from tremplin.privacy.erasure import shred
from tremplin.privacy.exports import (
    EXPORT_LIFETIME,
    ExportTooSoon,
    data_export_open,
    data_export_request,
)
from tremplin.privacy.models import DataExport
from tremplin.privacy.shredders import subject_for_candidate
from tremplin.vacancies.selectors import organization_get, vacancy_title_for_language

STAY = "stay"
LEAVE = "leave"


@require_safe
def organization_privacy(request: HttpRequest, org: str) -> HttpResponse:
    organization = organization_get(slug=org)
    if organization is None:
        raise Http404("no such organization")
    context = {
        "organization": organization,
        "sections": notices.privacy_notice(organization=organization),
    }
    return render(request, "privacy/organization.html", context)


# The copy of their data -----------------------------------------------------------------


@never_cache
@require_POST
def export_request(request: HttpRequest, token: str) -> HttpResponse:
    application = application_selectors.application_get_by_token(token=token)
    if application is None:
        return status_unknown(request)
    try:
        data_export_request(
            candidate=application.candidate,
            organization=application.vacancy.organization,
            requested_by=None,
            language=translation.get_language() or application.language,
            application=application,
        )
    except ExportTooSoon as refused:
        context = status_context(application, token)
        context["export_error"] = selectors.export_too_soon_message(next_at=refused.next_at)
        return render(request, "applications/status.html", context, status=429)
    messages.success(
        request,
        _(
            "Your copy of your data is being prepared. We will e-mail you when it is ready; "
            "you will download it from this page."
        ),
    )
    return redirect("applications:status", token=token)


@never_cache
@require_GET
def export_download(request: HttpRequest, token: str, export: uuid.UUID) -> HttpResponse:
    application = application_selectors.application_get_by_token(token=token)
    if application is None:
        return status_unknown(request)
    found = (
        DataExport.objects.select_related("organization")
        .filter(
            public_id=export,
            candidate=application.candidate,
            organization=application.vacancy.organization,
        )
        .first()
    )
    context = {"token": token, "lifetime_days": EXPORT_LIFETIME.days}
    if found is None:
        return render(request, "privacy/export_unavailable.html", context, status=404)
    if found.status != DataExport.Status.READY:
        return redirect("applications:status", token=token)  # the page says where it is
    if not selectors.data_export_available(export=found):
        context["expired"] = True
        return render(request, "privacy/export_unavailable.html", context, status=410)
    try:
        response = data_export_open(export=found, actor=None)
    except FileNotFoundError:
        return render(request, "privacy/export_unavailable.html", context, status=404)
    return cast(HttpResponse, response)  # streamed


# Erasure --------------------------------------------------------------------------------


@never_cache
@require_POST
def erase_request(request: HttpRequest, token: str) -> HttpResponse:
    """Send the confirmation e-mail (at most one per interval), back to the status page."""
    application = application_selectors.application_get_by_token(token=token)
    if application is None:
        return status_unknown(request)
    if not services.erasure_request_send(application=application):
        minutes = int(services.ERASE_REQUEST_INTERVAL.total_seconds() // 60)
        context = status_context(application, token)
        context["erase_error"] = ngettext(
            "We already sent you an e-mail to confirm a few minutes ago: look for it in your "
            "inbox (and your spam folder). If it has not arrived, you can ask again "
            "%(minutes)d minute after your last request.",
            "We already sent you an e-mail to confirm a few minutes ago: look for it in your "
            "inbox (and your spam folder). If it has not arrived, you can ask again "
            "%(minutes)d minutes after your last request.",
            minutes,
        ) % {"minutes": minutes}
        return render(request, "applications/status.html", context, status=429)
    messages.success(
        request,
        ngettext(
            "We sent you an e-mail to confirm the erasure. Open the link in it within "
            "%(hours)d hour.",
            "We sent you an e-mail to confirm the erasure. Open the link in it within "
            "%(hours)d hours.",
            erase_link_hours(),
        )
        % {"hours": erase_link_hours()},
    )
    return redirect("applications:status", token=token)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def erase_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET: what the erasure takes away, and one button. POST: erase."""
    link = erase_token_read(token=token)
    if link.state is EraseLink.BAD or link.public_id is None:
        return status_unknown(request)
    if link.state is EraseLink.EXPIRED:
        hours = {"hours": erase_link_hours()}
        return render(request, "privacy/erase_expired.html", hours, status=410)
    if request.method != "POST":
        application = (
            Application.objects.select_related("candidate", "vacancy__organization")
            .filter(public_id=link.public_id)
            .first()
        )
        if application is None:
            return render(request, "privacy/erase_nothing.html")
        organization = application.vacancy.organization
        subject = subject_for_candidate(candidate=application.candidate, organization=organization)
        context = {
            "organization": organization,
            "summary": selectors.erasure_summary(subject=subject),
        }
        return render(request, "privacy/erase_confirm.html", context)
    with transaction.atomic():
        # Two presses at once: the second waits, then finds nothing left.
        locked = Application.objects.select_for_update().filter(public_id=link.public_id).first()
        if locked is None:
            return render(request, "privacy/erase_nothing.html")
        application = Application.objects.select_related("candidate", "vacancy__organization").get(
            pk=locked.pk
        )
        organization = application.vacancy.organization
        subject = subject_for_candidate(candidate=application.candidate, organization=organization)
        shred(subject=subject, actor=None, reason="candidate")
    return render(request, "privacy/erase_done.html", {"organization": organization})


# The talent pool renewal ----------------------------------------------------------------


def _page(
    request: HttpRequest,
    application: Application,
    token: str,
    *,
    error: str = "",
    leave_error: str = "",
    status: int = 200,
) -> HttpResponse:
    organization = application.vacancy.organization
    candidate = application.candidate
    language = translation.get_language() or settings.LANGUAGE_CODE
    pool = selectors.candidate_talent_pool(candidate=candidate, organization=organization)
    rows = []
    for pooled in pool:
        rows.append(
            {
                "application": pooled,
                "title": vacancy_title_for_language(vacancy=pooled.vacancy, language=language),
            }
        )
    context = {
        "organization": organization,
        "token": token,
        "pool": rows,
        "expiry": selectors.candidate_talent_pool_expiry(
            candidate=candidate, organization=organization
        )
        if pool
        else None,
        "months": organization.talent_pool_months,
        "retention_months": organization.retention_months,
        "error": error,
        "leave_error": leave_error,
    }
    return render(request, "privacy/talent_pool_stay.html", context, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def talent_pool_stay(request: HttpRequest, token: str) -> HttpResponse:
    application = application_selectors.application_get_by_token(token=token)
    if application is None:
        return status_unknown(request)
    if request.method != "POST":
        return _page(request, application, token)

    organization = application.vacancy.organization
    not_in_pool = _("None of your applications is in this organization’s talent pool.")
    if not selectors.candidate_talent_pool(
        candidate=application.candidate, organization=organization
    ):
        return _page(request, application, token, error=not_in_pool, status=400)
    action = request.POST.get("action")
    if action == STAY:
        expiry = services.talent_pool_renew(application=application, now=timezone.now())
        if expiry is None:  # erased or left in the meantime
            return _page(request, application, token, error=not_in_pool, status=400)
        messages.success(
            request,
            _("Thank you: your application stays in the talent pool until %(date)s.")
            % {"date": formats.date_format(timezone.localtime(expiry), "DATE_FORMAT")},
        )
        return redirect("privacy:talent_pool_stay", token=token)
    if action == LEAVE:
        if request.POST.get("confirm") != "yes":
            return _page(
                request,
                application,
                token,
                leave_error=_("Tick the box to confirm that you leave the talent pool."),
                status=400,
            )
        if not services.talent_pool_leave(application=application):
            return _page(request, application, token, error=not_in_pool, status=400)
        months = organization.retention_months
        messages.success(
            request,
            ngettext(
                "You left the talent pool of %(organization)s. Your applications there will "
                "be erased %(months)s month after the end of their recruitment, or in the "
                "next days if that time has passed.",
                "You left the talent pool of %(organization)s. Your applications there will "
                "be erased %(months)s months after the end of their recruitment, or in the "
                "next days if that time has passed.",
                months,
            )
            % {"organization": organization.name, "months": months},
        )
        return redirect("privacy:talent_pool_stay", token=token)
    return _page(
        request, application, token, error=_("Choose one of the buttons on this page."), status=400
    )
