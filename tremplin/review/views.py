"""Staff pages of structured review. Thin: permissions, forms and redirects; the rules are
in selectors.py and services.py."""

import functools
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from tremplin.accounts.models import Membership
from tremplin.accounts.permissions import StaffRequest, staff_view
from tremplin.accounts.policy import EVERYONE, MANAGERS
from tremplin.applications.notes import notes_read
from tremplin.applications.selectors import stage_label, stage_list
from tremplin.core.audit import log_read
from tremplin.core.confirm import Confirmation, confirmation_page, confirmed
from tremplin.core.pagination import page_number, page_of
from tremplin.review import selectors, services
from tremplin.review.forms import AnswerScoreForm, ReviewForm
from tremplin.review.models import Review
from tremplin.review.results import DISAGREEMENT, aggregate, reviewer_progress
from tremplin.vacancies.models import Vacancy
from tremplin.vacancies.selectors import (
    vacancies_for_member,
    vacancy_get_for_user,
    vacancy_title_for_language,
)


def _context(request: StaffRequest, vacancy: Vacancy, **extra: Any) -> dict[str, Any]:
    return {
        "vacancy": vacancy,
        "title": vacancy_title_for_language(vacancy=vacancy, language=request.LANGUAGE_CODE),
        "is_manager": selectors.is_manager(request.membership),
        **extra,
    }


def _vacancy_url(vacancy: Vacancy, name: str = "vacancy", **kwargs: Any) -> str:
    return reverse(
        f"staff_review:{name}",
        kwargs={"org": vacancy.organization.slug, "vacancy": vacancy.slug, **kwargs},
    )


@staff_view
@require_safe
def index(request: StaffRequest, org: str) -> HttpResponse:
    """The vacancies this member reviews, with what is left for them on each."""
    vacancies = vacancies_for_member(membership=request.membership).prefetch_related("texts")
    rows = []
    for vacancy in vacancies.order_by("status", "-created_at"):
        applications = selectors.reviewable_applications(vacancy=vacancy)
        submitted = Review.objects.filter(
            application__in=applications, reviewer=request.user, submitted_at__isnull=False
        ).count()
        answers_left = sum(
            left
            for _scored, left in selectors.question_progress(
                vacancy=vacancy, reviewer=request.user
            ).values()
        )
        rows.append(
            {
                "vacancy": vacancy,
                "title": vacancy_title_for_language(
                    vacancy=vacancy, language=request.LANGUAGE_CODE
                ),
                "applications_left": applications.count() - submitted,
                "answers_left": answers_left,
            }
        )
    return render(request, "review/index.html", {"rows": rows})


@staff_view
@require_safe
def vacancy_overview(request: StaffRequest, org: str, vacancy: str) -> HttpResponse:
    """A vacancy's review: its applications, its questions, and blind mode."""
    found = vacancy_get_for_user(membership=request.membership, slug=vacancy, roles=EVERYONE)
    lifts = selectors.blind_lifts(vacancy=found)
    stages = stage_list(organization=found.organization)
    # "Assigned to me" is offered, and on by default, to those with assignments here.
    assigned = selectors.assigned_to(vacancy=found, reviewer=request.user)
    only_assigned = bool(assigned) and request.GET.get("assigned") != "0"
    in_review = selectors.reviewable_applications(vacancy=found)
    paged = page_of(request, in_review.filter(pk__in=assigned) if only_assigned else in_review)
    shown = list(paged["page"].object_list)
    own = {
        review.application_id: review
        for review in Review.objects.filter(application__in=shown, reviewer=request.user)
    }
    applications = [
        {
            "application": application,
            "label": selectors.candidate_label(application),
            "name": application.candidate.name
            if selectors.identity_visible(vacancy=found, application=application, lifted=lifts)
            else "",
            "review": own.get(application.pk),
            "stage": stage_label(stages=stages, key=application.stage),
            "assigned": application.pk in assigned,
        }
        for application in shown
    ]
    progress = selectors.question_progress(vacancy=found, reviewer=request.user)
    questions = [
        {
            "question": question,
            "number": number,
            "text": selectors.question_text(question=question),
            "scored": progress.get(question.pk, (0, 0))[0],
            "left": progress.get(question.pk, (0, 0))[1],
        }
        for number, question in enumerate(selectors.questions_for_review(vacancy=found), start=1)
    ]
    lift_rows = [
        {"key": key, "label": label, "lift": lifts.get(key)}
        for key, label in selectors.review_stage_choices(organization=found.organization)
    ]
    return render(
        request,
        "review/vacancy.html",
        _context(
            request,
            found,
            applications=applications,
            **paged,
            questions=questions,
            stages=lift_rows,
            has_criteria=found.criteria.exists(),
            has_assigned=bool(assigned),
            only_assigned=only_assigned,
        ),
    )


