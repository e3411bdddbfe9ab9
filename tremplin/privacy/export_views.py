"""The candidate's copy of their data, from their status link: ask for it, download it.

The status link is the candidate's key: an export is served only to the link of an
application of the same candidate at the same organization, while it has not expired.
"""

import uuid
from typing import cast

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from tremplin.applications import selectors
from tremplin.applications.views import status_context, status_unknown
from tremplin.privacy.exports import (
    EXPORT_LIFETIME,
    ExportTooSoon,
    data_export_available,
    data_export_open,
    data_export_request,
    export_too_soon_message,
)
from tremplin.privacy.models import DataExport


@never_cache
@require_POST
def export_request(request: HttpRequest, token: str) -> HttpResponse:
    application = selectors.application_get_by_token(token=token)
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
        context["export_error"] = export_too_soon_message(next_at=refused.next_at)
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
    application = selectors.application_get_by_token(token=token)
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
    if not data_export_available(export=found):
        context["expired"] = True
        return render(request, "privacy/export_unavailable.html", context, status=410)
    try:
        response = data_export_open(export=found, actor=None)
    except FileNotFoundError:
        return render(request, "privacy/export_unavailable.html", context, status=404)
    return cast(HttpResponse, response)  # streamed
