"""The application form, shown on its own page and embedded in the vacancy page."""

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from tremplin.applications.files import CheckedFile, FileRejected, file_check
from tremplin.applications.intake.submit import IncomingFile
from tremplin.applications.models import Document
from tremplin.applications.selectors import answer_word_count, question_list, question_wording
from tremplin.applications.sources import referral_token_clean, via_clean
from tremplin.core.language import language_name, months_text
from tremplin.vacancies.models import Question, Vacancy

HONEYPOT = "leave_empty"
DOCUMENT_ACCEPT = ",".join(
    (
        ".pdf",
        ".docx",
        ".odt",
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.oasis.opendocument.text",
    )
)
LETTER_ACCEPT = DOCUMENT_ACCEPT + ",.txt,text/plain"


class ApplicationForm(forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    phone = forms.CharField(label=_("Phone (optional)"), max_length=50, required=False)
    # Not required on its own: the letter may come as a file instead (clean() asks for one of
    # the two), which the help text and the mark on the fieldset's legend say beforehand.
    letter_text = forms.CharField(
        label=_("Cover letter, typed here"),
        help_text=_(
            "Type your letter here, or attach it as a file under “Your documents”: "
            "one of the two is required."
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    # Empty files pass here so that file_check refuses them with a message naming them.
    # Their help texts, which say the formats and the size limit, are set in __init__.
    cv = forms.FileField(label=_("CV"), allow_empty_file=True)
    letter_file = forms.FileField(
        label=_("Cover letter, as a file"), required=False, allow_empty_file=True
    )
    # Labelled in __init__ with the organization's talent pool period.
    talent_pool_consent = forms.BooleanField(label=_("Talent pool"), required=False)
    # Where the candidate came from (applications.sources): kept from the apply link's query
    # string through the POST; a bad value is ignored, never an error.
    via = forms.CharField(required=False, widget=forms.HiddenInput, strip=True)
    by = forms.CharField(required=False, widget=forms.HiddenInput, strip=True)
    leave_empty = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args: Any, vacancy: Vacancy, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "apply_%s")
        super().__init__(*args, **kwargs)
        self.vacancy = vacancy
        self.checked_files: dict[str, CheckedFile] = {}
        self.fields["talent_pool_consent"].label = _(
            "Keep my application for %(period)s after my last contact so that the "
            "organization can contact me about other vacancies (talent pool)."
        ) % {"period": months_text(vacancy.organization.talent_pool_months)}
        self.questions: list[Question] = question_list(vacancy=vacancy)
        limit = settings.TREMPLIN_MAX_UPLOAD_BYTES
        for name, accept in (("cv", DOCUMENT_ACCEPT), ("letter_file", LETTER_ACCEPT)):
            self.fields[name].widget.attrs.update({"accept": accept, "data-max-bytes": limit})
        size = filesizeformat(limit)
        self.fields["cv"].help_text = _("PDF, DOCX or ODT, %(size)s at most.") % {"size": size}
        self.fields["letter_file"].help_text = _(
            "PDF, DOCX, ODT or TXT, %(size)s at most. Or type your letter in the box above."
        ) % {"size": size}
        for question in self.questions:
            self.fields[self.question_field(question)] = forms.CharField(
                label=question_wording(question=question),
                required=question.required,
                widget=forms.Textarea(attrs={"rows": 5, "data-word-limit": question.word_limit}),
                help_text=_("%(limit)d words at most.") % {"limit": question.word_limit},
            )
        # Fields the browser sends after the files are lost when an upload is stopped for
        # its size, so the files come last (the consent box and the honeypot after them).
        order = ["name", "email", "phone", "letter_text"]
        order += [self.question_field(question) for question in self.questions]
        order += ["cv", "letter_file", "talent_pool_consent", HONEYPOT, "via", "by"]
        self.order_fields(order)

    @staticmethod
    def question_field(question: Question) -> str:
        return f"question_{question.pk}"

    @property
    def application_language_name(self) -> str:
        """The language the vacancy asks applications to be written in, named in the
        visitor's language ("anglais", "English"), or ""."""
        code = self.vacancy.application_language
        if not code:
            return ""
        return language_name(code)

    @property
    def max_upload_bytes(self) -> int:
        return int(settings.TREMPLIN_MAX_UPLOAD_BYTES)

    def contact_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ("name", "email", "phone")]

    def question_fields(self) -> list[forms.BoundField]:
        return [self[self.question_field(question)] for question in self.questions]

    def honeypot_filled(self) -> bool:
        return bool(self.data.get(HONEYPOT, "").strip())

    def clean_via(self) -> str:
        return via_clean(self.cleaned_data.get("via") or "")

    def clean_by(self) -> str:
        return referral_token_clean(self.cleaned_data.get("by") or "")

    def _check_file(self, field: str, *, allow_text: bool) -> UploadedFile | None:
        upload: UploadedFile | None = self.cleaned_data.get(field)
        if upload is None:
            return None
        try:
            # Kept for application_submit, which then need not read the file again.
            self.checked_files[field] = file_check(
                name=upload.name or "", file=upload, allow_text=allow_text
            )
        except FileRejected as exc:
            raise forms.ValidationError(exc.messages) from None
        return upload

    def clean_cv(self) -> UploadedFile | None:
        return self._check_file("cv", allow_text=False)

    def clean_letter_file(self) -> UploadedFile | None:
        return self._check_file("letter_file", allow_text=True)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for question in self.questions:
            field = self.question_field(question)
            count = answer_word_count(cleaned.get(field) or "")
            if count > question.word_limit:
                self.add_error(
                    field,
                    forms.ValidationError(
                        _("Please keep your answer to %(limit)d words at most (it has %(count)d)."),
                        code="word_limit",
                        params={"limit": question.word_limit, "count": count},
                    ),
                )
        has_letter_file = bool(cleaned.get("letter_file")) or "letter_file" in self.errors
        if not has_letter_file and not (cleaned.get("letter_text") or "").strip():
            self.add_error(
                "letter_text", _("Please add a cover letter: type it here or attach a file.")
            )
        return cleaned

    def incoming_files(self) -> list[IncomingFile]:
        files = [
            IncomingFile(
                role=Document.Role.CV,
                name=self.cleaned_data["cv"].name,
                file=self.cleaned_data["cv"],
                checked=self.checked_files["cv"],
            )
        ]
        letter = self.cleaned_data.get("letter_file")
        if letter is not None:
            files.append(
                IncomingFile(
                    role=Document.Role.LETTER,
                    name=letter.name,
                    file=letter,
                    checked=self.checked_files["letter_file"],
                )
            )
        return files

    def answers(self) -> dict[int, str]:
        return {
            question.pk: self.cleaned_data.get(self.question_field(question)) or ""
            for question in self.questions
        }
