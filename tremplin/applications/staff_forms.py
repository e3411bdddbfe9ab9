"""Forms of the pipeline pages: moving applications, writing to candidates, editing stages."""

from collections.abc import Sequence
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.models import Organization
from tremplin.applications.hidden_words import HIDDEN_WORD_LENGTH, HIDDEN_WORDS_MAX
from tremplin.applications.models import Stage, StageChange
from tremplin.applications.notes import note_clean
from tremplin.applications.services import Move, move_check
from tremplin.messaging import rendering
from tremplin.messaging.models import MessageTemplate

REASON_HELP = _("Required when the application is not retained.")
DETAILS_HELP = _("Optional; required with “another reason”. Only staff see it.")


def variables_help() -> str:
    return str(_("You can use %(variables)s.") % {"variables": rendering.variables_list()})


def _errors_to_fields(form: forms.Form, error: ValidationError, fields: dict[str, str]) -> None:
    for item in error.error_list:
        form.add_error(fields.get(str(item.code)), item)


class MoveForm(forms.Form):
    """Where to move one or more applications, and why."""

    stage = forms.ChoiceField(label=_("Move to"))
    reason = forms.ChoiceField(
        label=_("Reason for not retaining"),
        required=False,
        choices=[("", _("— none —")), *StageChange.Reason.choices],
        help_text=REASON_HELP,
    )
    reason_text = forms.CharField(
        label=_("Details"),
        required=False,
        max_length=2000,
        help_text=DETAILS_HELP,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(
        self, *args: Any, organization: Organization, stages: Sequence[Stage], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.organization = organization
        self.fields["stage"].choices = [(stage.key, stage.label()) for stage in stages]  # type: ignore[attr-defined]
        self.move: Move | None = None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.errors:
            return cleaned
        try:
            self.move = move_check(
                organization=self.organization,
                to_stage=cleaned.get("stage", ""),
                reason=cleaned.get("reason", ""),
                reason_text=cleaned.get("reason_text", ""),
            )
        except ValidationError as error:
            _errors_to_fields(
                self,
                error,
                {
                    "stage": "stage",
                    "reason_required": "reason",
                    "reason_text_required": "reason_text",
                },
            )
        return cleaned


class _Ids(forms.TypedMultipleChoiceField):
    """Application ids: any number is accepted here; the selection is checked against the
    vacancy in one query (``bulk.bulk_select``), not against a list of every application."""

    def valid_value(self, value: Any) -> bool:
        return str(value).isdigit()


class BulkForm(MoveForm):
    """Applications ticked on the board, and what to do with them: move them to a stage,
    not retain them and write to each (``action`` "reject", whose stage is the pipeline's
    "not retained"), or ask members to review them (``action`` "assign", with
    ``reviewers``). ``seen`` ("id:stage") says where each one was on the page, so that a
    move made by someone else meanwhile is caught."""

    ACTIONS = ("move", "reject", "assign")

    applications = _Ids(label=_("Applications"), coerce=int, required=False)
    all_on_page = forms.BooleanField(label=_("Select all on this page"), required=False)
    seen = forms.CharField(required=False)
    # Any member id is accepted here; ``assignments.reviewers_check`` says who may review.
    reviewers = _Ids(
        label=_("Reviewers to assign"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Members not yet reviewing this vacancy are added to its reviewers. Reviewers "
            "may still open every application of the vacancy."
        ),
    )

    def __init__(
        self, *args: Any, stages: Sequence[Stage], members: Sequence[Any] = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, stages=stages, **kwargs)
        self.fields["stage"].required = False
        self.fields["reviewers"].choices = [  # type: ignore[attr-defined]
            (user.pk, user.display_name) for user in members
        ]
        self.rejected = next((s.key for s in stages if s.kind == Stage.Kind.REJECTED), "")
        self.action = str(self.data.get("action", "move"))
        if self.action not in self.ACTIONS:
            self.action = "move"

    def seen_stages(self) -> dict[int, str]:
        seen = {}
        posted = self.data.getlist("seen") if isinstance(self.data, QueryDict) else []
        for item in posted:
            pk, _colon, stage = str(item).partition(":")
            if pk.isdigit() and stage:
                seen[int(pk)] = stage
        return seen

    def selected(self) -> list[int]:
        """The ids ticked, or every card of the page with "select all on this page"."""
        if self.cleaned_data.get("all_on_page"):
            return sorted(self.seen_stages())
        return list(self.cleaned_data.get("applications") or [])

    def chosen_reviewers(self) -> list[int]:
        return list(self.cleaned_data.get("reviewers") or [])

    def clean(self) -> dict[str, Any]:
        if self.action == "reject":
            self.cleaned_data["stage"] = self.rejected
        if not self.selected():
            self.add_error(None, _("Select at least one application."))
        if self.action == "assign":
            # No stage, no reason: nothing moves.
            if not self.chosen_reviewers() and "reviewers" not in self.errors:
                self.add_error("reviewers", _("Choose at least one reviewer."))
            return self.cleaned_data
        return super().clean()


class MessageForm(forms.Form):
    """A message the recruiter writes to the candidate and sends."""

    subject = forms.CharField(label=_("Subject"), max_length=300)
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 8}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].help_text = variables_help()

    def clean_subject(self) -> str:
        subject: str = self.cleaned_data["subject"]
        errors = rendering.template_errors(subject)
        if errors:
            raise ValidationError(errors)
        return subject

    def clean_body(self) -> str:
        body: str = self.cleaned_data["body"]
        errors = rendering.template_errors(body)
        if errors:
            raise ValidationError(errors)
        return body


