"""Owners export a candidate's data on their behalf: ask for the ZIP, download it.

Only owners: the ZIP holds everything about the person, reviewers' notes included.
"""

from typing import cast

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from tremplin.accounts.permissions import OWNER, StaffRequest, staff_view
from tremplin.applications import selectors
from tremplin.privacy.exports import data_export_available, data_export_open, data_export_request
from tremplin.privacy.models import DataExport


@staff_view(roles=OWNER)
@require_POST
def export_request(request: StaffRequest, org: str, application: int) -> HttpResponse:
    found = selectors.application_get_for_user(
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


@staff_view(roles=OWNER)
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
    if not data_export_available(export=found):
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
