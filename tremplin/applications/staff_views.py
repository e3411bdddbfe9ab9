"""The pipeline pages of the staff workspace, for recruiters and owners.

Every view is wrapped in ``staff_view`` (outermost), loads its objects through the
``*_get_for_user`` helpers and calls services; every change is a POST, and bulk or
destructive ones go through a confirmation page first.
"""

from dataclasses import replace

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from tremplin.accounts.permissions import StaffRequest, staff_view
from tremplin.accounts.policy import MANAGERS
from tremplin.applications import correspondence, pipeline, selectors, services
from tremplin.applications.assignments import assignable_reviewers, assignments_of
from tremplin.applications.bulk import BULK_MAX
from tremplin.applications.downloads import document_download_response
from tremplin.applications.hidden_words import hidden_words_save
from tremplin.applications.links import private_links_hidden
from tremplin.applications.models import Application, Document, Stage
from tremplin.applications.notes import notes_read
from tremplin.applications.reading import application_neighbours
from tremplin.applications.staff_forms import (
    BulkForm,
    CandidateForm,
    HiddenWordsForm,
    MessageForm,
    MoveForm,
    NoteForm,
    PrepareForm,
)
from tremplin.core.audit import log_read
from tremplin.core.confirm import Confirmation, confirmation_page, confirmed
from tremplin.core.pagination import page_of
from tremplin.messaging import selectors as messaging_selectors
from tremplin.messaging.models import DraftMessage
from tremplin.vacancies.models import Vacancy
from tremplin.vacancies.selectors import vacancies_for_member, vacancy_get_for_user


def _back(request: StaffRequest, default: str) -> str:
    """The page to return to (a ``next`` of this site), else ``default``."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _board_url(vacancy: Vacancy) -> str:
    return reverse(
        "staff_applications:board",
        kwargs={"org": vacancy.organization.slug, "vacancy": vacancy.slug},
    )


def _detail_url(application: Application) -> str:
    return reverse(
        "staff_applications:detail",
        kwargs={"org": application.vacancy.organization.slug, "application": application.pk},
    )


def rejection_drafts_notice(request: StaffRequest, count: int) -> None:
    if count:
        messages.info(
            request,
            ngettext(
                "A rejection message is ready in the candidate’s language. Nothing has been "
                "sent: review it, then send it.",
                "%(count)d rejection messages are ready in the candidates’ languages. Nothing "
                "has been sent: review them, then send them.",
                count,
            )
            % {"count": count},
        )


# --- Lists and the board ---------------------------------------------------------------


@staff_view
@require_safe
def index(request: StaffRequest, org: str) -> HttpResponse:
    """The organization's vacancies with their applications, and what waits for someone."""
    paged = page_of(
        request,
        vacancies_for_member(membership=request.membership)
        .prefetch_related("texts")
        .order_by("status", "-created_at", "-pk"),
    )
    vacancies = list(paged["page"].object_list)
    counts = pipeline.vacancy_pipeline_counts(vacancies=vacancies)
    rows = [(vacancy, counts[vacancy.pk]) for vacancy in vacancies]
    context = {
        **paged,
        "rows": rows,
        "drafts": messaging_selectors.draft_list(organization=request.organization).count(),
        "unsorted": messaging_selectors.inbound_unsorted_list(
            organization=request.organization
        ).count(),
    }
    return render(request, "applications/staff/index.html", context)


def _board_context(request: StaffRequest, vacancy: Vacancy) -> dict[str, object]:
    """The board: every stage's first cards, or with ``?stage=KEY&after=ID`` one stage's
    column, going on after the card ID (keyset pagination: the page costs the same however
    far into the stage it is)."""
    stages = selectors.stage_list(organization=request.organization)
    counts = pipeline.stage_counts(vacancy=vacancy)
    only = request.GET.get("stage") or None
    after = (
        pipeline.board_cursor(vacancy=vacancy, stage=only, after=request.GET.get("after"))
        if only is not None
        else None
    )
    return {
        "vacancy": vacancy,
        "stages": stages,
        "only": only,
        "columns": pipeline.pipeline_board(
            vacancy=vacancy, stages=stages, counts=counts, only=only, after=after
        ),
        "funnel": pipeline.pipeline_funnel(vacancy=vacancy, stages=stages, counts=counts),
        "back": request.get_full_path(),
    }


