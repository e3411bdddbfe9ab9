"""The messages pages of the staff workspace: templates with a preview, drafts to review and
send, and incoming e-mail waiting to be sorted. For recruiters and owners.

They stand here, above the mail floor, because they fill templates for applications and
make applications of e-mail; their URLs keep the ``staff_messaging`` namespace
(``correspondence_urls.py``) and their templates stay under ``messaging/staff/``."""

import copy

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from tremplin.accounts.permissions import StaffRequest, staff_view
from tremplin.applications import correspondence
from tremplin.applications.correspondence_forms import AssignForm, DraftForm, TemplateForm
from tremplin.applications.intake.mail import inbound_assign
from tremplin.applications.models import Application
from tremplin.applications.selectors import stage_list
from tremplin.core.pagination import page_of
from tremplin.messaging import rendering
from tremplin.messaging import selectors as messaging_selectors
from tremplin.messaging import services as messaging_services
from tremplin.messaging.inbound.parsing import UnreadableMessage, message_parse
from tremplin.messaging.models import DraftMessage, InboundMessage, MessageTemplate
from tremplin.vacancies.selectors import vacancies_for_member

PREVIEW_CHARS = 20_000


def _application_url(application: Application) -> str:
    return reverse(
        "staff_applications:detail",
        kwargs={"org": application.vacancy.organization.slug, "application": application.pk},
    )


# --- Templates -------------------------------------------------------------------------


def _stage_choices(request: StaffRequest) -> list[tuple[str, str]]:
    """(key, name) of the stages a rejection can be kept for: those not final."""
    stages = stage_list(organization=request.organization)
    return [(stage.key, stage.label()) for stage in stages if not stage.is_final]


def _stage_note(template: MessageTemplate, names: dict[str, str]) -> str:
    if template.kind != MessageTemplate.Kind.REJECTION:
        return ""
    if not template.stage:
        return _("general text, for every other stage")
    if template.stage not in names:
        return _("for a stage that no longer exists (“%(key)s”): not used") % {
            "key": template.stage
        }
    return _("for applications leaving “%(stage)s”") % {"stage": names[template.stage]}


@staff_view
@require_safe
def templates(request: StaffRequest, org: str) -> HttpResponse:
    """The organization's templates by kind, and which kinds use Tremplin's own text; the
    rejections with their stage, and which stages use the general text."""
    own = list(messaging_selectors.message_template_list(organization=request.organization))
    names = dict(_stage_choices(request))
    kept = {t.stage for t in own if t.kind == MessageTemplate.Kind.REJECTION}
    general = [name for key, name in names.items() if key not in kept]
    kinds = [
        (
            kind,
            label,
            [(template, _stage_note(template, names)) for template in own if template.kind == kind],
            kind != MessageTemplate.Kind.ACKNOWLEDGEMENT,
            general if kind == MessageTemplate.Kind.REJECTION else [],
        )
        for kind, label in MessageTemplate.Kind.choices
    ]
    context = {
        "kinds": kinds,
        "general_own": "" in kept,
        "drafts": messaging_selectors.draft_list(organization=request.organization).count(),
        "unsorted": messaging_selectors.inbound_unsorted_list(
            organization=request.organization
        ).count(),
    }
    return render(request, "messaging/staff/templates.html", context)


def _instead(request: StaffRequest, kind: str, code: str, stage: str) -> tuple[str, str, str]:
    """The text used in a language a template leaves empty, and whose it is: a stage's
    rejection falls back on the general one ("general"), anything else on Tremplin's."""
    if kind == MessageTemplate.Kind.REJECTION and stage:
        own = messaging_selectors.message_template_text(
            organization=request.organization, kind=kind, language=code
        )
        if own is not None:
            return own.subject, own.body, "general"
    return (*messaging_selectors.message_default_text(kind=kind, language=code), "tremplin")


def _preview(
    request: StaffRequest, kind: str, texts: dict[str, tuple[str, str]], stage: str = ""
) -> list[dict[str, object]]:
    """Each language's text with made-up values filled in, or what is wrong with it; a
    language left empty shows the text used instead (``_instead``)."""
    previews: list[dict[str, object]] = []
    for code, name in settings.LANGUAGES:
        subject, body = texts.get(code, ("", ""))
        default = ""
        if not subject.strip() and not body.strip():
            subject, body, default = _instead(request, kind, code, stage)
        variables = correspondence.message_variables_sample(
            organization=request.organization, language=code, sender=request.user
        )
        errors = [*rendering.template_errors(subject), *rendering.template_errors(body)]
        previews.append(
            {
                "language": name,
                "code": code,
                "default": default,
                "errors": errors,
                "subject": "" if errors else rendering.template_render(subject, variables),
                "body": "" if errors else rendering.template_render(body, variables),
            }
        )
    return previews


