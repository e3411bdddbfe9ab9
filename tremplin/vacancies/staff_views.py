"""The staff side of vacancies: the organization's list, a vacancy's editor (its fields and
texts, publishing, reviewers) and the helpers every editor page shares. Importing is in
``import_staff_views``, criteria and questions in ``item_staff_views``.

Every view is wrapped in ``staff_view`` first; the editor is for owners and recruiters
(reviewers get a 404, as outsiders do), the list for every member. Objects are loaded
through ``selectors.*_get_for_user`` / ``vacancy_get_for_editor``, scoped to the
organization in the address. Writes go through ``services``, which log them.
"""

import copy
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from tremplin.accounts.permissions import StaffRequest, staff_view
from tremplin.accounts.policy import MANAGERS
from tremplin.core.confirm import Confirmation, confirmation_page, confirmed
from tremplin.core.language import language_name
from tremplin.core.markdown import render_markdown
from tremplin.core.pagination import page_of
from tremplin.vacancies import selectors, services
from tremplin.vacancies.checks import title_gender_warnings
from tremplin.vacancies.models import Vacancy, VacancyText
from tremplin.vacancies.staff_forms import (
    PreviewForm,
    ReviewersForm,
    VacancyForm,
    VacancyTextForm,
    bound_text,
)

GET_POST = ["GET", "HEAD", "POST"]


def editor_url(name: str, vacancy: Vacancy, anchor: str = "") -> str:
    url = reverse(
        f"staff_vacancies:{name}",
        kwargs={"org": vacancy.organization.slug, "vacancy": vacancy.slug},
    )
    return f"{url}#{anchor}" if anchor else url


def editor_context(vacancy: Vacancy, section: str) -> dict[str, Any]:
    """What every page of one vacancy's editor shows above its own content."""
    texts = list(vacancy.texts.all())
    return {
        "vacancy": vacancy,
        "vacancy_title": selectors.vacancy_title_for_language(vacancy=vacancy),
        "section": section,
        "languages": [language_name(text.language) for text in texts],
        "criteria_count": vacancy.criteria.count(),
        "questions_count": vacancy.questions.count(),
        "reviewers_count": vacancy.reviewers.count(),
        "public_url": vacancy.get_absolute_url()
        if vacancy.status != Vacancy.Status.DRAFT
        else None,
    }


# --- The list ----------------------------------------------------------------------------


@staff_view
@require_safe
def vacancy_list(request: StaffRequest, org: str) -> HttpResponse:
    paged = page_of(request, selectors.vacancy_list_for_member(membership=request.membership))
    rows = [
        {
            "vacancy": vacancy,
            "languages": selectors.vacancy_text_languages(vacancy=vacancy),
            "public_url": vacancy.get_absolute_url()
            if vacancy.status != Vacancy.Status.DRAFT
            else None,
        }
        for vacancy in paged["page"].object_list
    ]
    context = {**paged, "rows": rows, "can_edit": request.membership.role in MANAGERS}
    return render(request, "vacancies/staff/list.html", context)


# --- A vacancy's fields and texts --------------------------------------------------------


def _text_initial(text: VacancyText | None) -> dict[str, str]:
    if text is None:
        return {}
    return {"title": text.title, "summary": text.summary, "body": text.body}


def _vacancy_page(request: StaffRequest, vacancy: Vacancy | None) -> HttpResponse:
    """The form of a new vacancy (``vacancy`` None) or of an existing one."""
    editing = vacancy is not None
    instance = copy.copy(vacancy) if vacancy is not None else None
    if instance is None:
        instance = Vacancy(organization=request.organization)
    existing = {text.language: text for text in vacancy.texts.all()} if vacancy else {}
    data = request.POST if request.method == "POST" else None
    form = VacancyForm(data, instance=instance)
    text_forms = [
        VacancyTextForm(
            data,
            language=code,
            exists=code in existing,
            initial=_text_initial(existing.get(code)),
        )
        for code, _name in settings.LANGUAGES
    ]
    refusals: list[str] = []
    status = 200
    if request.method == "POST" and "preview" not in request.POST:
        valid = form.is_valid() & all([text_form.is_valid() for text_form in text_forms])
        texts = {text_form.language: text_form.text_fields() for text_form in text_forms}
        if valid and not any(texts.values()):
            refusals.append(
                _("A vacancy needs a text in at least one language: give it a title and a body.")
            )
        elif valid:
            try:
                saved = services.vacancy_save(
                    vacancy=form.instance, texts=texts, actor=request.user
                )
            except ValidationError as error:
                refusals.extend(error.messages)
            else:
                title = selectors.vacancy_title_for_language(vacancy=saved)
                done = _("Saved “%(title)s”.") if editing else _("Created the draft “%(title)s”.")
                messages.success(request, done % {"title": title})
                return redirect(editor_url("edit", saved))
        status = 400
    previews: dict[str, SafeString] = {}
    french_title = ""
    for text_form in text_forms:
        body = bound_text(text_form, "body")
        previews[text_form.language] = render_markdown(body, top_heading_level=4)
        if text_form.language == "fr":
            french_title = bound_text(text_form, "title")
    context: dict[str, Any] = {
        "form": form,
        "text_forms": [(text_form, previews[text_form.language]) for text_form in text_forms],
        "refusals": refusals,
        "has_errors": any(text_form.errors for text_form in text_forms),
        "title_warnings": title_gender_warnings(french_title) if french_title.strip() else [],
        "previewing": "preview" in request.POST,
    }
    if vacancy is not None:
        context.update(editor_context(vacancy, "details"))
        context["publish_problems"] = (
            services.vacancy_publish_problems(vacancy=vacancy)
            if vacancy.status == Vacancy.Status.DRAFT
            else []
        )
    return render(request, "vacancies/staff/edit.html", context, status=status)


