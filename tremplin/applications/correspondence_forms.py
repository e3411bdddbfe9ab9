"""Forms of the messages pages: templates, drafts, and sorting an incoming e-mail."""

from collections.abc import Sequence
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from tremplin.messaging import rendering
from tremplin.messaging.models import MessageTemplate
from tremplin.vacancies.models import Vacancy


def _check_template_text(value: str) -> str:
    errors = rendering.template_errors(value)
    if errors:
        raise ValidationError(errors)
    return value


class TemplateForm(forms.Form):
    """A template's kind, name, stage (rejections only) and its subject and body in each
    language. ``stages``: (key, name) of the stages a rejection can be kept for."""

    kind = forms.ChoiceField(label=_("Kind of message"), choices=MessageTemplate.Kind.choices)
    name = forms.CharField(
        label=_("Name"),
        max_length=120,
        required=False,
        help_text=_("For your team, e.g. “Interview by video”."),
    )
    stage = forms.ChoiceField(
        label=_("For applications leaving the stage"),
        required=False,
        help_text=_(
            "Rejections only: a text for those not retained at one stage, e.g. kinder after "
            "an interview. Leave “Any stage” for the general text."
        ),
        error_messages={
            "invalid_choice": _("Choose one of your pipeline’s stages, or “Any stage”.")
        },
    )

    def __init__(self, *args: Any, stages: Sequence[tuple[str, str]] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["stage"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101 (narrows the type)
        field.choices = [("", _("Any stage")), *stages]
        variables = _("You can use %(variables)s.") % {"variables": rendering.variables_list()}
        for code, language in settings.LANGUAGES:
            self.fields[f"subject_{code}"] = forms.CharField(
                label=_("Subject in %(language)s") % {"language": language},
                max_length=300,
                required=False,
            )
            self.fields[f"body_{code}"] = forms.CharField(
                label=_("Text in %(language)s") % {"language": language},
                required=False,
                widget=forms.Textarea(attrs={"rows": 12}),
                help_text=variables,
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("stage") and cleaned.get("kind") != MessageTemplate.Kind.REJECTION:
            self.add_error(
                "stage", _("Only a rejection can be kept for one stage: choose “Any stage”.")
            )
        for name, value in list(cleaned.items()):
            if name.startswith(("subject_", "body_")) and value:
                try:
                    _check_template_text(value)
                except ValidationError as error:
                    self.add_error(name, error)
        return cleaned

    def texts(self) -> dict[str, tuple[str, str]]:
        return {
            code: (
                self.cleaned_data.get(f"subject_{code}", ""),
                self.cleaned_data.get(f"body_{code}", ""),
            )
            for code, _name in settings.LANGUAGES
        }

    def language_fields(self) -> list[tuple[str, forms.BoundField, forms.BoundField]]:
        """(language name, subject field, body field) per language, for the template."""
        return [
            (str(name), self[f"subject_{code}"], self[f"body_{code}"])
            for code, name in settings.LANGUAGES
        ]


class DraftForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=300)
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 14}))

    def clean_subject(self) -> str:
        return _check_template_text(self.cleaned_data["subject"])

    def clean_body(self) -> str:
        return _check_template_text(self.cleaned_data["body"])


class AssignForm(forms.Form):
    vacancy = forms.ModelChoiceField(queryset=Vacancy.objects.none(), label=_("Vacancy"))

    def __init__(self, *args: Any, vacancies: QuerySet[Vacancy], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["vacancy"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 (narrows the type)
        field.queryset = vacancies
