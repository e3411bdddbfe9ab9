"""The public privacy page of each organization: its full privacy notice (GDPR Art. 13)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from tremplin.privacy import notices
from tremplin.vacancies.selectors import organization_get


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
