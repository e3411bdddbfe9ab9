from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from tremplin.vacancies import services
from tremplin.vacancies.models import (
    Criterion,
    CriterionText,
    Question,
    QuestionText,
    Vacancy,
    VacancyText,
)


class VacancyTextInline(admin.StackedInline):
    model = VacancyText
    extra = 0


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0
    fields = ["position", "kind", "weight", "wording"]
    readonly_fields = ["wording"]
    show_change_link = True

    @admin.display(description=_("wording"))
    def wording(self, criterion: Criterion) -> str:
        return " / ".join(t.text for t in criterion.texts.all())


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0
    fields = ["position", "word_limit", "required", "blind_review", "wording"]
    readonly_fields = ["wording"]
    show_change_link = True

    @admin.display(description=_("wording"))
    def wording(self, question: Question) -> str:
        return " / ".join(t.text for t in question.texts.all())


@admin.register(Vacancy)
class VacancyAdmin(admin.ModelAdmin):
    list_display = ["__str__", "organization", "kind", "status", "employment_type", "deadline"]
    list_filter = ["status", "kind", "employment_type", "organization"]
    search_fields = ["slug", "texts__title"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Vacancy]:
        # Each row's name is its title, read from the prefetched texts (Vacancy.__str__).
        return super().get_queryset(request).prefetch_related("texts")

    inlines = [VacancyTextInline, CriterionInline, QuestionInline]
    actions = ["publish", "close"]
    readonly_fields = ["status"]

    @admin.action(description=_("Publish selected vacancies"))
    def publish(self, request: HttpRequest, queryset: QuerySet[Vacancy]) -> None:
        for vacancy in queryset:
            try:
                services.vacancy_publish(vacancy=vacancy)
            except ValidationError as exc:
                self.message_user(
                    request, f"{vacancy}: {' '.join(exc.messages)}", level=messages.ERROR
                )
            else:
                self.message_user(request, _("Published: %(vacancy)s") % {"vacancy": vacancy})

    @admin.action(description=_("Close selected vacancies"))
    def close(self, request: HttpRequest, queryset: QuerySet[Vacancy]) -> None:
        count = 0
        for vacancy in queryset:
            services.vacancy_close(vacancy=vacancy)
            count += 1
        message = ngettext("Closed %(count)d vacancy.", "Closed %(count)d vacancies.", count)
        self.message_user(request, message % {"count": count})


class CriterionTextInline(admin.TabularInline):
    model = CriterionText
    extra = 0


@admin.register(Criterion)
class CriterionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "vacancy", "kind", "position", "weight"]
    list_filter = ["kind"]
    inlines = [CriterionTextInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Criterion]:
        return super().get_queryset(request).prefetch_related("texts", "vacancy__texts")


class QuestionTextInline(admin.TabularInline):
    model = QuestionText
    extra = 0


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "vacancy", "position", "word_limit", "required", "blind_review"]
    inlines = [QuestionTextInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Question]:
        return super().get_queryset(request).prefetch_related("texts", "vacancy__texts")
