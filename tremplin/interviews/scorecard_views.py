"""The scorecard page of an interview, under
/<language>/staff/<org>/applications/<id>/interviews/<interview>/scorecard/.

A panel member fills their scorecard there (with review's form, on review's scale) once the
interview has taken place, and sees the others' once theirs is submitted; recruiters and
owners who are not on the panel see the submitted ones once the interview has taken place.
In blind review the candidate goes by their number, as in the panel's invitations.
"""

import functools
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from tremplin.accounts.permissions import StaffRequest, staff_view
from tremplin.accounts.policy import MANAGERS
from tremplin.core.audit import log_read
from tremplin.interviews import selectors, services
from tremplin.interviews.mails import interview_is_blind, when_text
from tremplin.interviews.models import Scorecard
from tremplin.review.forms import ReviewForm
from tremplin.review.selectors import candidate_label, criteria_for_review, criterion_text
from tremplin.vacancies.models import Criterion
from tremplin.vacancies.selectors import vacancy_title_for_language


def _entry(scorecard: Scorecard, criteria: list[Criterion]) -> dict[str, Any]:
    """One scorecard as review's read-only partial (``review/_review_scores.html``) takes it."""
    scores = {score.criterion_id: score for score in scorecard.scores.all()}
    return {
        "review": scorecard,
        "scores": [(criterion, scores.get(criterion.pk)) for criterion in criteria],
    }


def _initial(scorecard: Scorecard | None) -> dict[str, Any]:
    if scorecard is None:
        return {}
    initial: dict[str, Any] = {
        "recommendation": scorecard.recommendation,
        "comment": scorecard.comment,
    }
    for score in scorecard.scores.all():
        initial[f"score_{score.criterion_id}"] = score.score
        initial[f"note_{score.criterion_id}"] = score.note
    return initial


@staff_view
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def scorecard(request: StaffRequest, org: str, application: int, interview: int) -> HttpResponse:
    found = selectors.interview_get_for_user(
        membership=request.membership, application=application, pk=interview
    )
    manager = request.membership.role in MANAGERS
    access = selectors.scorecard_access(interview=found, user=request.user, manager=manager)
    if not access.allowed:
        raise Http404("not on this interview's panel")
    vacancy = found.application.vacancy
    criteria = criteria_for_review(vacancy=vacancy)
    status = 200
    if request.method == "POST":
        submitting = request.POST.get("action") == "submit"
        form = ReviewForm(request.POST, criteria=criteria, submitting=submitting)
        if form.saved_with(
            functools.partial(services.scorecard_save, interview=found, member=request.user)
        ):
            messages.success(
                request,
                _("Your scorecard is submitted.") if submitting else _("Your draft is saved."),
            )
            return redirect(request.path)
        status = 400
    else:
        form = ReviewForm(initial=_initial(access.own), criteria=criteria)

    others = selectors.scorecards_visible(interview=found, user=request.user, access=access)
    if others:
        log_read(
            request.user,
            "interview.scorecards_view",
            found.application,
            {"interview": found.pk, "scorecards": [card.pk for card in others]},
        )
    blind = interview_is_blind(application=found.application)
    submitted = set(
        found.scorecards.filter(submitted_at__isnull=False).values_list(
            "panel_member_id", flat=True
        )
    )
    context = {
        "interview": found,
        "application": found.application,
        "vacancy": vacancy,
        "title": vacancy_title_for_language(vacancy=vacancy, language=request.LANGUAGE_CODE),
        "label": candidate_label(found.application),
        "name": "" if blind else found.application.candidate.name,
        "blind": blind,
        "when": when_text(interview=found, start=found.start) if found.start else "",
        "access": access,
        "is_manager": manager,
        "form": form,
        "criteria": [
            {
                "criterion": criterion,
                "number": number,
                "text": criterion_text(criterion=criterion),
                "score": form[f"score_{criterion.pk}"],
                "note": form[f"note_{criterion.pk}"],
            }
            for number, criterion in enumerate(criteria, start=1)
        ],
        "own": _entry(access.own, criteria) if access.own_submitted and access.own else None,
        "others": [_entry(card, criteria) for card in others],
        "summary": selectors.scorecard_summary(interview=found) if access.sees_others else None,
        "panel": [(member, member.pk in submitted) for member in found.panel.order_by("email")],
        "submitted_count": len(submitted),
    }
    return render(request, "interviews/staff/scorecard.html", context, status=status)
