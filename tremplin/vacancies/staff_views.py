"""The staff side of vacancies: the organization's list of vacancies."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from tremplin.accounts.permissions import EVERYONE, StaffRequest, staff_view, vacancies_for_member


@require_safe
@staff_view(roles=EVERYONE)
def vacancy_list(request: StaffRequest, org: str) -> HttpResponse:
    vacancies = (
        vacancies_for_member(membership=request.membership)
        .prefetch_related("texts")
        .order_by("status", "-created_at")
    )
    return render(request, "vacancies/staff/list.html", {"vacancies": vacancies})
