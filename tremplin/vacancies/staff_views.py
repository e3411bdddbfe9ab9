"""The staff side of vacancies: the organization's list, the editor, imports and publishing.

Every view is wrapped in ``staff_view`` first; the editor is for owners and recruiters
(reviewers get a 404, as outsiders do), the list for every member. Objects are loaded
through ``selectors.*_get_for_user`` / ``vacancy_get_for_editor``, scoped to the
organization in the address. Writes go through ``services``, which log them.
"""

import copy
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from tremplin.accounts.permissions import EVERYONE, MANAGERS, StaffRequest, staff_view
from tremplin.core.markdown import render_markdown
from tremplin.vacancies import selectors, services
from tremplin.vacancies.checks import pay_history_warning, title_gender_warnings
from tremplin.vacancies.importing import (
    MAX_POSTING_BYTES,
    ParsedPosting,
    PostingError,
    parse_posting,
    posting_text_from_bytes,
)
from tremplin.vacancies.importing.criteria import MUST, NICE, QUALITY
from tremplin.vacancies.importing.evidence import explained_rows
from tremplin.vacancies.importing.pairing import pairing_decide
from tremplin.vacancies.importing.reading import posting_too_large
from tremplin.vacancies.importing.report import criteria_counts, posting_fields
from tremplin.vacancies.importing.textutil import language_name
from tremplin.vacancies.models import Criterion, Question, Vacancy, VacancyText
from tremplin.vacancies.staff_forms import (
    CriterionForm,
    CriterionTextForm,
    ImportConfirmForm,
    ImportForm,
    MoveForm,
    PreviewForm,
    QuestionForm,
    QuestionTextForm,
    ReviewersForm,
    VacancyForm,
    VacancyTextForm,
)

GET_POST = ["GET", "HEAD", "POST"]


def _url(name: str, vacancy: Vacancy, anchor: str = "") -> str:
    url = reverse(
        f"staff_vacancies:{name}",
        kwargs={"org": vacancy.organization.slug, "vacancy": vacancy.slug},
    )
    return f"{url}#{anchor}" if anchor else url


def _editor_context(vacancy: Vacancy, section: str) -> dict[str, Any]:
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


@staff_view(roles=EVERYONE)
@require_safe
def vacancy_list(request: StaffRequest, org: str) -> HttpResponse:
    vacancies = list(selectors.vacancy_list_for_member(membership=request.membership))
    rows = [
        {
            "vacancy": vacancy,
            "languages": selectors.vacancy_text_languages(vacancy=vacancy),
            "public_url": vacancy.get_absolute_url()
            if vacancy.status != Vacancy.Status.DRAFT
            else None,
        }
        for vacancy in vacancies
    ]
    context = {"rows": rows, "can_edit": request.membership.role in MANAGERS}
    return render(request, "vacancies/staff/list.html", context)


# --- A vacancy's fields and texts --------------------------------------------------------


def _text_initial(text: VacancyText | None) -> dict[str, str]:
    if text is None:
        return {}
    return {"title": text.title, "summary": text.summary, "body": text.body}


def _bound_value(form: Form, name: str) -> str:
    value = form[name].value()
    return value if isinstance(value, str) else ""


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
                return redirect(_url("edit", saved))
        status = 400
    previews: dict[str, SafeString] = {}
    french_title = ""
    for text_form in text_forms:
        body = _bound_value(text_form, "body")
        previews[text_form.language] = render_markdown(body, top_heading_level=4)
        if text_form.language == "fr":
            french_title = _bound_value(text_form, "title")
    context: dict[str, Any] = {
        "form": form,
        "text_forms": [(text_form, previews[text_form.language]) for text_form in text_forms],
        "refusals": refusals,
        "has_errors": any(text_form.errors for text_form in text_forms),
        "title_warnings": title_gender_warnings(french_title) if french_title.strip() else [],
        "previewing": "preview" in request.POST,
    }
    if vacancy is not None:
        context.update(_editor_context(vacancy, "details"))
        context["publish_problems"] = (
            services.vacancy_publish_problems(vacancy=vacancy)
            if vacancy.status == Vacancy.Status.DRAFT
            else []
        )
    return render(request, "vacancies/staff/edit.html", context, status=status)