@staff_view
@require_http_methods(["GET", "HEAD", "POST"])
def application_review(
    request: StaffRequest, org: str, vacancy: str, application: int
) -> HttpResponse:
    """One reviewer's review of one application: the scores form, the candidate's texts
    (redacted in blind mode) and, once submitted, the other reviewers' scores."""
    found = vacancy_get_for_user(membership=request.membership, slug=vacancy, roles=EVERYONE)
    reviewed = selectors.application_get_for_review(vacancy=found, pk=application)
    criteria = selectors.criteria_for_review(vacancy=found)
    review = selectors.review_get(application=reviewed, reviewer=request.user)

    if request.method == "POST":
        if review is not None and review.is_submitted:
            messages.error(request, _("You have already submitted this review."))
            return redirect(request.path)
        submitting = request.POST.get("action") == "submit"
        form = ReviewForm(request.POST, criteria=criteria, submitting=submitting)
        if form.saved_with(
            functools.partial(services.review_save, application=reviewed, reviewer=request.user)
        ):
            messages.success(
                request,
                _("Your review is submitted.") if submitting else _("Your draft is saved."),
            )
            return redirect(request.path)
        status = 400
    else:
        initial: dict[str, Any] = {}
        if review is not None:
            initial = {"recommendation": review.recommendation, "comment": review.comment}
            for score in review.scores.all():
                initial[f"score_{score.criterion_id}"] = score.score
                initial[f"note_{score.criterion_id}"] = score.note
        form = ReviewForm(initial=initial, criteria=criteria)
        status = 200

    lifts = selectors.blind_lifts(vacancy=found)
    visible = selectors.identity_visible(vacancy=found, application=reviewed, lifted=lifts)
    documents = selectors.documents_for_review(application=reviewed, blind=not visible)
    log_read(request.user, "document.view", reviewed, {"blind": not visible})
    criterion_rows = [
        {
            "criterion": criterion,
            "number": number,
            "text": selectors.criterion_text(criterion=criterion),
            "score": form[f"score_{criterion.pk}"],
            "note": form[f"note_{criterion.pk}"],
        }
        for number, criterion in enumerate(criteria, start=1)
    ]
    others = selectors.reviews_of_others(application=reviewed, reviewer=request.user)
    own_scores = {score.criterion_id: score for score in review.scores.all()} if review else {}
    return render(
        request,
        "review/application.html",
        _context(
            request,
            found,
            application=reviewed,
            stage_label=selectors.application_stage_label(reviewed),
            label=selectors.candidate_label(reviewed),
            identity_visible=visible,
            candidate=reviewed.candidate if visible else None,
            notes=notes_read(application=reviewed, by=request.user) if visible else None,
            documents=documents,
            answers=selectors.answers_for_application_review(
                application=reviewed, blind=not visible
            ),
            has_blind_questions=found.questions.filter(blind_review=True).exists(),
            form=form,
            criteria=criterion_rows,
            review=review,
            own_scores=own_scores,
            others=[_review_rows(other, criteria) for other in others],
            criteria_list=criteria,
        ),
        status=status,
    )


def _review_rows(review: Review, criteria: list[Any]) -> dict[str, Any]:
    scores = {score.criterion_id: score for score in review.scores.all()}
    return {
        "review": review,
        "scores": [(criterion, scores.get(criterion.pk)) for criterion in criteria],
    }


