"""Importing a posting from the staff side: step 1 reads a pasted text or a file and shows
what it found, step 2 stores it (``import_services.vacancy_import_by_member``)."""

from dataclasses import replace
from pathlib import PurePath
from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tremplin.accounts.permissions import StaffRequest, panel_visible, staff_view
from tremplin.core.language import language_name, months_text
from tremplin.vacancies.checks import title_gender_warnings
from tremplin.vacancies.import_services import vacancy_import_by_member
from tremplin.vacancies.importing import (
    MAX_POSTING_BYTES,
    ParsedPosting,
    PostingError,
    parse_posting,
    posting_text_from_bytes,
)
from tremplin.vacancies.importing.criteria_kinds import MUST, NICE, QUALITY
from tremplin.vacancies.importing.evidence import explained_rows
from tremplin.vacancies.importing.pairing import pairing_decide
from tremplin.vacancies.importing.reading import posting_too_large
from tremplin.vacancies.importing.report import criteria_counts, posting_fields
from tremplin.vacancies.models import Criterion, Vacancy
from tremplin.vacancies.selectors import import_correction_counts
from tremplin.vacancies.staff_forms import CORRECTABLE_FIELDS, ImportConfirmForm, ImportForm
from tremplin.vacancies.staff_views import GET_POST, editor_url


def _pasted_source_name() -> str:
    return _("pasted text (%(when)s)") % {
        "when": formats.date_format(timezone.localtime(), "DATETIME_FORMAT")
    }


def _pasted_text(text: str, *, source_name: str) -> str:
    if len(text.encode("utf-8")) > MAX_POSTING_BYTES:
        raise PostingError(
            source_name,
            _("the text is longer than 1 MB; a vacancy is a few pages of text at most."),
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _proposed(posting: ParsedPosting) -> dict[str, Any]:
    """What the importer read for each field the preview lets a member correct."""
    return {name: getattr(posting, name) for name in CORRECTABLE_FIELDS}


def _page_context(request: StaffRequest) -> dict[str, Any]:
    """What the import page shows whatever the step: owners see which fields members
    corrected most often before saving (``policy.PANELS``)."""
    if not panel_visible(membership=request.membership, panel="staff_vacancies:import/corrections"):
        return {}
    return {"correction_counts": import_correction_counts(organization=request.organization)}


def _in_words(posting: ParsedPosting) -> dict[str, str]:
    """The fields the importer keeps as codes ("fr", "TEMPORARY", "2031-05-15"), by label,
    in the reader's words ("French", "Temporary, 12 months", "15 May 2031")."""
    words: dict[str, str] = {}
    for label, code in (
        (_("language"), posting.language),
        (_("application language"), posting.application_language),
    ):
        if code:
            words[label] = language_name(code)
    if posting.required_languages:
        words[_("required languages")] = ", ".join(
            language_name(code) for code in posting.required_languages
        )
    if posting.deadline is not None:
        words[_("deadline")] = formats.date_format(posting.deadline, "DATE_FORMAT")
    if posting.employment_type in Vacancy.EmploymentType.values:
        kind = str(Vacancy.EmploymentType(posting.employment_type).label)
        months = posting.contract_duration_months
        words[_("employment type")] = kind if months is None else f"{kind}, {months_text(months)}"
    return words


def _import_preview(
    request: StaffRequest,
    posting: ParsedPosting,
    text: str,
    *,
    pasted: bool,
    confirm_form: ImportConfirmForm | None = None,
) -> dict[str, Any]:
    """What the import page shows about a parsed posting: nothing of it is stored."""
    words = _in_words(posting)
    fields = [
        (label, value if value is None else words.get(label, value), source, guessed)
        for label, value, source, guessed in explained_rows(posting, text, posting_fields(posting))
    ]
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
        "confirm_form": confirm_form
        or ImportConfirmForm(
            initial={"text": text, "source_name": posting.source_name, **_proposed(posting)}
        ),
    }


def _error_message(error: PostingError, *, pasted: bool) -> str:
    return f"{_('pasted text')}: {error.message}" if pasted else str(error)


@staff_view
@require_http_methods(GET_POST)
def vacancy_import(request: StaffRequest, org: str) -> HttpResponse:
    """Step 1 reads a pasted text or a file and shows what it found; step 2 stores it."""
    if request.method == "POST" and request.POST.get("step") == "confirm":
        return _import_confirm(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    context: dict[str, Any] = {"form": form, **_page_context(request)}
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
    context: dict[str, Any] = {"form": form, **_page_context(request)}
    if confirm.is_valid() or not {"text", "source_name"} & set(confirm.errors):
        source_name = confirm.cleaned_data["source_name"]
        pasted = source_name.startswith(_("pasted text"))
        try:
            text = _pasted_text(confirm.cleaned_data["text"], source_name=source_name)
            posting = parse_posting(text, source_name=source_name)
            if confirm.errors:  # a corrected field that is not valid: show the preview again
                context.update(
                    _import_preview(request, posting, text, pasted=pasted, confirm_form=confirm)
                )
                return render(request, "vacancies/staff/import.html", context, status=400)
            corrections = confirm.corrections(_proposed(posting))
            result = vacancy_import_by_member(
                posting=replace(posting, **corrections),
                organization=request.organization,
                actor=request.user,
                corrected=corrections,
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
            return redirect(editor_url("edit", vacancy))
    else:
        form.add_error(None, _("The posting to import was lost on the way: paste it again."))
    return render(request, "vacancies/staff/import.html", context, status=400)