@staff_view
@require_safe
def board(request: StaffRequest, org: str, vacancy: str) -> HttpResponse:
    """The vacancy's applications by stage, with a move form on each and a bulk move."""
    found = vacancy_get_for_user(membership=request.membership, slug=vacancy, roles=MANAGERS)
    context = _board_context(request, found)
    stages = context["stages"]
    context["bulk_max"] = BULK_MAX
    context["bulk_form"] = BulkForm(
        organization=request.organization,
        stages=stages,  # type: ignore[arg-type]
        members=assignable_reviewers(organization=request.organization),
        auto_id="bulk_%s",
    )
    return render(request, "applications/staff/board.html", context)


# --- One application -------------------------------------------------------------------


def _detail_context(
    request: StaffRequest,
    application: Application,
    *,
    move_form: MoveForm | None = None,
    message_form: MessageForm | None = None,
) -> dict[str, object]:
    organization = request.organization
    stages = selectors.stage_list(organization=organization)
    templates = list(messaging_selectors.message_template_list(organization=organization))
    answers = [
        (selectors.question_wording(question=answer.question), answer.text)
        for answer in application.answers.select_related("question").prefetch_related(
            "question__texts"
        )
    ]
    return {
        "application": application,
        "vacancy": application.vacancy,
        "candidate": application.candidate,
        "stage_name": selectors.stage_label(stages=stages, key=application.stage),
        "documents": selectors.application_documents(application=application),
        "duplicates": selectors.application_duplicates(application=application),
        "neighbours": application_neighbours(application=application),
        "answers": answers,
        "history": selectors.application_history(application=application, stages=stages),
        "thread": [
            replace(item, body=private_links_hidden(item.body)) if not item.incoming else item
            for item in messaging_selectors.application_thread(application=application)
        ],
        "drafts": application.draft_messages.filter(status=DraftMessage.Status.DRAFT),
        "move_form": move_form
        or MoveForm(organization=organization, stages=stages, initial={"stage": application.stage}),
        "message_form": message_form or MessageForm(),
        "prepare_form": PrepareForm(templates=templates),
        "candidate_form": _candidate_form(application),
        "hidden_form": _hidden_form(application),
        "candidate_applications": selectors.candidate_application_count(
            candidate=application.candidate, organization=organization
        ),
        "notes": notes_read(application=application, by=request.user),
        "assignments": assignments_of(application=application),
        "note_form": NoteForm(),
    }


def _candidate_form(application: Application, data: object = None) -> CandidateForm:
    candidate = application.candidate
    initial = {"name": candidate.name, "email": candidate.email, "phone": candidate.phone}
    return CandidateForm(data, initial=initial)  # type: ignore[arg-type]


def _hidden_form(application: Application, data: object = None) -> HiddenWordsForm:
    return HiddenWordsForm(data, initial={"words": application.hidden_words})  # type: ignore[arg-type]


@staff_view
@never_cache
@require_safe
def detail(request: StaffRequest, org: str, application: int) -> HttpResponse:
    found = selectors.application_get_for_user(membership=request.membership, pk=application)
    log_read(
        request.user,
        "document.view",
        found,
        {"documents": [d.pk for d in found.documents.exclude(text="").filter(superseded_at=None)]},
    )
    return render(request, "applications/staff/detail.html", _detail_context(request, found))


@staff_view
@require_http_methods(["GET", "HEAD", "POST"])
def move(request: StaffRequest, org: str, application: int) -> HttpResponse:
    """Move one application (the form on its page and on its card on the board post here)."""
    found = selectors.application_get_for_user(membership=request.membership, pk=application)
    stages = selectors.stage_list(organization=request.organization)
    form = MoveForm(
        request.POST or None,
        organization=request.organization,
        stages=stages,
        initial={"stage": found.stage},
    )
    if request.method == "POST" and form.is_valid() and form.move is not None:
        try:
            services.application_move(
                application=found,
                to_stage=form.move.stage.key,
                by=request.user,
                reason=form.move.reason,
                reason_text=form.move.reason_text,
            )
        except ValidationError as error:
            form.add_error("stage", error)
        else:
            messages.success(
                request,
                _("%(candidate)s moved to “%(stage)s”.")
                % {"candidate": found.candidate.name or found.pk, "stage": form.move.stage.label()},
            )
            if form.move.stage.kind == Stage.Kind.REJECTED:
                rejection_drafts_notice(request, 1)
                draft = found.draft_messages.filter(status=DraftMessage.Status.DRAFT).first()
                if draft is not None:
                    return redirect(
                        "staff_messaging:draft", org=request.organization.slug, message=draft.pk
                    )
            return redirect(_back(request, _detail_url(found)))
    context = {
        "application": found,
        "vacancy": found.vacancy,
        "form": form,
        "stage_name": selectors.stage_label(stages=stages, key=found.stage),
        "next": _back(request, ""),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "applications/staff/move.html", context, status=status)


