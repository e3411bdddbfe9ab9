"""The reports of the workspace: /<language>/staff/<org>/reports/, for the organization or,
with ``?vacancy=SLUG``, one vacancy; each figure as CSV at ``reports/<figure>.csv``.

Reports are counts and durations, with no candidate's data in them: reading them is not an
event the audit log records.
"""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from tremplin.accounts.permissions import StaffRequest, staff_view
from tremplin.core.csv_export import csv_rows_stream
from tremplin.reports.figures import FIGURES
from tremplin.reports.selectors import Scope, diversity_enabled
from tremplin.reports.services import diversity_survey_set
from tremplin.reports.staff_forms import ScopeForm
from tremplin.vacancies.models import Vacancy


def _scope_form(request: StaffRequest) -> ScopeForm:
    vacancies = list(
        Vacancy.objects.filter(organization=request.organization)
        .prefetch_related("texts")
        .order_by("-created_at", "pk")
    )
    return ScopeForm(request.GET or None, vacancies=vacancies)


@staff_view
@never_cache
@require_safe
def report(request: StaffRequest, org: str) -> HttpResponse:
    form = _scope_form(request)
    if form.is_bound and not form.is_valid():
        return render(request, "reports/staff/report.html", {"form": form}, status=400)
    vacancy = form.chosen() if form.is_bound else None
    scope = Scope(organization=request.organization, vacancy=vacancy)
    return render(
        request,
        "reports/staff/report.html",
        {
            "form": form,
            "vacancy": vacancy,
            "figures": [make(scope) for make in FIGURES.values()],
            "query": request.GET.urlencode(),
            "diversity_on": diversity_enabled(organization=request.organization),
        },
    )


@staff_view
@require_POST
def diversity(request: StaffRequest, org: str) -> HttpResponse:
    """An owner offers the anonymous diversity questionnaire to those who apply, or stops."""
    enabled = request.POST.get("enabled") == "on"
    diversity_survey_set(organization=request.organization, enabled=enabled, by=request.user)
    messages.success(
        request,
        _("The anonymous questionnaire is now offered to those who apply.")
        if enabled
        else _("The anonymous questionnaire is no longer offered."),
    )
    return redirect("staff_reports:report", org=org)


@staff_view
@never_cache
@require_safe
def report_csv(request: StaffRequest, org: str, figure: str) -> HttpResponse:
    make = FIGURES.get(figure)
    form = _scope_form(request)
    if make is None:
        raise Http404
    if form.is_bound and not form.is_valid():
        return HttpResponse(
            " ".join(str(error) for error in form.errors.get("vacancy", [])),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    vacancy = form.chosen() if form.is_bound else None
    result = make(Scope(organization=request.organization, vacancy=vacancy))
    name = "-".join(filter(None, ["report", figure, org, vacancy.slug if vacancy else ""]))
    # A figure is a few dozen rows at most: written whole.
    response = HttpResponse(
        "".join(csv_rows_stream(result.csv_rows)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response
