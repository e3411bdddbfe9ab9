"""The search page's form: the words and the filters, all in the address (GET)."""

from typing import Any, cast

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tremplin.search.selectors import Filters

QUERY_MAX_LENGTH = 200


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=QUERY_MAX_LENGTH)
    vacancy = forms.ChoiceField(label=_("Vacancy"), required=False)
    stage = forms.ChoiceField(label=_("Stage"), required=False)
    since = forms.DateField(
        label=_("Received from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Received until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    language = forms.ChoiceField(label=_("Candidate’s language"), required=False)
    pool = forms.BooleanField(
        label=_("Talent pool"),
        required=False,
        help_text=_(
            "Only the closed vacancies’ candidates who agreed to be kept in the talent pool, "
            "within its retention period."
        ),
    )

    def __init__(
        self,
        *args: Any,
        vacancies: list[tuple[str, str]],
        stages: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update({"type": "search", "autocomplete": "off"})
        choices: dict[str, list[tuple[str, Any]]] = {
            "vacancy": [("", _("All vacancies")), *vacancies],
            "stage": [("", _("All stages")), *stages],
            "language": [("", _("All languages")), *settings.LANGUAGES],
        }
        for name, options in choices.items():
            cast(forms.ChoiceField, self.fields[name]).choices = options

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            raise forms.ValidationError(_("The start date must not be after the end date."))
        return cleaned

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            vacancy=data.get("vacancy") or "",
            stage=data.get("stage") or "",
            since=data.get("since"),
            until=data.get("until"),
            language=data.get("language") or "",
            pool=bool(data.get("pool")),
        )
