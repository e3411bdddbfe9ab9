"""The anonymous diversity questionnaire: every question optional."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tremplin.reports.models import DiversityAnswer

NO_ANSWER = ("", _("I prefer not to answer"))


def _question(label: Any, choices: list[tuple[str, Any]]) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        required=False,
        choices=[*choices, NO_ANSWER],
        widget=forms.RadioSelect,
        initial="",
    )


class DiversityForm(forms.Form):
    gender = _question(_("You are"), DiversityAnswer.Gender.choices)
    age = _question(_("Your age"), DiversityAnswer.Age.choices)
    disability = _question(
        _("Do you have a recognised disability (in France, RQTH or its equivalent)?"),
        DiversityAnswer.YesNo.choices,
    )
    priority_area = _question(
        _("Do you live in a priority neighbourhood of the city policy (QPV in France)?"),
        DiversityAnswer.YesNo.choices,
    )

    def answers(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name) or "" for name in DiversityAnswer.QUESTIONS}
