"""The owner's confirmation before erasing a candidate's data: their password again, their
authenticator code when they have one, and the candidate's e-mail address typed in full."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tremplin.accounts import twofactor
from tremplin.accounts.models import User
from tremplin.applications.models import Candidate


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
