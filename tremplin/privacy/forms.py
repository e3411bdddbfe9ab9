"""Privacy's forms: the privacy settings (who the data controller is, how long data is
kept, the "how decisions are made" text in each language), and the owner's confirmation
before erasing a candidate's data (their password again, their authenticator code when
they have one, and the candidate's e-mail address typed in full)."""

from typing import Any

from django import forms
from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from tremplin.accounts import twofactor
from tremplin.accounts.models import Organization, User
from tremplin.applications.models import Candidate
from tremplin.core.language import language_name
from tremplin.notices.services import PRIVACY_FIELDS
from tremplin.notices.texts import decisions_statement_default

DECISIONS_MAX_LENGTH = 2000


def _months_field(*, label: Any, maximum: int, help_text: Any, between: Any) -> forms.IntegerField:
    """A number of months from 1 to ``maximum``; ``between`` is the error for anything else."""
    return forms.IntegerField(
        label=label,
        min_value=1,
        max_value=maximum,
        help_text=help_text,
        error_messages={
            "required": between,
            "invalid": between,
            "min_value": between,
            "max_value": between,
        },
    )


def decisions_field_name(language: str) -> str:
    return f"decisions_{language}"


class PrivacySettingsForm(forms.ModelForm):
    retention_months = _months_field(
        label=_("Candidates not retained: months kept"),
        maximum=24,
        help_text=_(
            "After the end of the recruitment (the vacancy closed and a decision for every "
            "candidate). Keep it short: the CNIL expects the data of candidates not retained "
            "to go once the process ends, unless they join the talent pool."
        ),
        between=_("Enter a number of months from 1 to 24."),
    )
    talent_pool_months = _months_field(
        label=_("Talent pool: months kept"),
        maximum=24,
        help_text=_(
            "After the candidate’s last contact, with their consent. They get an e-mail "
            "offering to stay one month before the end. At most 24 months (the CNIL’s limit)."
        ),
        between=_("Enter a number of months from 1 to 24."),
    )
    hired_retention_months = _months_field(
        label=_("Hired candidates: months kept"),
        maximum=120,
        help_text=_(
            "After the hire. 60 months (5 years) is the time to bring a discrimination claim "
            "in France."
        ),
        between=_("Enter a number of months from 1 to 120."),
    )

    class Meta:
        model = Organization
        fields = list(PRIVACY_FIELDS)
        labels = {
            "legal_name": _("Legal name"),
            "postal_address": _("Postal address"),
            "privacy_email": _("Privacy contact (e-mail address)"),
            "dpo_name": _("Data protection officer (name)"),
            "dpo_email": _("Data protection officer (e-mail address)"),
        }
        help_texts = {
            "legal_name": _(
                "The data controller’s registered name; the organization’s name when empty."
            ),
            "postal_address": _("Shown on the privacy page and in the record of processing."),
            "privacy_email": _(
                "Where candidates write to use their rights; the recruitment address when empty."
            ),
            "dpo_name": _("Leave both empty if the organization has no data protection officer."),
        }
        widgets = {
            "postal_address": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        statements = self.instance.decisions_statement or {}
        for code, _name in settings.LANGUAGES:
            name = decisions_field_name(code)
            default = decisions_statement_default(organization=self.instance, language=code)
            self.fields[name] = forms.CharField(
                label=_("How decisions are made (%(language)s)")
                % {"language": capfirst(language_name(code))},
                required=False,
                max_length=DECISIONS_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 4, "lang": code}),
                help_text=_("Empty: Tremplin’s text, which reads: “%(default)s”")
                % {"default": default},
                initial=statements.get(code, "") if isinstance(statements, dict) else "",
            )

    def decisions_fields(self) -> list[forms.BoundField]:
        return [self[decisions_field_name(code)] for code, _name in settings.LANGUAGES]

    def decisions_statements(self) -> dict[str, str]:
        """The texts typed, by language; an empty box is left out (Tremplin's text)."""
        statements = {}
        for code, _name in settings.LANGUAGES:
            text = (self.cleaned_data.get(decisions_field_name(code)) or "").strip()
            if text:
                statements[code] = text
        return statements


class OwnerErasureForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    code = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    email = forms.CharField(
        label=_("The candidate’s e-mail address"),
        help_text=_("Type it in full, as it appears on the application’s page."),
        max_length=254,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args: Any, user: User, candidate: Candidate, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.candidate = candidate
        self.device = twofactor.totp_device_confirmed(user=user)
        if self.device is None:
            del self.fields["code"]

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("This is not your password. Type the password you log in with."),
                code="wrong_password",
            )
        return password

    def clean_code(self) -> str:
        code: str = self.cleaned_data["code"]
        if self.device is None or not twofactor.totp_verify(device=self.device, token=code):
            raise forms.ValidationError(
                _("This code is not right: type the code your app shows now."),
                code="wrong_code",
            )
        return code

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"]
        if email.strip().casefold() != self.candidate.email.strip().casefold():
            raise forms.ValidationError(
                _("This is not the candidate’s e-mail address: type it in full."),
                code="wrong_email",
            )
        return email

    def refusal_reason(self) -> str:
        """Which checks failed, for the audit log: "password", "code", "email"."""
        return ", ".join(name for name in ("password", "code", "email") if name in self.errors)
