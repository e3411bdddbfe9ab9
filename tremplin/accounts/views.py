from typing import cast

import segno
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login

from tremplin.accounts import guessing, twofactor
from tremplin.accounts.forms import EmailAuthenticationForm, OutboxPasswordResetForm, TokenForm
from tremplin.accounts.models import User
from tremplin.accounts.services import user_language_set
from tremplin.core.ratelimit import client_address


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        """Log in, and remember the page's language as the one to write to the user in:
        staff have no settings page, and the language they log in with is the one they
        chose to read Tremplin in."""
        response = super().form_valid(form)
        user_language_set(
            user=cast(User, form.get_user()),
            language=translation.get_language() or settings.LANGUAGE_CODE,
        )
        return response

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_invalid(form)
        if form.has_error(NON_FIELD_ERRORS, "locked"):
            response.status_code = 429
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset, with limits: per client the page says when to try again; per
    e-mail address no more mail goes, and the page reads the same as when one does."""

    template_name = "accounts/password_reset.html"
    form_class = OutboxPasswordResetForm
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        until = guessing.password_reset_client_refused(address=client_address(self.request))
        if until is not None:
            form.add_error(
                None, guessing.RESET_LOCKED % {"until": guessing.retry_until_display(until)}
            )
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        if not guessing.password_reset_mail_allowed(email=form.cleaned_data["email"]):
            return redirect(self.get_success_url())
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return str(reverse_lazy("accounts:home"))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def two_factor(request: HttpRequest) -> HttpResponse:
    """Prove the second factor for this session, or set one up when there is none."""
    user = cast(User, request.user)
    device = twofactor.totp_device_confirmed(user=user)
    setting_up = device is None
    if device is None:
        device = twofactor.totp_device_pending(user=user)
    address = client_address(request)
    form = TokenForm(request.POST or None)
    locked_until = None
    if request.method == "POST" and form.is_valid():
        check = twofactor.totp_check(
            device=device, token=form.cleaned_data["token"], address=address
        )
        if check.accepted:
            if setting_up:
                twofactor.totp_confirm(device=device)
            otp_login(request, device)
            return redirect(_next_url(request))
        locked_until = check.locked_until
        if locked_until is None:
            form.add_error(
                "token", _("This code is not right. Check your app’s clock and try again.")
            )
    else:
        # A locked account hears that it is locked, and until when, whatever was typed:
        # never only that the code is missing or not a code.
        locked_until = guessing.totp_locked_until(user_id=user.pk, address=address)
        if locked_until is not None and form.is_bound:
            form.errors.clear()
    context = {
        "locked": (
            guessing.TOTP_LOCKED % {"until": guessing.retry_until_display(locked_until)}
            if locked_until is not None
            else ""
        ),
        "form": form,
        "setting_up": setting_up,
        "next": _next_url(request),
        "required": twofactor.two_factor_required(user=user),
    }
    if setting_up:
        context["qr_svg"] = segno.make(device.config_url, error="m").svg_inline(scale=4)
        context["secret"] = device.config_url.split("secret=")[1].split("&")[0]
    status = 400 if request.method == "POST" else 200
    if locked_until is not None:
        status = 429 if request.method == "POST" else 200
    return render(request, "accounts/two_factor.html", context, status=status)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The organizations the user works for."""
    memberships = request.user.memberships.select_related("organization").order_by(  # type: ignore[union-attr]
        "organization__name"
    )
    return render(request, "accounts/home.html", {"memberships": memberships})
