"""Forms of the review pages: a review of an application, a score of an answer."""

from collections.abc import Callable, Sequence
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tremplin.review.models import Review
from tremplin.vacancies.models import Criterion

SCORE_CHOICES = [(score, str(score)) for score in range(1, 6)]
NOTE_MAX = 5000


def score_field(*, label: Any, required: bool) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=SCORE_CHOICES,
        coerce=int,
        empty_value=None,
        required=required,
        widget=forms.RadioSelect,
        error_messages={"required": _("Give a score from 1 to 5.")},
    )


class ReviewForm(forms.Form):
    """A score and a note per criterion, a recommendation and an overall note.

    ``submitting`` makes every score and the recommendation required; a draft may be partial.
    """

    recommendation = forms.ChoiceField(
        label=_("Overall recommendation"),
        choices=Review.Recommendation.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Overall note (optional)"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(
        self, *args: Any, criteria: Sequence[Criterion], submitting: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        self.submitting = submitting
        self.fields["recommendation"].required = submitting
        self.fields["recommendation"].error_messages["required"] = _(
            "Choose a recommendation to submit."
        )
        for number, criterion in enumerate(self.criteria, start=1):
            self.fields[f"score_{criterion.pk}"] = score_field(
                label=_("Score for criterion %(number)s") % {"number": number},
                required=submitting,
            )
            self.fields[f"note_{criterion.pk}"] = forms.CharField(
                label=_("Note on criterion %(number)s (optional)") % {"number": number},
                required=False,
                max_length=NOTE_MAX,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def scores(self) -> dict[int, tuple[int | None, str]]:
        return {
            criterion.pk: (
                self.cleaned_data.get(f"score_{criterion.pk}"),
                self.cleaned_data.get(f"note_{criterion.pk}", ""),
            )
            for criterion in self.criteria
        }

    def saved_with(self, save: Callable[..., object]) -> bool:
        """Whether the form is valid and ``save`` (a review's or a scorecard's service,
        given ``scores``, ``recommendation``, ``comment`` and ``submit``) took it; its
        ValidationError becomes the form's."""
        if not self.is_valid():
            return False
        try:
            save(
                scores=self.scores(),
                recommendation=self.cleaned_data["recommendation"],
                comment=self.cleaned_data["comment"],
                submit=self.submitting,
            )
        except ValidationError as error:
            self.add_error(None, error)
            return False
        return True


class AnswerScoreForm(forms.Form):
    answer = forms.CharField(widget=forms.HiddenInput, max_length=64)
    score = score_field(label=_("Score"), required=True)
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
