"""Forms of the staff vacancy editor. They validate what was typed; services store it."""

import re
from typing import Any

from django import forms
from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from tremplin.core.language import language_name
from tremplin.vacancies.importing.asked import LANGUAGE_NAMES
from tremplin.vacancies.item_services import CriterionFields
from tremplin.vacancies.models import (
    VACANCY_EDITABLE_FIELDS,
    Criterion,
    ImportCorrection,
    Question,
    Vacancy,
)
from tremplin.vacancies.services import TextFields

WEIGHTS = [(weight, str(weight)) for weight in range(1, 6)]
_CURRENCY = re.compile(r"[A-Z]{3}")


def bound_text(form: forms.Form, name: str) -> str:
    """What field ``name`` holds as typed (or its initial value): for previews and warnings."""
    value = form[name].value()
    return value if isinstance(value, str) else ""


class EditorForm(forms.Form):
    """No colon after labels, as everywhere in Tremplin."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class VacancyForm(forms.ModelForm):
    """The fields of a vacancy that do not depend on the language."""

    required_languages = forms.MultipleChoiceField(
        label=_("Languages the job requires"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    application_language = forms.ChoiceField(
        label=_("Applications must be written in"), required=False
    )
    remote = forms.NullBooleanField(
        label=_("Remote work possible"), required=False, widget=forms.NullBooleanSelect
    )

    class Meta:
        model = Vacancy
        fields = VACANCY_EDITABLE_FIELDS
        labels = {
            "kind": _("Kind"),
            "employment_type": _("Employment type"),
            "contract_duration_months": _("Contract duration (months)"),
            "location": _("Location"),
            "min_years_experience": _("Minimum years of experience"),
            "deadline": _("Deadline"),
            "pay_min": _("Pay from"),
            "pay_max": _("Pay up to"),
            "pay_currency": _("Currency"),
            "pay_period": _("Pay period"),
            "apply_email": _("Apply by e-mail to"),
            "apply_url": _("Apply on another website"),
            "blind_review": _("Blind review"),
            "reviews_per_answer": _("Reviews per answer"),
        }
        help_texts = {
            "contract_duration_months": _("Leave empty for a permanent contract."),
            "pay_currency": _("Three letters, e.g. EUR."),
            "apply_email": _(
                "Leave both empty to receive applications through Tremplin’s own form."
            ),
            "deadline": _("Applications close at the end of this day."),
        }
        widgets = {
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "pay_min": forms.NumberInput(attrs={"min": 0, "step": "0.01"}),
            "pay_max": forms.NumberInput(attrs={"min": 0, "step": "0.01"}),
            "pay_currency": forms.TextInput(
                attrs={"size": 3, "maxlength": 3, "autocapitalize": "characters"}
            ),
            "contract_duration_months": forms.NumberInput(attrs={"min": 1, "max": 120}),
            "min_years_experience": forms.NumberInput(attrs={"min": 0, "max": 50}),
            "reviews_per_answer": forms.NumberInput(attrs={"min": 1, "max": 10}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        known = list(LANGUAGE_NAMES)
        stored = [code for code in (self.instance.required_languages or []) if code not in known]
        languages = self.fields["required_languages"]
        assert isinstance(languages, forms.MultipleChoiceField)  # noqa: S101
        languages.choices = [(code, capfirst(language_name(code))) for code in known + stored]
        application = self.fields["application_language"]
        assert isinstance(application, forms.ChoiceField)  # noqa: S101
        application.choices = [
            ("", _("Any language")),
            *((code, capfirst(name)) for code, name in settings.LANGUAGES),
        ]
        self.fields["employment_type"].choices = [  # type: ignore[attr-defined]
            ("", _("Not stated")),
            *Vacancy.EmploymentType.choices,
        ]
        self.fields["pay_period"].choices = [  # type: ignore[attr-defined]
            ("", _("Not stated")),
            *Vacancy.PayPeriod.choices,
        ]
        if self.instance.pk is None and not self.is_bound:
            self.initial.setdefault("pay_currency", "EUR")
        remote = self.fields["remote"].widget
        assert isinstance(remote, forms.NullBooleanSelect)  # noqa: S101
        remote.choices = [("unknown", _("Not stated")), ("true", _("Yes")), ("false", _("No"))]
        self.fields["reviews_per_answer"].validators.append(_between(1, 10))
        self.fields["contract_duration_months"].validators.append(_between(1, 120))
        self.fields["min_years_experience"].validators.append(_between(0, 50))

    def clean_pay_currency(self) -> str:
        currency = (self.cleaned_data.get("pay_currency") or "").strip().upper()
        if currency and not _CURRENCY.fullmatch(currency):
            raise forms.ValidationError(
                _("Write the currency as its three-letter code, e.g. EUR or USD.")
            )
        return currency

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        low, high = cleaned.get("pay_min"), cleaned.get("pay_max")
        if low is not None and high is not None and low > high:
            self.add_error("pay_max", _("The maximum pay is below the minimum."))
        for name in ("pay_min", "pay_max"):
            value = cleaned.get(name)
            if value is not None and value < 0:
                self.add_error(name, _("Pay cannot be negative."))
        return cleaned


def _between(low: int, high: int) -> Any:
    def validate(value: int | None) -> None:
        if value is not None and not low <= value <= high:
            raise forms.ValidationError(
                _("Enter a number from %(low)d to %(high)d.") % {"low": low, "high": high}
            )

    return validate


class VacancyTextForm(EditorForm):
    """A vacancy's text in one language; every field empty means "no text in this language"."""

    title = forms.CharField(label=_("Title"), max_length=300, required=False)
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One or two sentences, shown on the job board."),
    )
    body = forms.CharField(
        label=_("Text (Markdown)"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 18, "class": "markdown-source"}),
        help_text=_("# for headings, - for bullet lists, **bold**, [link](https://…)."),
    )
    remove = forms.BooleanField(label=_("Remove this language’s text"), required=False)

    def __init__(self, *args: Any, language: str, exists: bool, **kwargs: Any) -> None:
        super().__init__(*args, prefix=language, **kwargs)
        self.language = language
        self.language_name = capfirst(language_name(language))
        self.exists = exists
        if not exists:
            del self.fields["remove"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("remove"):
            return cleaned
        written = any((cleaned.get(name) or "").strip() for name in ("summary", "body"))
        if not (cleaned.get("title") or "").strip() and (written or self.exists):
            self.add_error(
                "title",
                _("Give the title in this language.")
                if not self.exists
                else _("Give the title in this language, or tick “Remove this language’s text”."),
            )
        return cleaned

    def text_fields(self) -> TextFields | None:
        """What to store for this language: None means no text (or remove it)."""
        data = self.cleaned_data
        if data.get("remove") or not (data.get("title") or "").strip():
            return None
        return TextFields(
            title=data["title"].strip(),
            summary=(data.get("summary") or "").strip(),
            body=(data.get("body") or "").replace("\r\n", "\n"),
        )


class CriterionForm(forms.ModelForm):
    weight = forms.TypedChoiceField(
        label=_("Weight"),
        choices=WEIGHTS,
        coerce=int,
        help_text=_("From 1 (counts least) to 5 (counts most)."),
    )

    class Meta:
        model = Criterion
        fields = ["kind", "weight"]
        labels = {"kind": _("Kind")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class CriterionTextForm(EditorForm):
    """A criterion's wording and scoring guide in one language."""

    text = forms.CharField(
        label=_("Wording"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    guide_1 = forms.CharField(
        label=_("What a 1 looks like"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    guide_3 = forms.CharField(
        label=_("What a 3 looks like"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    guide_5 = forms.CharField(
        label=_("What a 5 looks like"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, language: str, **kwargs: Any) -> None:
        super().__init__(*args, prefix=language, **kwargs)
        self.language = language
        self.language_name = capfirst(language_name(language))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        guides = any(
            (cleaned.get(name) or "").strip() for name in ("guide_1", "guide_3", "guide_5")
        )
        if guides and not (cleaned.get("text") or "").strip():
            self.add_error("text", _("Word the criterion in this language, or empty its guide."))
        return cleaned

    def criterion_fields(self) -> CriterionFields | None:
        data = self.cleaned_data
        if not (data.get("text") or "").strip():
            return None
        return CriterionFields(
            text=data["text"].strip(),
            guide_1=(data.get("guide_1") or "").strip(),
            guide_3=(data.get("guide_3") or "").strip(),
            guide_5=(data.get("guide_5") or "").strip(),
        )


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["word_limit", "required", "blind_review"]
        labels = {
            "word_limit": _("Word limit"),
            "required": _("An answer is required"),
            "blind_review": _("Review blind"),
        }
        help_texts = {
            "word_limit": _("250 words is a good default: enough for an example, short to read."),
            "blind_review": _(
                "Reviewers score the answers without the candidate’s name or documents."
            ),
        }
        widgets = {"word_limit": forms.NumberInput(attrs={"min": 10, "max": 2000})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["word_limit"].validators.append(_between(10, 2000))


class QuestionTextForm(EditorForm):
    text = forms.CharField(
        label=_("Question"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, language: str, **kwargs: Any) -> None:
        super().__init__(*args, prefix=language, **kwargs)
        self.language = language
        self.language_name = capfirst(language_name(language))

    def question_text(self) -> str | None:
        text = (self.cleaned_data.get("text") or "").strip()
        return text or None


class ReviewersForm(EditorForm):
    reviewers = forms.MultipleChoiceField(
        label=_("Reviewers"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Members with the reviewer role see only the vacancies they are assigned to; "
            "recruiters and owners see every vacancy."
        ),
    )

    def __init__(self, *args: Any, members: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.members = {str(member.user.pk): member.user for member in members}
        field = self.fields["reviewers"]
        assert isinstance(field, forms.MultipleChoiceField)  # noqa: S101
        field.choices = [
            (
                str(member.user.pk),
                f"{member.user.display_name} ({member.get_role_display()})",
            )
            for member in members
        ]

    def users(self) -> list[Any]:
        return [self.members[pk] for pk in self.cleaned_data["reviewers"]]


class ImportForm(EditorForm):
    """Step 1 of an import: pasted text or a file."""

    text = forms.CharField(
        label=_("Paste the text of the posting"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_(
            "Markdown, with or without YAML front matter, or plain text with headings on "
            "lines of their own."
        ),
    )
    file = forms.FileField(
        label=_("Or choose a file"),
        required=False,
        allow_empty_file=True,  # the importer says "the file is empty." itself
        help_text=_("Plain text or Markdown (.txt, .md) in UTF-8, up to 1 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.md,.markdown,text/plain"}),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("file") and (cleaned.get("text") or "").strip():
            raise forms.ValidationError(
                _("Paste the text or choose a file, not both."), code="both"
            )
        return cleaned


class ImportConfirmForm(EditorForm):
    """Step 2: the text read in step 1, sent back to be stored, with the fields the member
    corrected in the preview (each starts as what the importer read; see ``corrections``)."""

    text = forms.CharField(widget=forms.HiddenInput, strip=False)
    source_name = forms.CharField(widget=forms.HiddenInput, max_length=255)
    title = forms.CharField(label=_("Title"), required=False, max_length=200)
    employment_type = forms.ChoiceField(
        label=_("Employment type"),
        required=False,
        choices=[("", _("Not stated")), *Vacancy.EmploymentType.choices],
    )
    contract_duration_months = forms.IntegerField(
        label=_("Contract duration (months)"), required=False, min_value=1, max_value=600
    )
    location = forms.CharField(label=_("Location"), required=False, max_length=200)
    apply_email = forms.EmailField(label=_("Apply by e-mail to"), required=False)
    apply_url = forms.URLField(label=_("Apply at"), required=False, assume_scheme="https")
    deadline = forms.DateField(
        label=_("Deadline"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    min_years_experience = forms.IntegerField(
        label=_("Minimum years of experience"), required=False, min_value=0, max_value=60
    )

    def corrections(self, proposed: dict[str, Any]) -> dict[str, Any]:
        """The fields whose value the member changed from ``proposed`` (name → new value,
        None for a field emptied). A field the request did not send is left as proposed."""
        changed = {}
        for name in CORRECTABLE_FIELDS:
            if name not in self.data:
                continue
            value = self.cleaned_data.get(name)
            value = None if value in ("", None) else value
            if value != proposed.get(name):
                changed[name] = value
        return changed


# The fields of a parsed posting that the import preview lets a member correct.
CORRECTABLE_FIELDS: tuple[str, ...] = tuple(ImportCorrection.Field.values)


class PreviewForm(EditorForm):
    body = forms.CharField(required=False, strip=False, max_length=200_000)


class MoveForm(EditorForm):
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")])
