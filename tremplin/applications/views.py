"""Candidate-facing pages: apply, status, withdraw (the staff pages are in staff_views.py)."""

import logging

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from tremplin.applications import selectors, services
from tremplin.applications.forms import ApplicationForm
from tremplin.applications.intake.replacement import application_documents_replace
from tremplin.applications.intake.submit import application_submit
from tremplin.applications.models import Application
from tremplin.applications.progress import application_progress
from tremplin.applications.ratelimit import apply_email_at_limit, apply_over_ip_limit
from tremplin.applications.sources import application_origin, marker_from_query
from tremplin.applications.tokens import application_token
from tremplin.applications.uploads import upload_refusal
from tremplin.core.crossorigin import cross_origin_protected
from tremplin.vacancies.models import Vacancy
from tremplin.vacancies.selectors import vacancy_get_public, vacancy_text_for_language

logger = logging.getLogger(__name__)


def _context(vacancy: Vacancy, form: ApplicationForm) -> dict[str, object]:
    return {
        "vacancy": vacancy,
        "organization": vacancy.organization,
        "text": vacancy_text_for_language(vacancy=vacancy, language=_current_language()),
        "form": form,
    }


def _current_language() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE


def _vacancy_open_or_response(
    request: HttpRequest, org: str, vacancy: str
) -> Vacancy | HttpResponse:
    found = vacancy_get_public(organization_slug=org, vacancy_slug=vacancy)
    if found is None:
        raise Http404("no such vacancy")
    if not selectors.vacancy_accepts_applications(vacancy=found):
        context = {
            "vacancy": found,
            "organization": found.organization,
            "text": vacancy_text_for_language(vacancy=found, language=_current_language()),
        }
        return render(request, "applications/closed.html", context, status=410)
    return found


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@cross_origin_protected
def apply(request: HttpRequest, org: str, vacancy: str) -> HttpResponse:
    found = _vacancy_open_or_response(request, org, vacancy)
    if isinstance(found, HttpResponse):
        return found
    if request.method != "POST":
        return render(
            request,
            "applications/apply.html",
            _context(found, ApplicationForm(vacancy=found, initial=marker_from_query(request.GET))),
        )

    form = ApplicationForm(request.POST, request.FILES, vacancy=found)
    if apply_over_ip_limit(request) or apply_email_at_limit(request):
        form.is_valid()
        form.errors.clear()
        form.add_error(
            None,
            _(
                "Too many applications were sent from your connection or with this e-mail "
                "address. Please wait an hour and try again."
            ),
        )
        return render(request, "applications/apply.html", _context(found, form), status=429)

    refusal = upload_refusal(request)
    if refusal is not None:
        field, rejected = refusal
        form.is_valid()
        if field == "letter_file":
            form.errors.pop("letter_text", None)  # the letter was there, but too big
        form.errors[field if field in form.fields else "__all__"] = form.error_class(
            rejected.messages
        )
        return render(request, "applications/apply.html", _context(found, form), status=400)

    if form.honeypot_filled():
        logger.info("application form honeypot filled in; dropped")
        return redirect("applications:received", org=org, vacancy=vacancy)

    if form.is_valid():
        origin = application_origin(
            via=form.cleaned_data["via"], by=form.cleaned_data["by"], vacancy=found
        )
        try:
            application_submit(
                vacancy=found,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                phone=form.cleaned_data["phone"],
                files=form.incoming_files(),
                letter_text=form.cleaned_data["letter_text"],
                answers=form.answers(),
                talent_pool_consent=form.cleaned_data["talent_pool_consent"],
                source=origin.source,
                source_detail=origin.detail,
                referrer_id=origin.referrer_id,
                language=_current_language(),
                questions=form.questions,
            )
        except ValidationError as exc:  # FileRejected included; the form checked most already
            form.add_error(None, exc.messages)
        else:
            apply_email_at_limit(request, count=True)
            messages.success(
                request,
                _(
                    "Your application was received. We sent you an e-mail with a private "
                    "link: keep it to follow your application."
                ),
            )
            # Not the status page: its link goes only to the address given, so that whoever
            # typed someone else's address learns nothing (not even whether it had applied).
            return redirect("applications:received", org=org, vacancy=vacancy)
    return render(request, "applications/apply.html", _context(found, form), status=400)