@staff_view(roles=MANAGERS)
@require_http_methods(GET_POST)
def vacancy_create(request: StaffRequest, org: str) -> HttpResponse:
    return _vacancy_page(request, None)


@staff_view(roles=MANAGERS)
@require_http_methods(GET_POST)
def vacancy_edit(request: StaffRequest, org: str, vacancy: str) -> HttpResponse:
    found = selectors.vacancy_get_for_editor(membership=request.membership, slug=vacancy)
    return _vacancy_page(request, found)


@staff_view(roles=MANAGERS)
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
    return HttpResponseRedirect(_url("edit", vacancy))


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


@staff_view(roles=MANAGERS)
@require_POST
def vacancy_publish(request: StaffRequest, org: str, vacancy: str) -> HttpResponse:
    return _status_change(request, vacancy, services.PUBLISH)


@staff_view(roles=MANAGERS)
@require_POST
def vacancy_close(request: StaffRequest, org: str, vacancy: str) -> HttpResponse:
    return _status_change(request, vacancy, services.CLOSE)


@staff_view(roles=MANAGERS)
@require_POST
def vacancy_reopen(request: StaffRequest, org: str, vacancy: str) -> HttpResponse:
    return _status_change(request, vacancy, services.REOPEN)


# --- Importing a posting -------------------------------------------------------------------


def _pasted_source_name() -> str:
    return _("pasted text (%(when)s)") % {"when": f"{timezone.localtime():%Y-%m-%d %H:%M:%S}"}