@staff_view
@require_safe
def application_reviews(
    request: StaffRequest, org: str, vacancy: str, application: int
) -> HttpResponse:
    """Every submitted review of one application, for recruiters and owners."""
    found = vacancy_get_for_user(membership=request.membership, slug=vacancy, roles=MANAGERS)
    reviewed = found.applications.exclude(stage="withdrawn").filter(pk=application).first()
    if reviewed is None:
        raise Http404("no such application")
    criteria = selectors.criteria_for_review(vacancy=found)
    lifts = selectors.blind_lifts(vacancy=found)
    visible = selectors.identity_visible(vacancy=found, application=reviewed, lifted=lifts)
    return render(
        request,
        "review/application_reviews.html",
        _context(
            request,
            found,
            application=reviewed,
            label=selectors.candidate_label(reviewed),
            name=reviewed.candidate.name if visible else "",
            criteria_list=[
                (number, criterion, selectors.criterion_text(criterion=criterion))
                for number, criterion in enumerate(criteria, start=1)
            ],
            reviews=[
                _review_rows(review, criteria)
                for review in selectors.submitted_reviews(application=reviewed)
            ],
            reviewable=reviewed.stage in selectors.review_stage_keys(vacancy=found),
            stage_label=selectors.application_stage_label(reviewed),
        ),
    )