@require_safe
def received(request: HttpRequest, org: str, vacancy: str) -> HttpResponse:
    """What every submission sees, a real one or one dropped as spam: the same page, which
    says nothing of any earlier application; the status link goes by e-mail."""
    found = vacancy_get_public(organization_slug=org, vacancy_slug=vacancy)
    if found is None:
        raise Http404("no such vacancy")
    context = {
        "vacancy": found,
        "organization": found.organization,
        "text": vacancy_text_for_language(vacancy=found, language=_current_language()),
    }
    return render(request, "applications/received.html", context)


def status_context(application: Application, token: str) -> dict[str, object]:
    vacancy = application.vacancy
    return {
        "application": application,
        "vacancy": vacancy,
        "organization": vacancy.organization,
        "text": vacancy_text_for_language(vacancy=vacancy, language=_current_language()),
        "documents": selectors.application_documents(application=application),
        "token": token,
        "can_withdraw": services.application_can_withdraw(application=application),
        "stage_label": selectors.application_stage_public_label(stage=application.stage),
        "stage_explanation": selectors.application_stage_explanation(stage=application.stage),
        "history": application_progress(application=application),
    }


def status_unknown(request: HttpRequest) -> HttpResponse:
    """The page for a status link that is not (or no longer) one of ours."""
    return render(request, "applications/status_unknown.html", status=404)


@never_cache
@require_safe
def status(request: HttpRequest, token: str) -> HttpResponse:
    application = selectors.application_get_by_token(token=token)
    if application is None:
        return status_unknown(request)
    return render(request, "applications/status.html", status_context(application, token))


@never_cache
@require_POST
def withdraw(request: HttpRequest, token: str) -> HttpResponse:
    application = selectors.application_get_by_token(token=token)
    if application is None:
        return status_unknown(request)
    if not services.application_can_withdraw(application=application):
        return redirect("applications:status", token=token)
    if request.POST.get("confirm") != "yes":
        context = status_context(application, token)
        context["withdraw_error"] = _("Tick the box to confirm that you withdraw.")
        return render(request, "applications/status.html", context, status=400)
    services.application_withdraw(application=application)
    messages.success(request, _("Your application was withdrawn."))
    return redirect("applications:status", token=token)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def replace(request: HttpRequest, token: str) -> HttpResponse:
    """Confirm that a newer submission's documents replace those of the earlier application.

    The link comes only in the newer submission's acknowledgement, e-mailed to the address
    it gave. GET shows what would happen (the newer documents by name, nothing of the
    earlier application) and a confirm button; only the POST of that button changes
    anything (``application_documents_replace``), then leads to the application's status
    page. A link that is tampered with, expired or already used gets a clear 404; one that
    came too late (the organization started on either application) a 409, changing nothing.
    """
    newer = selectors.application_get_by_replace_token(token=token)
    if newer is None:
        return render(request, "applications/replace_unknown.html", status=404)
    context: dict[str, object] = {
        "application": newer,
        "vacancy": newer.vacancy,
        "organization": newer.vacancy.organization,
        "text": vacancy_text_for_language(vacancy=newer.vacancy, language=_current_language()),
        "documents": selectors.application_current_documents(application=newer),
        "possible": selectors.application_replace_target(application=newer) is not None,
    }
    if request.method == "POST":
        try:
            earlier = application_documents_replace(application=newer)
        except ValidationError as error:
            context["possible"] = False
            context["error"] = " ".join(error.messages)
            return render(request, "applications/replace.html", context, status=409)
        messages.success(request, _("Done: your newer documents replace the earlier ones."))
        return redirect("applications:status", token=application_token(public_id=earlier.public_id))
    status = 200 if context["possible"] else 409
    return render(request, "applications/replace.html", context, status=status)