@staff_view
@require_http_methods(GET_POST)
def vacancy_create(request: StaffRequest, org: str) -> HttpResponse:
    return _vacancy_page(request, None)


@staff_view
@require_http_methods(GET_POST)
def vacancy_edit(request: StaffRequest, org: str, vacancy: str) -> HttpResponse:
    found = selectors.vacancy_get_for_editor(membership=request.membership, slug=vacancy)
    return _vacancy_page(request, found)


@staff_view
@require_POST
def markdown_preview(request: StaffRequest, org: str) -> HttpResponse:
    """The Markdown in ``body`` as the public page shows it (the editor's live preview)."""
    form = PreviewForm(request.POST)
    if not form.is_valid():
        return HttpResponse(
            _("The text is too long to preview."), status=400, content_type="text/plain"
        )
    html = render_markdown(form.cleaned_data["body"], top_heading_level=4)
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response


# --- Publishing ----------------------------------------------------------------------------


def _back(request: StaffRequest, vacancy: Vacancy) -> HttpResponseRedirect:
    wanted = request.POST.get("next", "")
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return HttpResponseRedirect(wanted)
    return HttpResponseRedirect(editor_url("edit", vacancy))


def _status_change(request: StaffRequest, slug: str, action: str) -> HttpResponse:
    vacancy = selectors.vacancy_get_for_editor(membership=request.membership, slug=slug)
    title = selectors.vacancy_title_for_language(vacancy=vacancy)
    try:
        services.vacancy_status_change(vacancy=vacancy, action=action, actor=request.user)
    except ValidationError as error:
        intro = {
            services.PUBLISH: _("“%(title)s” was not published:"),
            services.CLOSE: _("“%(title)s” was not closed:"),
            services.REOPEN: _("“%(title)s” was not reopened:"),
        }[action]
        messages.error(request, intro % {"title": title})
        for problem in error.messages:
            messages.error(request, problem)
    else:
        done = {
            services.PUBLISH: _("“%(title)s” is published on the careers site."),
            services.CLOSE: _("“%(title)s” is closed: it no longer takes applications."),
            services.REOPEN: _("“%(title)s” is open again."),
        }[action]
        messages.success(request, done % {"title": title})
    return _back(request, vacancy)


@staff_view
@require_POST
def vacancy_publish(request: StaffRequest, org: str, vacancy: str) -> HttpResponse:
    return _status_change(request, vacancy, services.PUBLISH)


@staff_view
@require_POST
def vacancy_close(request: StaffRequest, org: str, vacancy: str) -> HttpResponse:
    """Closing asks first (``core.confirm``): candidates lose the form at once."""
    if not confirmed(request):
        found = selectors.vacancy_get_for_editor(membership=request.membership, slug=vacancy)
        title = selectors.vacancy_title_for_language(vacancy=found)
        return confirmation_page(
            request,
            Confirmation(
                question=_("Close “%(title)s”?") % {"title": title},
                consequences=[
                    _(
                        "The careers site will say that the vacancy is closed, and it will take no "
                        "new applications from that moment."
                    ),
                    _("The applications already received stay in the pipeline."),
                    _("No e-mail is sent to anyone."),
                    _("You can reopen it later, as long as its deadline has not passed."),
                ],
                button=_("Yes, close it"),
                cancel_url=_back(request, found).url,
            ),
        )
    return _status_change(request, vacancy, services.CLOSE)


@staff_view
@require_POST
def vacancy_reopen(request: StaffRequest, org: str, vacancy: str) -> HttpResponse:
    return _status_change(request, vacancy, services.REOPEN)


# --- Reviewers -----------------------------------------------------------------------------


@staff_view
@require_http_methods(GET_POST)
def vacancy_reviewers(request: StaffRequest, org: str, vacancy: str) -> HttpResponse:
    found = selectors.vacancy_get_for_editor(membership=request.membership, slug=vacancy)
    members = list(selectors.organization_members(organization=request.organization))
    current = [str(pk) for pk in found.reviewers.values_list("pk", flat=True)]
    data = request.POST if request.method == "POST" else None
    form = ReviewersForm(data, members=members, initial={"reviewers": current})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            services.vacancy_reviewers_set(vacancy=found, users=form.users(), actor=request.user)
            title = selectors.vacancy_title_for_language(vacancy=found)
            messages.success(request, _("Saved the reviewers of “%(title)s”.") % {"title": title})
            return redirect(editor_url("reviewers", found))
        status = 400
    context = editor_context(found, "reviewers")
    context["form"] = form
    return render(request, "vacancies/staff/reviewers.html", context, status=status)
