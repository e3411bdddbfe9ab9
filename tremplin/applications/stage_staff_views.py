"""The pipeline's stages, for owners: names and order, adding, renaming and removing one.

Wrapped in ``staff_view`` like every staff page; changes go through ``services``."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tremplin.accounts.permissions import StaffRequest, staff_view
from tremplin.applications import selectors, services
from tremplin.applications.staff_forms import StageAddForm, StageNamesForm


def _stages_context(request: StaffRequest, form: StageAddForm | None = None) -> dict[str, object]:
    stages = selectors.stage_list(organization=request.organization)
    usage = selectors.stage_usage(organization=request.organization)
    return {
        "rows": [(stage, usage.get(stage.key, 0)) for stage in stages],
        "form": form or StageAddForm(stages=stages),
        "first_in_progress": next((s.key for s in stages if s.editable_place), None),
        "last_in_progress": next((s.key for s in reversed(stages) if s.editable_place), None),
    }


@staff_view
@require_http_methods(["GET", "HEAD", "POST"])
def stages(request: StaffRequest, org: str) -> HttpResponse:
    """The organization's pipeline: names, order; a stage can be added here."""
    form = None
    if request.method == "POST":
        stage_list = selectors.stage_list(organization=request.organization)
        form = StageAddForm(request.POST, stages=stage_list)
        if form.is_valid():
            try:
                stage = services.stage_add(
                    organization=request.organization,
                    labels=form.labels(),
                    after=form.cleaned_data["after"],
                    by=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Stage “%(stage)s” added.") % {"stage": stage.label()})
                return redirect("staff_applications:stages", org=request.organization.slug)
    status = 400 if form is not None else 200
    return render(
        request, "applications/staff/stages.html", _stages_context(request, form), status=status
    )


@staff_view
@require_http_methods(["GET", "HEAD", "POST"])
def stage_edit(request: StaffRequest, org: str, stage: str) -> HttpResponse:
    found = selectors.stage_get(organization=request.organization, key=stage)
    initial = {f"label_{code}": text for code, text in (found.labels or {}).items()}
    form = StageNamesForm(request.POST or None, initial=initial, builtin=found.builtin)
    if request.method == "POST" and form.is_valid():
        try:
            renamed = services.stage_rename(
                organization=request.organization,
                key=found.key,
                labels=form.labels(),
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Stage “%(stage)s” renamed.") % {"stage": renamed.label()})
            return redirect("staff_applications:stages", org=request.organization.slug)
    status = 400 if request.method == "POST" else 200
    context = {"stage": found, "form": form}
    return render(request, "applications/staff/stage_edit.html", context, status=status)


@staff_view
@require_POST
def stage_move(request: StaffRequest, org: str, stage: str) -> HttpResponse:
    found = selectors.stage_get(organization=request.organization, key=stage)
    try:
        services.stage_move(
            organization=request.organization,
            key=found.key,
            up=request.POST.get("direction") == "up",
            by=request.user,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("staff_applications:stages", org=request.organization.slug)


@staff_view
@require_http_methods(["GET", "HEAD", "POST"])
def stage_remove(request: StaffRequest, org: str, stage: str) -> HttpResponse:
    """Ask, then remove a stage that no application is at."""
    found = selectors.stage_get(organization=request.organization, key=stage)
    count = selectors.stage_usage(organization=request.organization).get(found.key, 0)
    error = ""
    if request.method == "POST":
        try:
            services.stage_remove(organization=request.organization, key=found.key, by=request.user)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, _("Stage “%(stage)s” removed.") % {"stage": found.label()})
            return redirect("staff_applications:stages", org=request.organization.slug)
    context = {"stage": found, "count": count, "error": error}
    status = 400 if error else 200
    return render(request, "applications/staff/stage_remove.html", context, status=status)
