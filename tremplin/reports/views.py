"""The anonymous diversity questionnaire, public: /<language>/questionnaire/<token>/.

It opens from the link on the page that confirms an application. Nothing here knows which
application that was: the link carries the vacancy and a random value only.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from tremplin.reports import selectors, services
from tremplin.reports.forms import DiversityForm
from tremplin.vacancies.models import Vacancy


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def questionnaire(request: HttpRequest, token: str) -> HttpResponse:
    link = services.diversity_link_read(token=token)
    vacancy = (
        Vacancy.objects.select_related("organization").filter(pk=link.vacancy_id).first()
        if link is not None
        else None
    )
    if (
        link is None
        or vacancy is None
        or not selectors.diversity_enabled(organization=vacancy.organization)
    ):
        return render(request, "reports/questionnaire_unknown.html", status=404)
    form = DiversityForm(request.POST or None)
    context = {"form": form, "organization": vacancy.organization}
    if request.method != "POST":
        return render(request, "reports/questionnaire.html", context)
    if not form.is_valid():
        return render(request, "reports/questionnaire.html", context, status=400)
    if not services.diversity_answer_save(vacancy=vacancy, link=link, answers=form.answers()):
        return render(
            request, "reports/questionnaire_done.html", {**context, "again": True}, status=409
        )
    return render(request, "reports/questionnaire_done.html", context)