@staff_view
@require_http_methods(["GET", "HEAD", "POST"])
def question_review(request: StaffRequest, org: str, vacancy: str, question: int) -> HttpResponse:
    """Question-by-question review: one answer at a time, blind, in the reviewer's order."""
    found = vacancy_get_for_user(membership=request.membership, slug=vacancy, roles=EVERYONE)
    asked = selectors.question_get_for_review(vacancy=found, pk=question)
    status = 200
    form: AnswerScoreForm | None = None
    current = None
    if request.method == "POST":
        form = AnswerScoreForm(request.POST)
        if form.is_valid():
            current = selectors.answer_find_for_reviewer(
                question=asked, reviewer=request.user, key=form.cleaned_data["answer"]
            )
            if current is None:
                messages.error(
                    request, _("This answer is no longer in review: here is the next one.")
                )
                return redirect(request.path)
            try:
                services.answer_score_save(
                    answer=current,
                    reviewer=request.user,
                    score=form.cleaned_data["score"],
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Score saved."))
                return redirect(request.path)
        else:
            current = selectors.answer_find_for_reviewer(
                question=asked, reviewer=request.user, key=request.POST.get("answer", "")
            )
        status = 400

    queue = selectors.answer_queue(question=asked, reviewer=request.user)
    done = {answer.pk: score for answer, score in queue.done}
    if current is None and request.GET.get("answer"):
        current = selectors.answer_find_for_reviewer(
            question=asked, reviewer=request.user, key=request.GET["answer"]
        )
        if current is not None and current.pk not in done and current not in queue.todo:
            current = None
    if current is None:
        current = queue.next
    if current is not None and form is None:
        existing = done.get(current.pk)
        form = AnswerScoreForm(
            initial={
                "answer": selectors.answer_key(reviewer_id=request.user.pk, answer_id=current.pk),
                "score": existing.score if existing else None,
                "note": existing.note if existing else "",
            }
        )
    questions = selectors.questions_for_review(vacancy=found)
    position = next(i for i, q in enumerate(questions) if q.pk == asked.pk)
    following = questions[position + 1] if position + 1 < len(questions) else None
    return render(
        request,
        "review/question.html",
        _context(
            request,
            found,
            question=asked,
            question_number=position + 1,
            question_count=len(questions),
            question_text=selectors.question_text(question=asked),
            next_question=following,
            queue=queue,
            current=current,
            current_number=queue.numbers.get(current.pk) if current else None,
            current_text=selectors.answer_text_for_review(current) if current else "",
            editing=current is not None and current.pk in done,
            form=form,
            done=[
                {
                    "number": queue.numbers[answer.pk],
                    "excerpt": selectors.answer_text_for_review(answer),
                    "score": score,
                    "key": selectors.answer_key(reviewer_id=request.user.pk, answer_id=answer.pk),
                }
                for answer, score in sorted(queue.done, key=lambda pair: queue.numbers[pair[0].pk])
            ],
        ),
        status=status,
    )


@staff_view
@require_safe
def results(request: StaffRequest, org: str, vacancy: str) -> HttpResponse:
    """The aggregate table: means, spreads and disagreements, sortable by any column."""
    found = vacancy_get_for_user(membership=request.membership, slug=vacancy, roles=EVERYONE)
    sort = request.GET.get("sort", "candidate")
    table = aggregate(  # an unknown column sorts by candidate
        vacancy=found,
        membership=request.membership,
        sort=sort.lstrip("-"),
        descending=sort.startswith("-"),
        page=page_number(request),
    )
    headers = []
    for column in table.columns:
        current = column.key == table.sort
        # A first click sorts numbers from the highest, names and stages from the first.
        first_descending = column.key not in {"candidate", "stage"}
        next_descending = not table.descending if current else first_descending
        headers.append(
            {
                "column": column,
                "aria_sort": ("descending" if table.descending else "ascending") if current else "",
                "url": f"?sort={'-' if next_descending else ''}{column.key}",
            }
        )
    return render(
        request,
        "review/results.html",
        _context(
            request,
            found,
            table=table,
            headers=headers,
            sort_param=f"{'-' if table.descending else ''}{table.sort}",
            disagreement=DISAGREEMENT,
        ),
    )


@staff_view
@require_safe
def progress(request: StaffRequest, org: str, vacancy: str) -> HttpResponse:
    """Who has reviewed what, and what is left, with a reminder button per reviewer."""
    found = vacancy_get_for_user(membership=request.membership, slug=vacancy, roles=MANAGERS)
    return render(
        request,
        "review/progress.html",
        _context(
            request,
            found,
            reviewers=reviewer_progress(vacancy=found),
            has_questions=found.questions.exists(),
        ),
    )


@staff_view
@require_POST
def remind(request: StaffRequest, org: str, vacancy: str, member: int) -> HttpResponse:
    found = vacancy_get_for_user(membership=request.membership, slug=vacancy, roles=MANAGERS)
    membership = (
        Membership.objects.select_related("user")
        .filter(pk=member, organization=request.organization)
        .first()
    )
    if membership is None:
        raise Http404("no such member")
    if not confirmed(request):
        try:
            services.reviewer_remind_check(vacancy=found, membership=membership)
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
            return HttpResponseRedirect(_vacancy_url(found, "progress"))
        return confirmation_page(
            request,
            Confirmation(
                question=_("Send a reminder to %(email)s?") % {"email": membership.user.email},
                consequences=[
                    _(
                        "An e-mail goes to %(email)s at once, saying how many reviews of "
                        "this vacancy are still waiting for them."
                    )
                    % {"email": membership.user.email},
                    _("A sent e-mail cannot be recalled."),
                ],
                button=_("Yes, send the reminder"),
                cancel_url=_vacancy_url(found, "progress"),
            ),
        )
    try:
        services.reviewer_remind(vacancy=found, membership=membership, by=request.user)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(
            request,
            _("A reminder to %(email)s is on its way.") % {"email": membership.user.email},
        )
    return HttpResponseRedirect(_vacancy_url(found, "progress"))


@staff_view
@require_http_methods(["GET", "HEAD", "POST"])
def blind_lift(request: StaffRequest, org: str, vacancy: str, stage: str) -> HttpResponse:
    """Show names to reviewers at one stage, after a confirmation."""
    found = vacancy_get_for_user(membership=request.membership, slug=vacancy, roles=MANAGERS)
    label = selectors.review_stage_label(vacancy=found, stage=stage)
    if not found.blind_review:
        raise Http404("blind review is off for this vacancy")
    if request.method == "POST":
        services.blind_lift(vacancy=found, stage=stage, by=request.user)
        messages.success(
            request,
            _("Reviewers now see the names of candidates at the “%(stage)s” stage.")
            % {"stage": label},
        )
        return HttpResponseRedirect(_vacancy_url(found))
    count = selectors.reviewable_applications(vacancy=found).filter(stage=stage).count()
    return render(
        request,
        "review/blind_lift_confirm.html",
        _context(request, found, stage=stage, stage_label=label, count=count),
    )


@staff_view
@require_POST
def blind_restore(request: StaffRequest, org: str, vacancy: str, stage: str) -> HttpResponse:
    found = vacancy_get_for_user(membership=request.membership, slug=vacancy, roles=MANAGERS)
    label = selectors.review_stage_label(vacancy=found, stage=stage)
    services.blind_restore(vacancy=found, stage=stage, by=request.user)
    messages.success(
        request,
        _("Names are hidden again at the “%(stage)s” stage.") % {"stage": label},
    )
    return HttpResponseRedirect(_vacancy_url(found))
