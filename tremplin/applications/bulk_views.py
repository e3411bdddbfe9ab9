"""Bulk actions on the pipeline board, for recruiters and owners: the applications ticked
are moved to a stage, not retained with a message to each in their language, or given
reviewers (``assignments``).

A plain form: the board posts the selection here; a confirmation page lists it (and, for a
rejection, shows the message as each language's candidates will read it, with how many
get it; for an assignment, the e-mail each reviewer will read, in their language);
confirming acts and leads to the vacancy's recent bulk actions, where the last one can be
undone for a short while (``bulk.bulk_undo_seconds``) before its messages go.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from tremplin.accounts.permissions import StaffRequest, staff_view
from tremplin.accounts.policy import MANAGERS
from tremplin.applications import assignments, bulk, selectors
from tremplin.applications.models import BulkAction, Stage, StageChange
from tremplin.applications.staff_forms import BulkForm
from tremplin.applications.staff_views import rejection_drafts_notice
from tremplin.vacancies.models import Vacancy
from tremplin.vacancies.selectors import vacancy_get_for_user


def _actions_url(vacancy: Vacancy) -> str:
    return reverse(
        "staff_applications:bulk_actions",
        kwargs={"org": vacancy.organization.slug, "vacancy": vacancy.slug},
    )


def _refused(request: StaffRequest, vacancy: Vacancy, form: BulkForm) -> HttpResponse:
    context = {
        "vacancy": vacancy,
        "form": form,
        "selected": request.POST.getlist("applications"),
        "seen": request.POST.getlist("seen"),
    }
    return render(request, "applications/staff/bulk_move.html", context, status=400)


@staff_view
@never_cache
@require_POST
def bulk_move(request: StaffRequest, org: str, vacancy: str) -> HttpResponse:
    """Check the selection and show what will happen; with ``confirm=yes``, do it."""
    found = vacancy_get_for_user(membership=request.membership, slug=vacancy, roles=MANAGERS)
    stages = selectors.stage_list(organization=request.organization)
    assigning = request.POST.get("action") == "assign"
    form = BulkForm(
        request.POST,
        organization=request.organization,
        stages=stages,
        members=assignments.assignable_reviewers(organization=request.organization)
        if assigning
        else (),
        auto_id="bulk_%s",
    )
    if assigning:
        return _assign(request, found, form, stages)
    if not form.is_valid() or form.move is None:
        return _refused(request, found, form)
    move, seen = form.move, form.seen_stages()
    try:
        applications = bulk.bulk_select(vacancy=found, pks=form.selected(), seen=seen)
    except ValidationError as error:
        form.add_error(None, error)
        return _refused(request, found, form)
    if request.POST.get("confirm") != "yes":
        context = {
            "vacancy": found,
            "move": move,
            "action": form.action,
            "reason_label": StageChange.Reason(move.reason).label if move.reason else "",
            "applications": applications,
            "rows": [
                (a, selectors.stage_label(stages=stages, key=a.stage), a.stage == move.stage.key)
                for a in applications
            ],
            "mails": bulk.bulk_rejection_preview(
                vacancy=found,
                applications=[a for a in applications if a.stage != move.stage.key],
                by=request.user,
            )
            if form.action == "reject"
            else [],
            "undo_seconds": bulk.bulk_undo_seconds(),
        }
        return render(request, "applications/staff/bulk_move_confirm.html", context)
    try:
        action = bulk.bulk_apply(
            vacancy=found,
            pks=[a.pk for a in applications],
            seen={a.pk: a.stage for a in applications} | seen,
            move=move,
            kind=BulkAction.Kind.REJECT if form.action == "reject" else BulkAction.Kind.MOVE,
            by=request.user,
        )
    except ValidationError as error:
        form.add_error(None, error)
        return _refused(request, found, form)
    count = len(action.moves)
    messages.success(
        request,
        ngettext(
            "%(count)d application moved to “%(stage)s”.",
            "%(count)d applications moved to “%(stage)s”.",
            count,
        )
        % {"count": count, "stage": move.stage.label()},
    )
    if action.kind == BulkAction.Kind.REJECT:
        messages.info(
            request,
            ngettext(
                "%(count)d message will be sent in %(seconds)d seconds unless you undo.",
                "%(count)d messages will be sent in %(seconds)d seconds unless you undo.",
                len(action.outbox_messages),
            )
            % {"count": len(action.outbox_messages), "seconds": bulk.bulk_undo_seconds()},
        )
    elif move.stage.kind == Stage.Kind.REJECTED:
        rejection_drafts_notice(request, count)
    return redirect(_actions_url(found) + f"#bulk-{action.pk}")


def _assign(
    request: StaffRequest, vacancy: Vacancy, form: BulkForm, stages: list[Stage]
) -> HttpResponse:
    """Assigning reviewers: the list and each reviewer's e-mail; with ``confirm=yes``, do it."""
    if not form.is_valid():
        return _refused(request, vacancy, form)
    seen = form.seen_stages()
    try:
        applications = bulk.bulk_select(vacancy=vacancy, pks=form.selected(), seen=seen)
        reviewers = assignments.reviewers_check(
            organization=request.organization, pks=form.chosen_reviewers()
        )
        if request.POST.get("confirm") == "yes":
            action = assignments.bulk_assign(
                vacancy=vacancy,
                pks=[a.pk for a in applications],
                seen={a.pk: a.stage for a in applications} | seen,
                reviewer_pks=[r.pk for r in reviewers],
                by=request.user,
            )
        else:
            plan = assignments.assignment_plan(
                vacancy=vacancy, applications=applications, reviewers=reviewers, by=request.user
            )
    except ValidationError as error:
        form.add_error(None, error)
        return _refused(request, vacancy, form)
    if request.POST.get("confirm") != "yes":
        context = {
            "vacancy": vacancy,
            "plan": plan,
            "reviewers": reviewers,
            "rows": [
                (row, selectors.stage_label(stages=stages, key=row.application.stage))
                for row in plan.rows
            ],
            "undo_seconds": bulk.bulk_undo_seconds(),
        }
        return render(request, "applications/staff/bulk_assign_confirm.html", context)
    count, mails = len(action.moves), len(action.outbox_messages)
    messages.success(
        request,
        ngettext(
            "Reviewers assigned to %(count)d application.",
            "Reviewers assigned to %(count)d applications.",
            count,
        )
        % {"count": count},
    )
    messages.info(
        request,
        ngettext(
            "%(count)d e-mail will be sent in %(seconds)d seconds unless you undo.",
            "%(count)d e-mails will be sent in %(seconds)d seconds unless you undo.",
            mails,
        )
        % {"count": mails, "seconds": bulk.bulk_undo_seconds()},
    )
    return redirect(_actions_url(vacancy) + f"#bulk-{action.pk}")