class PrepareForm(forms.Form):
    """Start a message from one of the organization's templates (or Tremplin's text)."""

    start_from = forms.ChoiceField(label=_("Start from"))

    KINDS = (
        MessageTemplate.Kind.INTERVIEW,
        MessageTemplate.Kind.PROGRESS,
        MessageTemplate.Kind.REFERENCES,
        MessageTemplate.Kind.OFFER,
        MessageTemplate.Kind.FREE,
        MessageTemplate.Kind.REJECTION,
    )

    def __init__(self, *args: Any, templates: Sequence[MessageTemplate], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices: list[tuple[str, str]] = []
        for kind in self.KINDS:
            own = [template for template in templates if template.kind == kind]
            label = MessageTemplate.Kind(kind).label
            if kind == MessageTemplate.Kind.REJECTION and own:
                # Chosen by the stage the application leaves, else the general one.
                choices.append(
                    (f"kind:{kind}", str(_("%(kind)s (its stage’s text)") % {"kind": label}))
                )
            for template in own:
                choices.append((f"template:{template.pk}", f"{label}: {template.name}"))
            if not own:
                choices.append(
                    (f"kind:{kind}", str(_("%(kind)s (Tremplin’s text)") % {"kind": label}))
                )
        self.fields["start_from"].choices = choices  # type: ignore[attr-defined]
        self.templates = {template.pk: template for template in templates}

    def chosen(self) -> tuple[str, MessageTemplate | None]:
        """The kind of message and the template chosen (None: Tremplin's text)."""
        what, _colon, value = self.cleaned_data["start_from"].partition(":")
        if what == "template":
            template = self.templates[int(value)]
            return template.kind, template
        return value, None


class StageNamesForm(forms.Form):
    """A stage's name in each language."""

    def __init__(self, *args: Any, builtin: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, name in settings.LANGUAGES:
            self.fields[f"label_{code}"] = forms.CharField(
                label=_("Name in %(language)s") % {"language": name},
                required=False,
                max_length=60,
                help_text=_("Leave empty to keep the usual name.") if builtin else "",
            )

    def labels(self) -> dict[str, str]:
        return {
            code: self.cleaned_data.get(f"label_{code}", "") for code, _name in settings.LANGUAGES
        }


class StageAddForm(StageNamesForm):
    after = forms.ChoiceField(label=_("Comes after"))

    def __init__(self, *args: Any, stages: Sequence[Stage], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        places = [stage for stage in stages if not stage.is_final]
        self.fields["after"].choices = [(stage.key, stage.label()) for stage in places]  # type: ignore[attr-defined]
        if places:
            self.fields["after"].initial = places[-1].key
        self.order_fields([*(f"label_{code}" for code, _name in settings.LANGUAGES), "after"])


class CandidateForm(forms.Form):
    """A correction of the candidate's details (GDPR Art. 16)."""

    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    phone = forms.CharField(label=_("Phone"), max_length=50, required=False)


class HiddenWordsForm(forms.Form):
    """The words to take out of what reviewers read of one application, one per line."""

    words = forms.CharField(
        label=_("Words hidden from reviewers"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=HIDDEN_WORDS_MAX * (HIDDEN_WORD_LENGTH + 1),
        help_text=_(
            "One per line: a name, a town, a school or a user name that still tells reviewers "
            "who the candidate is. Each is replaced by “[hidden]” wherever it stands as whole "
            "words, in any case, in every text reviewers read of this application."
        ),
    )

    def clean_words(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["words"].splitlines()]
        words = [line for line in lines if line]
        if len(words) > HIDDEN_WORDS_MAX:
            raise forms.ValidationError(
                _("At most %(count)d lines."), code="too_many", params={"count": HIDDEN_WORDS_MAX}
            )
        for word in words:
            if len(word) > HIDDEN_WORD_LENGTH:
                raise forms.ValidationError(
                    _("A line is longer than %(count)d characters."),
                    code="too_long",
                    params={"count": HIDDEN_WORD_LENGTH},
                )
            if sum(character.isalnum() for character in word) < 2:
                raise forms.ValidationError(
                    _("“%(word)s” is too short to hide: give at least two letters or digits."),
                    code="too_short",
                    params={"word": word},
                )
        return words


class NoteForm(forms.Form):
    # Not "body": the message form on the same page has one (and its id, id_body).
    note = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Markdown. Write @ then a colleague’s name, or their e-mail address before the @, "
            "to tell them."
        ),
    )

    def clean_note(self) -> str:
        try:
            return note_clean(self.cleaned_data["note"])
        except ValidationError as error:
            raise forms.ValidationError(error.messages, code=error.code) from error
