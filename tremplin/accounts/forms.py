from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from tremplin.accounts import guessing
from tremplin.core import mailer
from tremplin.core.ratelimit import client_address


class EmailAuthenticationForm(auth_forms.AuthenticationForm):
    """Django's login form, whose user name is the e-mail address. Past the limits on
    guessing (accounts.guessing) it says until when logging in is paused, in words that
    do not tell whether the account exists."""

    username = auth_forms.UsernameField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    def clean(self) -> dict[str, Any]:
        try:
            return super().clean()
        except forms.ValidationError as error:
            username = self.cleaned_data.get("username")
            if error.code != "invalid_login" or not username:
                raise
            address = client_address(self.request) if self.request is not None else None
            until = guessing.login_locked_until(email=username, address=address)
            if until is None:
                raise
            raise forms.ValidationError(
                guessing.LOGIN_LOCKED,
                code="locked",
                params={"until": guessing.retry_until_display(until)},
            ) from None


class OutboxPasswordResetForm(auth_forms.PasswordResetForm):
    """Django's password reset, with the e-mail going through the recorded outbox
    (``core.mailer``)."""

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        def compose() -> tuple[str, str]:
            subject = loader.render_to_string(subject_template_name, context)
            return "".join(subject.splitlines()), loader.render_to_string(
                email_template_name, context
            )

        mailer.compose(
            to=to_email,
            language=translation.get_language() or "en",
            compose=compose,
            headers={"Auto-Submitted": "auto-generated"},
            kind="password_reset",
        )


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )
