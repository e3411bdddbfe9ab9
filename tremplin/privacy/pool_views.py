"""The talent pool's renewal link: the candidate keeps their data there, or leaves.

The link is the candidate's signed status token. A GET only shows the page (mail scanners
open links); the buttons POST.
"""

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from tremplin.applications.models import Application
from tremplin.applications.selectors import application_get_by_token
from tremplin.applications.views import status_unknown
from tremplin.privacy import retention
from tremplin.vacancies.selectors import vacancy_title_for_language

STAY = "stay"
LEAVE = "leave"


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
    pool = retention.candidate_talent_pool(candidate=candidate, organization=organization)
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
        "expiry": retention.candidate_talent_pool_expiry(
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
    application = application_get_by_token(token=token)
    if application is None:
        return status_unknown(request)
    if request.method != "POST":
        return _page(request, application, token)

    organization = application.vacancy.organization
    not_in_pool = _("None of your applications is in this organization’s talent pool.")
    if not retention.candidate_talent_pool(
        candidate=application.candidate, organization=organization
    ):
        return _page(request, application, token, error=not_in_pool, status=400)
    action = request.POST.get("action")
    if action == STAY:
        expiry = retention.talent_pool_renew(application=application, now=timezone.now())
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
        if not retention.talent_pool_leave(application=application):
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