def _pasted_text(text: str, *, source_name: str) -> str:
    if len(text.encode("utf-8")) > MAX_POSTING_BYTES:
        raise PostingError(
            source_name,
            _("the text is longer than 1 MB; a vacancy is a few pages of text at most."),
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _import_preview(
    request: StaffRequest, posting: ParsedPosting, text: str, *, pasted: bool
) -> dict[str, Any]:
    """What the import page shows about a parsed posting: nothing of it is stored."""
    fields = []
    for label, value, source, guessed in explained_rows(posting, text, posting_fields(posting)):
        if label == _("language") and value is not None:
            value = language_name(value)
        fields.append((label, value, source, guessed))
    warnings = list(posting.warnings)
    if posting.language == "fr" and posting.title:
        warnings += title_gender_warnings(posting.title)
    storable = posting.title is not None and posting.language is not None
    pairing = (
        pairing_decide(posting=posting, organization=request.organization) if storable else None
    )
    groups = [
        (label, [criterion.text for criterion in posting.criteria if criterion.kind == kind])
        for kind, label in (
            (MUST, Criterion.Kind.MUST.label),
            (NICE, Criterion.Kind.NICE.label),
            (QUALITY, Criterion.Kind.QUALITY.label),
        )
    ]
    updates_text = bool(
        pairing is not None
        and pairing.vacancy is not None
        and pairing.vacancy.texts.filter(language=posting.language).exists()
    )
    return {
        "posting": posting,
        "file_name": None if pasted else posting.source_name,
        "posting_language": language_name(posting.language) if posting.language else "",
        "updates_text": updates_text,
        "fields": fields,
        "missing": [label for label, value, _source, _guessed in fields if value is None],
        "warnings": warnings,
        "criteria_summary": criteria_counts(posting),
        "criteria_groups": groups,
        "pairing": pairing,
        "storable": storable,
        "confirm_form": ImportConfirmForm(
            initial={"text": text, "source_name": posting.source_name}
        ),
    }


def _error_message(error: PostingError, *, pasted: bool) -> str:
    return f"{_('pasted text')}: {error.message}" if pasted else str(error)


@staff_view(roles=MANAGERS)
@require_http_methods(GET_POST)
def vacancy_import(request: StaffRequest, org: str) -> HttpResponse:
    """Step 1 reads a pasted text or a file and shows what it found; step 2 stores it."""
    if request.method == "POST" and request.POST.get("step") == "confirm":
        return _import_confirm(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    context: dict[str, Any] = {"form": form}
    status = 200
    if request.method == "POST":
        stopped = getattr(request, "upload_stopped", None)
        if stopped is not None:
            form.is_valid()
            name = PurePath(stopped.file_name).name or _("the file")
            form.add_error("file", str(posting_too_large(name)))
        elif form.is_valid():
            upload = form.cleaned_data.get("file")
            pasted = upload is None
            try:
                if upload is not None:
                    source_name = PurePath(upload.name or "").name[:200] or _("the file")
                    text = posting_text_from_bytes(
                        upload.read(MAX_POSTING_BYTES + 1), source_name=source_name
                    )
                else:
                    source_name = _pasted_source_name()
                    text = _pasted_text(form.cleaned_data["text"], source_name=source_name)
                posting = parse_posting(text, source_name=source_name)
            except PostingError as error:
                form.add_error("text" if pasted else "file", _error_message(error, pasted=pasted))
            else:
                context.update(_import_preview(request, posting, text, pasted=pasted))
        if form.errors:
            status = 400
    return render(request, "vacancies/staff/import.html", context, status=status)


def _import_confirm(request: StaffRequest) -> HttpResponse:
    confirm = ImportConfirmForm(request.POST)
    # Bound to the text sent back, so that it can carry the error and be read again.
    form = ImportForm({"text": request.POST.get("text", "")})
    form.is_valid()
    if confirm.is_valid():
        source_name = confirm.cleaned_data["source_name"]
        pasted = source_name.startswith(_("pasted text"))
        try:
            text = _pasted_text(confirm.cleaned_data["text"], source_name=source_name)
            posting = parse_posting(text, source_name=source_name)
            result = services.vacancy_import_by_member(
                posting=posting, organization=request.organization, actor=request.user
            )
        except PostingError as error:
            form.add_error(None, _error_message(error, pasted=pasted))
        else:
            vacancy = result.vacancy
            if result.vacancy_created:
                done = _("Imported “%(title)s” as a new draft vacancy.")
            elif result.text_created:
                done = _("Added the %(language)s text to “%(title)s”.")
            else:
                done = _("Updated the %(language)s text of “%(title)s”.")
            messages.success(
                request,
                done % {"title": result.text.title, "language": language_name(posting.language)},
            )
            for warning in result.warnings:
                messages.warning(request, warning)
            return redirect(_url("edit", vacancy))
    else:
        form.add_error(None, _("The posting to import was lost on the way: paste it again."))
    return render(request, "vacancies/staff/import.html", {"form": form}, status=400)


# --- Criteria ----------------------------------------------------------------------------


@staff_view(roles=MANAGERS)
@require_safe
def criteria_list(request: StaffRequest, org: str, vacancy: str) -> HttpResponse:
    found = selectors.vacancy_get_for_editor(membership=request.membership, slug=vacancy)
    context = _editor_context(found, "criteria")
    context["groups"] = selectors.criteria_by_kind(vacancy=found)
    return render(request, "vacancies/staff/criteria.html", context)


def _criterion_page(request: StaffRequest, vacancy: Vacancy, criterion: Criterion) -> HttpResponse:
    creating = criterion.pk is None
    existing = {text.language: text for text in criterion.texts.all()} if not creating else {}
    data = request.POST if request.method == "POST" else None
    form = CriterionForm(data, instance=criterion)
    text_forms = [
        CriterionTextForm(
            data,
            language=code,
            initial={
                name: getattr(existing[code], name)
                for name in ("text", "guide_1", "guide_3", "guide_5")
            }
            if code in existing
            else {},
        )
        for code, _name in settings.LANGUAGES
    ]
    refusals: list[str] = []
    status = 200
    if request.method == "POST":
        valid = form.is_valid() & all([text_form.is_valid() for text_form in text_forms])
        texts = {text_form.language: text_form.criterion_fields() for text_form in text_forms}
        if valid and not any(texts.values()):
            refusals.append(_("Word the criterion in at least one language."))
        elif valid:
            try:
                saved = services.criterion_save(
                    criterion=form.instance, texts=texts, actor=request.user
                )
            except ValidationError as error:
                refusals.extend(error.messages)
            else:
                messages.success(
                    request,
                    (
                        _("Added the criterion “%(criterion)s”.")
                        if creating
                        else _("Saved the criterion “%(criterion)s”.")
                    )
                    % {"criterion": saved},
                )
                return redirect(_url("criteria", vacancy, f"criterion-{saved.pk}"))
        status = 400
    context = _editor_context(vacancy, "criteria")
    context.update(
        {
            "form": form,
            "text_forms": text_forms,
            "refusals": refusals,
            "has_errors": any(text_form.errors for text_form in text_forms),
            "creating": creating,
        }
    )
    return render(request, "vacancies/staff/criterion_form.html", context, status=status)


@staff_view(roles=MANAGERS)
@require_http_methods(GET_POST)
def criterion_create(request: StaffRequest, org: str, vacancy: str) -> HttpResponse:
    found = selectors.vacancy_get_for_editor(membership=request.membership, slug=vacancy)
    kind = request.GET.get("kind", "")
    criterion = Criterion(
        vacancy=found, kind=kind if kind in Criterion.Kind.values else Criterion.Kind.MUST
    )
    return _criterion_page(request, found, criterion)


@staff_view(roles=MANAGERS)
@require_http_methods(GET_POST)
def criterion_edit(request: StaffRequest, org: str, vacancy: str, criterion: int) -> HttpResponse:
    found = selectors.criterion_get_for_user(
        membership=request.membership, vacancy_slug=vacancy, pk=criterion
    )
    return _criterion_page(request, found.vacancy, found)


@staff_view(roles=MANAGERS)
@require_http_methods(GET_POST)
def criterion_delete(request: StaffRequest, org: str, vacancy: str, criterion: int) -> HttpResponse:
    found = selectors.criterion_get_for_user(
        membership=request.membership, vacancy_slug=vacancy, pk=criterion
    )
    if request.method == "POST":
        label = str(found)
        services.criterion_delete(criterion=found, actor=request.user)
        messages.success(
            request, _("Deleted the criterion “%(criterion)s”.") % {"criterion": label}
        )
        return redirect(_url("criteria", found.vacancy))
    return _confirm_delete_page(
        request,
        found.vacancy,
        section="criteria",
        anchor=f"criterion-{found.pk}",
        what=_("the criterion"),
        label=str(found),
        consequence=_("Reviewers’ scores on this criterion, if any, are deleted with it."),
    )


@staff_view(roles=MANAGERS)
@require_POST
def criterion_move(request: StaffRequest, org: str, vacancy: str, criterion: int) -> HttpResponse:
    found = selectors.criterion_get_for_user(
        membership=request.membership, vacancy_slug=vacancy, pk=criterion
    )
    form = MoveForm(request.POST)
    if form.is_valid():
        services.criterion_move(
            criterion=found, direction=form.cleaned_data["direction"], actor=request.user
        )
    return redirect(_url("criteria", found.vacancy, f"criterion-{found.pk}"))


def _confirm_delete_page(
    request: StaffRequest,
    vacancy: Vacancy,
    *,
    section: str,
    anchor: str,
    what: str,
    label: str,
    consequence: str,
) -> HttpResponse:
    """The page that asks to confirm deleting a criterion or a question of ``vacancy``."""
    context = _editor_context(vacancy, section)
    context.update(
        {
            "what": what,
            "label": label,
            "cancel_url": _url(section, vacancy, anchor),
            "consequence": consequence,
        }
    )
    return render(request, "vacancies/staff/confirm_delete.html", context)


# --- Questions -----------------------------------------------------------------------------


@staff_view(roles=MANAGERS)
@require_safe
def questions_list(request: StaffRequest, org: str, vacancy: str) -> HttpResponse:
    found = selectors.vacancy_get_for_editor(membership=request.membership, slug=vacancy)
    context = _editor_context(found, "questions")
    context["rows"] = selectors.question_rows(vacancy=found)
    return render(request, "vacancies/staff/questions.html", context)


def _question_page(request: StaffRequest, vacancy: Vacancy, question: Question) -> HttpResponse:
    creating = question.pk is None
    existing = {text.language: text for text in question.texts.all()} if not creating else {}
    data = request.POST if request.method == "POST" else None
    form = QuestionForm(data, instance=question)
    text_forms = [
        QuestionTextForm(
            data,
            language=code,
            initial={"text": existing[code].text} if code in existing else {},
        )
        for code, _name in settings.LANGUAGES
    ]
    refusals: list[str] = []
    status = 200
    if request.method == "POST":
        valid = form.is_valid() & all([text_form.is_valid() for text_form in text_forms])
        texts = {text_form.language: text_form.question_text() for text_form in text_forms}
        if valid and not any(texts.values()):
            refusals.append(_("Word the question in at least one language."))
        elif valid:
            try:
                saved = services.question_save(
                    question=form.instance, texts=texts, actor=request.user
                )
            except ValidationError as error:
                refusals.extend(error.messages)
            else:
                messages.success(
                    request,
                    _("Added the question.") if creating else _("Saved the question."),
                )
                for text in texts.values():
                    if text and (warning := pay_history_warning(text)):
                        messages.warning(request, warning)
                return redirect(_url("questions", vacancy, f"question-{saved.pk}"))
        status = 400
    warnings = [
        warning
        for text_form in text_forms
        if (warning := pay_history_warning(_bound_value(text_form, "text")))
    ]
    context = _editor_context(vacancy, "questions")
    context.update(
        {
            "form": form,
            "text_forms": text_forms,
            "refusals": refusals,
            "has_errors": any(text_form.errors for text_form in text_forms),
            "creating": creating,
            "warnings": warnings,
        }
    )
    return render(request, "vacancies/staff/question_form.html", context, status=status)


@staff_view(roles=MANAGERS)
@require_http_methods(GET_POST)
def question_create(request: StaffRequest, org: str, vacancy: str) -> HttpResponse:
    found = selectors.vacancy_get_for_editor(membership=request.membership, slug=vacancy)
    return _question_page(request, found, Question(vacancy=found))


@staff_view(roles=MANAGERS)
@require_http_methods(GET_POST)
def question_edit(request: StaffRequest, org: str, vacancy: str, question: int) -> HttpResponse:
    found = selectors.question_get_for_user(
        membership=request.membership, vacancy_slug=vacancy, pk=question
    )
    return _question_page(request, found.vacancy, found)


@staff_view(roles=MANAGERS)
@require_http_methods(GET_POST)
def question_delete(request: StaffRequest, org: str, vacancy: str, question: int) -> HttpResponse:
    found = selectors.question_get_for_user(
        membership=request.membership, vacancy_slug=vacancy, pk=question
    )
    if request.method == "POST":
        services.question_delete(question=found, actor=request.user)
        messages.success(request, _("Deleted the question."))
        return redirect(_url("questions", found.vacancy))
    return _confirm_delete_page(
        request,
        found.vacancy,
        section="questions",
        anchor=f"question-{found.pk}",
        what=_("the question"),
        label=str(found),
        consequence=_("Candidates’ answers to this question, if any, are deleted with it."),
    )


@staff_view(roles=MANAGERS)
@require_POST
def question_move(request: StaffRequest, org: str, vacancy: str, question: int) -> HttpResponse:
    found = selectors.question_get_for_user(
        membership=request.membership, vacancy_slug=vacancy, pk=question
    )
    form = MoveForm(request.POST)
    if form.is_valid():
        services.question_move(
            question=found, direction=form.cleaned_data["direction"], actor=request.user
        )
    return redirect(_url("questions", found.vacancy, f"question-{found.pk}"))


# --- Reviewers -----------------------------------------------------------------------------


@staff_view(roles=MANAGERS)
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
            messages.success(request, _("Saved the reviewers of “%(title)s”.") % {"title": found})
            return redirect(_url("reviewers", found))
        status = 400
    context = _editor_context(found, "reviewers")
    context["form"] = form
    return render(request, "vacancies/staff/reviewers.html", context, status=status)
