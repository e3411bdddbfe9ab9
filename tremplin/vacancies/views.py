"""The public careers site: the job board, each organization's page, each vacancy's page."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from tremplin.accounts.models import Organization
from tremplin.core.markdown import render_markdown
from tremplin.vacancies import jsonld, selectors
from tremplin.vacancies.forms import BoardFilterForm
from tremplin.vacancies.models import Vacancy, VacancyText


def _cards(vacancies: list[Vacancy]) -> list[tuple[Vacancy, VacancyText | None]]:
    """Each vacancy with its text in the visitor's language, or the one it has."""
    language = translation.get_language()
    return [
        (vacancy, selectors.vacancy_text_for_language(vacancy=vacancy, language=language))
        for vacancy in vacancies
    ]


def _vacancy_url(vacancy: Vacancy, language: str) -> str:
    with translation.override(language):
        return reverse(
            "vacancies:vacancy",
            kwargs={"org": vacancy.organization.slug, "vacancy": vacancy.slug},
        )


def _organization_or_404(slug: str) -> Organization:
    organization = selectors.organization_get(slug=slug)
    if organization is None:
        raise Http404("no such organization")
    return organization


@require_safe
def board(request: HttpRequest) -> HttpResponse:
    form = BoardFilterForm(request.GET)
    vacancies = list(selectors.vacancy_list_published(**form.filters()))
    context = {
        "form": form,
        "cards": _cards(vacancies),
        "locations": selectors.vacancy_locations_published(),
        "filtered": any(value for value in request.GET.values()),
    }
    return render(request, "vacancies/board.html", context, status=400 if form.errors else 200)


@require_safe
def organization(request: HttpRequest, org: str) -> HttpResponse:
    organization = _organization_or_404(org)
    vacancies = list(selectors.vacancy_list_published(organization=organization))
    context = {
        "organization": organization,
        "about_html": render_markdown(organization.about, top_heading_level=2),
        "cards": _cards(vacancies),
    }
    return render(request, "vacancies/organization.html", context)


@require_safe
def vacancy(request: HttpRequest, org: str, vacancy: str) -> HttpResponse:
    found = selectors.vacancy_get_public(organization_slug=org, vacancy_slug=vacancy)
    if found is None:
        raise Http404("no such vacancy")
    language = translation.get_language()
    text = selectors.vacancy_text_for_language(vacancy=found, language=language)
    if found.status == Vacancy.Status.CLOSED:
        closed = {"vacancy": found, "text": text, "organization": found.organization}
        return render(request, "vacancies/vacancy_closed.html", closed, status=410)
    if text is None:
        raise Http404("the vacancy has no text")
    languages = selectors.vacancy_text_languages(vacancy=found)
    urls = {code: _vacancy_url(found, code) for code in languages}
    context: dict[str, Any] = {
        "vacancy": found,
        "organization": found.organization,
        "text": text,
        "body_html": render_markdown(text.body, top_heading_level=2),
        "other_languages": [(code, urls[code]) for code in languages if code != text.language],
        "alternates": [(code, request.build_absolute_uri(urls[code])) for code in languages],
        "jobposting": jsonld.jsonld_script(
            jsonld.vacancy_jobposting(
                vacancy=found, text=text, url=request.build_absolute_uri(urls[text.language])
            )
        ),
    }
    return render(request, "vacancies/vacancy.html", context)


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