def _template_page(
    request: StaffRequest, template: MessageTemplate | None, initial: dict[str, str]
) -> HttpResponse:
    stages = _stage_choices(request)
    if template is not None and template.stage and template.stage not in dict(stages):
        gone = _("“%(key)s”, a stage that no longer exists") % {"key": template.stage}
        stages.append((template.stage, gone))
    form = TemplateForm(request.POST or None, initial=initial, stages=stages)
    previews = None
    status = 200
    if request.method == "POST":
        status = 400
        valid = form.is_valid()
        if request.POST.get("action") == "preview":
            status = 200 if valid else 400
            texts = {
                code: (
                    request.POST.get(f"subject_{code}", ""),
                    request.POST.get(f"body_{code}", ""),
                )
                for code, _name in settings.LANGUAGES
            }
            kind = request.POST.get("kind", "")
            if kind not in MessageTemplate.Kind.values:
                kind = MessageTemplate.Kind.FREE
            previews = _preview(request, kind, texts, request.POST.get("stage", ""))
        elif valid:
            try:
                saved = messaging_services.message_template_save(
                    organization=request.organization,
                    template=template,
                    kind=form.cleaned_data["kind"],
                    name=form.cleaned_data["name"],
                    texts=form.texts(),
                    by=request.user,
                    stage=form.cleaned_data["stage"],
                    stages=[key for key, _name in stages],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Template “%(name)s” saved.") % {"name": saved.name})
                return redirect("staff_messaging:templates", org=request.organization.slug)
    context = {
        "template": template,
        "form": form,
        "previews": previews,
        "variables": rendering.VARIABLES,
    }
    return render(request, "messaging/staff/template_form.html", context, status=status)


@staff_view
@require_http_methods(["GET", "HEAD", "POST"])
def template_add(request: StaffRequest, org: str) -> HttpResponse:
    """A new template, starting from Tremplin's text of the kind asked for."""
    kind = request.GET.get("kind", "")
    if kind not in MessageTemplate.Kind.values:
        kind = MessageTemplate.Kind.FREE
    initial = {"kind": kind, "name": str(MessageTemplate.Kind(kind).label)}
    if kind == MessageTemplate.Kind.REJECTION:
        initial["stage"] = request.GET.get("stage", "")
    for code, _name in settings.LANGUAGES:
        subject, body = messaging_selectors.message_default_text(kind=kind, language=code)
        initial[f"subject_{code}"], initial[f"body_{code}"] = subject, body
    return _template_page(request, None, initial)


@staff_view
@require_http_methods(["GET", "HEAD", "POST"])
def template_edit(request: StaffRequest, org: str, template: int) -> HttpResponse:
    found = messaging_selectors.message_template_get_for_user(
        membership=request.membership, pk=template
    )
    initial = {"kind": found.kind, "name": found.name, "stage": found.stage}
    for text in found.texts.all():
        initial[f"subject_{text.language}"] = text.subject
        initial[f"body_{text.language}"] = text.body
    return _template_page(request, found, initial)


@staff_view
@require_safe
def template_preview(request: StaffRequest, org: str, template: int) -> HttpResponse:
    """The template in each language, filled for an application of the organization (chosen
    in the page) or for a made-up candidate."""
    found = messaging_selectors.message_template_get_for_user(
        membership=request.membership, pk=template
    )
    applications = list(
        Application.objects.filter(vacancy__organization=request.organization)
        .select_related("candidate", "vacancy")
        .prefetch_related("vacancy__texts")
        .order_by("-created_at")[:100]
    )
    chosen = next(
        (a for a in applications if str(a.pk) == request.GET.get("application", "")), None
    )
    texts = {text.language: (text.subject, text.body) for text in found.texts.all()}
    if chosen is None:
        previews = _preview(request, found.kind, texts, found.stage)
    else:
        previews = []
        for code, name in settings.LANGUAGES:
            subject, body, default = (
                (*texts[code], "")
                if code in texts
                else _instead(request, found.kind, code, found.stage)
            )
            # The application as if its candidate wrote in this language.
            candidate_in = copy.copy(chosen)
            candidate_in.language = code
            with translation.override(code):
                variables = correspondence.message_variables(
                    application=candidate_in, sender=request.user
                )
            previews.append(
                {
                    "language": name,
                    "code": code,
                    "default": default,
                    "errors": [],
                    "subject": rendering.template_render(subject, variables),
                    "body": rendering.template_render(body, variables),
                }
            )
    context = {
        "template": found,
        "previews": previews,
        "applications": applications,
        "chosen": chosen,
    }
    return render(request, "messaging/staff/template_preview.html", context)


@staff_view
@require_http_methods(["GET", "HEAD", "POST"])
def template_delete(request: StaffRequest, org: str, template: int) -> HttpResponse:
    found = messaging_selectors.message_template_get_for_user(
        membership=request.membership, pk=template
    )
    if request.method == "POST":
        messaging_services.message_template_delete(template=found, by=request.user)
        messages.success(request, _("Template “%(name)s” deleted.") % {"name": found.name})
        return redirect("staff_messaging:templates", org=request.organization.slug)
    return render(request, "messaging/staff/template_delete.html", {"template": found})


# --- Drafts ----------------------------------------------------------------------------


@staff_view
@require_safe
def drafts(request: StaffRequest, org: str) -> HttpResponse:
    context = {"drafts": messaging_selectors.draft_list(organization=request.organization)}
    return render(request, "messaging/staff/drafts.html", context)


@staff_view
@require_http_methods(["GET", "HEAD", "POST"])
def draft(request: StaffRequest, org: str, message: int) -> HttpResponse:
    """Review and edit a prepared message, then save it for later or send it."""
    found = messaging_selectors.draft_get_for_user(membership=request.membership, pk=message)
    form = DraftForm(request.POST or None, initial={"subject": found.subject, "body": found.body})
    if request.method == "POST" and found.status != DraftMessage.Status.DRAFT:
        messages.error(
            request,
            _("This message was already %(status)s: nothing was done.")
            % {"status": found.get_status_display().lower()},
        )
        return redirect(_application_url(found.application))
    if request.method == "POST" and form.is_valid():
        subject, body = form.cleaned_data["subject"], form.cleaned_data["body"]
        try:
            if request.POST.get("action") == "send":
                correspondence.draft_send(draft=found, by=request.user, subject=subject, body=body)
                messages.success(request, _("The message is on its way to the candidate."))
                return redirect(_application_url(found.application) + "#messages")
            correspondence.draft_update(draft=found, subject=subject, body=body)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Draft saved. It has not been sent."))
            return redirect(
                "staff_messaging:draft", org=request.organization.slug, message=found.pk
            )
    status = 400 if request.method == "POST" else 200
    context = {"draft": found, "application": found.application, "form": form}
    return render(request, "messaging/staff/draft.html", context, status=status)


@staff_view
@require_http_methods(["GET", "HEAD", "POST"])
def draft_discard(request: StaffRequest, org: str, message: int) -> HttpResponse:
    found = messaging_selectors.draft_get_for_user(membership=request.membership, pk=message)
    if request.method == "POST":
        try:
            correspondence.draft_discard(draft=found, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The draft was discarded; nothing was sent."))
        return redirect(_application_url(found.application))
    return render(request, "messaging/staff/draft_discard.html", {"draft": found})


# --- Incoming e-mail to sort -----------------------------------------------------------


@staff_view
@require_safe
def unsorted(request: StaffRequest, org: str) -> HttpResponse:
    inbound = messaging_selectors.inbound_unsorted_list(organization=request.organization)
    context = page_of(request, inbound.order_by("-received_at", "-pk"))
    return render(request, "messaging/staff/unsorted.html", context)


@staff_view
@require_http_methods(["GET", "HEAD", "POST"])
def inbound(request: StaffRequest, org: str, message: int) -> HttpResponse:
    """One incoming e-mail: what it says, and (while unsorted) the vacancy to file it under."""
    found = messaging_selectors.inbound_get_for_user(membership=request.membership, pk=message)
    vacancies = vacancies_for_member(membership=request.membership).prefetch_related("texts")
    form = AssignForm(request.POST or None, vacancies=vacancies)
    if request.method == "POST" and found.status != InboundMessage.Status.UNSORTED:
        messages.error(request, _("This message is not waiting to be sorted."))
        return redirect("staff_messaging:inbound", org=request.organization.slug, message=found.pk)
    if request.method == "POST" and form.is_valid():
        try:
            application = inbound_assign(
                message=found, vacancy=form.cleaned_data["vacancy"], by=request.user
            )
        except (ValidationError, UnreadableMessage) as error:
            form.add_error(
                None,
                " ".join(error.messages) if isinstance(error, ValidationError) else str(error),
            )
        else:
            messages.success(request, _("The e-mail is now an application."))
            return redirect(_application_url(application))
    try:
        with found.raw.open("rb") as file:
            parsed = message_parse(file.read())
        text, attachments = parsed.body_text[:PREVIEW_CHARS], [a.name for a in parsed.attachments]
    except (OSError, ValueError):  # the raw message is missing from the storage
        text, attachments = "", []
    status = 400 if request.method == "POST" else 200
    context = {"message": found, "form": form, "text": text, "attachments": attachments}
    return render(request, "messaging/staff/inbound.html", context, status=status)