@staff_view
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def candidate_edit(request: StaffRequest, org: str, application: int) -> HttpResponse:
    """Correct the candidate's name, e-mail address or phone (GDPR Art. 16): the form is on
    the application's page and on this one, which shows it again with its errors."""
    found = selectors.application_get_for_user(membership=request.membership, pk=application)
    form = _candidate_form(found, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.candidate_rectify(
                application=found,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                phone=form.cleaned_data["phone"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error("email", error)
        else:
            if changed:
                messages.success(request, _("The candidate’s details are corrected."))
            else:
                messages.info(request, _("Nothing to correct: the details were already these."))
            return redirect(_detail_url(found) + "#candidate-heading")
    context = {
        "application": found,
        "vacancy": found.vacancy,
        "candidate": found.candidate,
        "candidate_form": form,
        "candidate_applications": selectors.candidate_application_count(
            candidate=found.candidate, organization=request.organization
        ),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "applications/staff/candidate_edit.html", context, status=status)


@staff_view
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def hidden_words_edit(request: StaffRequest, org: str, application: int) -> HttpResponse:
    """The words taken out of what reviewers read, for what blind review missed: the form
    is on the application's page and on this one, which shows it again with its errors."""
    found = selectors.application_get_for_user(membership=request.membership, pk=application)
    form = _hidden_form(found, request.POST or None)
    if request.method == "POST" and form.is_valid():
        if hidden_words_save(application=found, words=form.cleaned_data["words"], by=request.user):
            messages.success(request, _("Reviewers no longer see these words."))
        else:
            messages.info(request, _("The words hidden from reviewers are unchanged."))
        return redirect(_detail_url(found) + "#hidden-heading")
    context = {"application": found, "vacancy": found.vacancy, "hidden_form": form}
    status = 400 if request.method == "POST" else 200
    return render(request, "applications/staff/hidden_words_edit.html", context, status=status)


def _message_confirmation(application: Application, subject: str, body: str) -> Confirmation:
    email = application.candidate.email
    return Confirmation(
        question=_("Send this message to %(email)s?") % {"email": email},
        consequences=[
            _(
                "It goes at once by e-mail to %(email)s, as shown below; a sent e-mail "
                "cannot be recalled."
            )
            % {"email": email},
            _("The candidate’s answer will come back to the application’s page."),
        ],
        button=_("Yes, send the message"),
        cancel_url=_detail_url(application) + "#messages",
        preview=[(_("Subject"), subject), (_("Message"), body)],
    )


@staff_view
@require_POST
def message_write(request: StaffRequest, org: str, application: int) -> HttpResponse:
    """Send the message the recruiter wrote on the application's page."""
    found = selectors.application_get_for_user(membership=request.membership, pk=application)
    form = MessageForm(request.POST)
    if form.is_valid() and not confirmed(request):
        try:
            subject, body = correspondence.application_message_preview(
                application=found,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                sender=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return confirmation_page(request, _message_confirmation(found, subject, body))
    if form.is_valid():
        try:
            correspondence.application_message_send(
                application=found,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                kind="free",
                sender=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your message is on its way to the candidate."))
            return redirect(_detail_url(found) + "#messages")
    context = _detail_context(request, found, message_form=form)
    return render(request, "applications/staff/detail.html", context, status=400)


@staff_view
@require_POST
def message_prepare(request: StaffRequest, org: str, application: int) -> HttpResponse:
    """Prepare a draft from a template, for the recruiter to review, edit and send."""
    found = selectors.application_get_for_user(membership=request.membership, pk=application)
    templates = list(messaging_selectors.message_template_list(organization=request.organization))
    form = PrepareForm(request.POST, templates=templates)
    if not form.is_valid():
        messages.error(request, _("Choose what the message starts from."))
        return redirect(_detail_url(found) + "#messages")
    kind, template = form.chosen()
    draft = correspondence.draft_prepare(
        application=found, kind=kind, template=template, by=request.user
    )
    return redirect("staff_messaging:draft", org=request.organization.slug, message=draft.pk)


@staff_view
@never_cache
@require_safe
def document_download(request: StaffRequest, org: str, document: int) -> HttpResponse:
    """A candidate's original document, for recruiters and owners of the vacancy's
    organization (reviewers read documents in the review pages, redacted when blind);
    each download is recorded."""
    found: Document = selectors.document_get_for_user(membership=request.membership, pk=document)
    return document_download_response(document=found, user=request.user)