@staff_view
@never_cache
@require_safe
def bulk_actions(request: StaffRequest, org: str, vacancy: str) -> HttpResponse:
    """The vacancy's latest bulk actions, the one still in its window with "Undo"."""
    found = vacancy_get_for_user(membership=request.membership, slug=vacancy, roles=MANAGERS)
    stages = selectors.stage_list(organization=request.organization)
    recent = bulk.bulk_recent(vacancy=found)
    users = assignments.users_by_pk(actions=recent)

    def what(action: BulkAction) -> str:
        """The stage they went to, or the reviewers they were given."""
        if action.kind == BulkAction.Kind.ASSIGN:
            named = (users.get(int(item["reviewer"])) for item in action.reviewers)
            return ", ".join(
                user.display_name if user else _("someone no longer here") for user in named
            )
        return selectors.stage_label(stages=stages, key=action.to_stage)

    rows = [(action, what(action), bulk.bulk_can_undo(action)) for action in recent]
    return render(request, "applications/staff/bulk_actions.html", {"vacancy": found, "rows": rows})


@staff_view
@require_POST
def bulk_undo(request: StaffRequest, org: str, vacancy: str) -> HttpResponse:
    """Undo the bulk action posted as ``action`` (one of this vacancy's; 404 otherwise)."""
    found = vacancy_get_for_user(membership=request.membership, slug=vacancy, roles=MANAGERS)
    action = request.POST.get("action", "")
    try:
        done = bulk.bulk_action_get(vacancy=found, pk=int(action))
    except (ValueError, BulkAction.DoesNotExist) as error:
        raise Http404 from error
    try:
        if done.kind == BulkAction.Kind.ASSIGN:
            count = assignments.bulk_assign_undo(action=done, by=request.user)
        else:
            count = bulk.bulk_undo(action=done, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if done.kind == BulkAction.Kind.ASSIGN:
            text = ngettext(
                "Undone: %(count)d application no longer has the reviewers it was given.",
                "Undone: %(count)d applications no longer have the reviewers they were given.",
                count,
            ) % {"count": count}
            messages.success(request, text + " " + _("No e-mail was sent."))
            return redirect(_actions_url(found) + f"#bulk-{done.pk}")
        text = ngettext(
            "Undone: %(count)d application is back where it was.",
            "Undone: %(count)d applications are back where they were.",
            count,
        ) % {"count": count}
        if done.outbox_messages:
            text += " " + _("No message was sent.")
        if count < len(done.moves):
            text += " " + _("Those moved again since stay where they are now.")
        messages.success(request, text)
    return redirect(_actions_url(found) + f"#bulk-{done.pk}")
