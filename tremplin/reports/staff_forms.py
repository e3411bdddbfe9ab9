"""The report page's one choice: the whole organization, or one of its vacancies."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from tremplin.vacancies.models import Vacancy
from tremplin.vacancies.selectors import vacancy_title_for_language


class ScopeForm(forms.Form):
    vacancy = forms.ChoiceField(
        label=_("Vacancy"),
        required=False,
        error_messages={"invalid_choice": _("Choose a vacancy from the list.")},
    )

    def __init__(self, *args: Any, vacancies: list[Vacancy], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.vacancies = {vacancy.slug: vacancy for vacancy in vacancies}
        cast(forms.ChoiceField, self.fields["vacancy"]).choices = [
            ("", _("All vacancies")),
            *[(v.slug, vacancy_title_for_language(vacancy=v)) for v in vacancies],
        ]

    def chosen(self) -> Vacancy | None:
        return self.vacancies.get(self.cleaned_data.get("vacancy") or "")
