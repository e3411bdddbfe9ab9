"""The editor's pages for a vacancy's criteria and its questions: one set of views, two
configurations (``CRITERIA`` and ``QUESTIONS``), which ``staff_urls`` gives to ``as_view``.

Each page is for owners and recruiters (``StaffViewMixin``; reviewers get a 404, as outsiders
do). Items are loaded through ``selectors.*_get_for_user``, scoped to the organization in the
address; writes go through ``item_services``, which log them.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from tremplin.accounts.permissions import StaffRequest, StaffViewMixin
from tremplin.vacancies import item_services, selectors
from tremplin.vacancies.checks import pay_history_warning
from tremplin.vacancies.models import Criterion, Question, Vacancy
from tremplin.vacancies.staff_forms import (
    CriterionForm,
    CriterionTextForm,
    MoveForm,
    QuestionForm,
    QuestionTextForm,
    bound_text,
)
from tremplin.vacancies.staff_views import editor_context, editor_url


@dataclass(frozen=True)
class Items:
    """What differs between the criterion pages and the question pages."""

    section: str  # the list's URL name and the editor's tab: "criteria"
    key: str  # the item's URL keyword and anchor prefix: "criterion"
    list_template: str
    form_template: str
    list_context: Callable[[Vacancy], dict[str, Any]]
    get: Callable[..., Any]  # selectors.criterion_get_for_user(membership, vacancy_slug, pk)
    new: Callable[[StaffRequest, Vacancy], Any]  # an unsaved item of the vacancy
    form: type[forms.ModelForm]
    text_form: Any  # a form class taking ``language``: CriterionTextForm, QuestionTextForm
    text_value: Callable[[Any], Any]  # a text form's value for ``save``; None: no wording
    save: Callable[..., Any]
    delete: Callable[..., None]
    move: Callable[..., bool]
    no_wording: Promise
    saved_message: Callable[[Any, bool], str]  # (item, created)
    deleted_message: Callable[[str], str]  # (the item's label)
    what: Promise  # "the criterion", in the delete page's question
    consequence: Promise
    warning: Callable[[str], str | None] | None = None  # about one wording, shown and sent


def _criterion_new(request: StaffRequest, vacancy: Vacancy) -> Criterion:
    kind = request.GET.get("kind", "")
    return Criterion(
        vacancy=vacancy, kind=kind if kind in Criterion.Kind.values else Criterion.Kind.MUST
    )


def _criterion_saved(criterion: Criterion, created: bool) -> str:
    done = (
        _("Added the criterion “%(criterion)s”.")
        if created
        else _("Saved the criterion “%(criterion)s”.")
    )
    return done % {"criterion": criterion}


CRITERIA = Items(
    section="criteria",
    key="criterion",
    list_template="vacancies/staff/criteria.html",
    form_template="vacancies/staff/criterion_form.html",
    list_context=lambda vacancy: {"groups": selectors.criteria_by_kind(vacancy=vacancy)},
    get=selectors.criterion_get_for_user,
    new=_criterion_new,
    form=CriterionForm,
    text_form=CriterionTextForm,
    text_value=CriterionTextForm.criterion_fields,
    save=lambda item, texts, actor: item_services.criterion_save(
        criterion=item, texts=texts, actor=actor
    ),
    delete=lambda item, actor: item_services.criterion_delete(criterion=item, actor=actor),
    move=lambda item, direction, actor: item_services.criterion_move(
        criterion=item, direction=direction, actor=actor
    ),
    no_wording=gettext_lazy("Word the criterion in at least one language."),
    saved_message=_criterion_saved,
    deleted_message=lambda label: (
        _("Deleted the criterion “%(criterion)s”.") % {"criterion": label}
    ),
    what=gettext_lazy("the criterion"),
    consequence=gettext_lazy("Reviewers’ scores on this criterion, if any, are deleted with it."),
)

QUESTIONS = Items(
    section="questions",
    key="question",
    list_template="vacancies/staff/questions.html",
    form_template="vacancies/staff/question_form.html",
    list_context=lambda vacancy: {"rows": selectors.question_rows(vacancy=vacancy)},
    get=selectors.question_get_for_user,
    new=lambda request, vacancy: Question(vacancy=vacancy),
    form=QuestionForm,
    text_form=QuestionTextForm,
    text_value=QuestionTextForm.question_text,
    save=lambda item, texts, actor: item_services.question_save(
        question=item, texts=texts, actor=actor
    ),
    delete=lambda item, actor: item_services.question_delete(question=item, actor=actor),
    move=lambda item, direction, actor: item_services.question_move(
        question=item, direction=direction, actor=actor
    ),
    no_wording=gettext_lazy("Word the question in at least one language."),
    saved_message=lambda question, created: (
        _("Added the question.") if created else _("Saved the question.")
    ),
    deleted_message=lambda label: _("Deleted the question."),
    what=gettext_lazy("the question"),
    consequence=gettext_lazy("Candidates’ answers to this question, if any, are deleted with it."),
    warning=pay_history_warning,
)


# StaffViewMixin narrows ``request`` to a StaffRequest, which View does not know.
class ItemView(StaffViewMixin, View):  # type: ignore[misc]
    """One page of ``items``, set by ``as_view(items=...)``."""

    items: Items = CRITERIA  # as_view(items=...) sets only what the class has

    def vacancy(self) -> Vacancy:
        return selectors.vacancy_get_for_editor(
            membership=self.request.membership, slug=self.kwargs["vacancy"]
        )

    def item(self) -> Any:
        """The criterion or question in the address, its ``vacancy`` loaded; else 404."""
        return self.items.get(
            membership=self.request.membership,
            vacancy_slug=self.kwargs["vacancy"],
            pk=self.kwargs[self.items.key],
        )


class ItemListView(ItemView):
    http_method_names = ["get", "head"]

    def get(self, request: StaffRequest, **kwargs: Any) -> HttpResponse:
        vacancy = self.vacancy()
        context = editor_context(vacancy, self.items.section)
        context.update(self.items.list_context(vacancy))
        return render(request, self.items.list_template, context)


class ItemFormView(ItemView):
    """A new item (no item in the address) or an existing one: its settings and wordings."""

    http_method_names = ["get", "head", "post"]

    def get(self, request: StaffRequest, **kwargs: Any) -> HttpResponse:
        return self.page(request)

    def post(self, request: StaffRequest, **kwargs: Any) -> HttpResponse:
        return self.page(request)

    def page(self, request: StaffRequest) -> HttpResponse:
        items = self.items
        if self.items.key in self.kwargs:
            item = self.item()
            vacancy = item.vacancy
        else:
            vacancy = self.vacancy()
            item = items.new(request, vacancy)
        creating = item.pk is None
        existing = {text.language: text for text in item.texts.all()} if not creating else {}
        data = request.POST if request.method == "POST" else None
        form = items.form(data, instance=item)
        text_forms = [
            items.text_form(
                data,
                language=code,
                initial={
                    name: getattr(existing[code], name) for name in items.text_form.base_fields
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
            texts = {text_form.language: items.text_value(text_form) for text_form in text_forms}
            if valid and not any(texts.values()):
                refusals.append(str(items.no_wording))
            elif valid:
                try:
                    saved = items.save(form.instance, texts, request.user)
                except ValidationError as error:
                    refusals.extend(error.messages)
                else:
                    messages.success(request, items.saved_message(saved, creating))
                    for text in texts.values():
                        if text and items.warning and (warning := items.warning(text)):
                            messages.warning(request, warning)
                    return redirect(editor_url(items.section, vacancy, f"{items.key}-{saved.pk}"))
            status = 400
        context = editor_context(vacancy, items.section)
        context.update(
            {
                "form": form,
                "text_forms": text_forms,
                "refusals": refusals,
                "has_errors": any(text_form.errors for text_form in text_forms),
                "creating": creating,
            }
        )
        if items.warning is not None:
            context["warnings"] = [
                warning
                for text_form in text_forms
                if (warning := items.warning(bound_text(text_form, "text")))
            ]
        return render(request, items.form_template, context, status=status)


class ItemDeleteView(ItemView):
    """Ask, then delete."""

    http_method_names = ["get", "head", "post"]

    def get(self, request: StaffRequest, **kwargs: Any) -> HttpResponse:
        found = self.item()
        context = editor_context(found.vacancy, self.items.section)
        context.update(
            {
                "what": self.items.what,
                "label": str(found),
                "cancel_url": editor_url(
                    self.items.section, found.vacancy, f"{self.items.key}-{found.pk}"
                ),
                "consequence": self.items.consequence,
            }
        )
        return render(request, "vacancies/staff/confirm_delete.html", context)

    def post(self, request: StaffRequest, **kwargs: Any) -> HttpResponse:
        found = self.item()
        label = str(found)
        self.items.delete(found, request.user)
        messages.success(request, self.items.deleted_message(label))
        return redirect(editor_url(self.items.section, found.vacancy))


class ItemMoveView(ItemView):
    """One place up or down."""

    http_method_names = ["post"]

    def post(self, request: StaffRequest, **kwargs: Any) -> HttpResponse:
        found = self.item()
        form = MoveForm(request.POST)
        if form.is_valid():
            self.items.move(found, form.cleaned_data["direction"], request.user)
        return redirect(
            editor_url(self.items.section, found.vacancy, f"{self.items.key}-{found.pk}")
        )
