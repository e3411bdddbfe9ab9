"""The candidate erases their data: asked from the status link, confirmed from an e-mail.

Opening the link changes nothing (mail scanners open links); its page's button erases.
Nothing about the person is kept for the pages that follow: no e-mail, no message naming
them, nothing in the session.
"""

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from tremplin.applications import selectors
from tremplin.applications.models import Application
from tremplin.applications.views import status_context, status_unknown
from tremplin.privacy.erasure import (
    ERASE_REQUEST_INTERVAL,
    EraseLink,
    erase_link_hours,
    erase_token_read,
    erasure_request_send,
    erasure_summary,
)
from tremplin.privacy.shredders import shred, subject_for_candidate


@never_cache
@require_POST
def erase_request(request: HttpRequest, token: str) -> HttpResponse:
    """Send the confirmation e-mail (at most one per interval), back to the status page."""
    application = selectors.application_get_by_token(token=token)
    if application is None:
        return status_unknown(request)
    if not erasure_request_send(application=application):
        minutes = int(ERASE_REQUEST_INTERVAL.total_seconds() // 60)
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
        context = {"organization": organization, "summary": erasure_summary(subject=subject)}
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
