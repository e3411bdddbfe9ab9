"""The anonymous diversity questionnaire, public: /<language>/questionnaire/<token>/.

It opens from the link on the page that confirms an application. Nothing here knows which
application that was: the link carries the vacancy and a random value only.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from tremplin.core.ratelimit import client_address, limit_attempt
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
    # Links come freely from the confirmation page: answers from one client address are
    # limited as applications are, so that no one can weigh on the figures by a script.
    attempt = limit_attempt(
        scope="reports.diversity.ip",
        value=client_address(request),
        rate=settings.TREMPLIN_APPLY_RATE_PER_IP,
    )
    if not attempt.allowed:
        return render(
            request, "reports/questionnaire.html", {**context, "limited": True}, status=429
        )
    if not services.diversity_answer_save(vacancy=vacancy, link=link, answers=form.answers()):
        return render(
            request, "reports/questionnaire_done.html", {**context, "again": True}, status=409
        )
    return render(request, "reports/questionnaire_done.html", context)
