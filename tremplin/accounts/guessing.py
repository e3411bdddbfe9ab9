"""Limits on guessing: passwords, two-factor codes, password-reset mails.

Every attempt is counted before it is checked (tremplin/core/ratelimit.py counts
atomically), so parallel guesses cannot slip past a limit; an attempt that succeeds is
taken back. Per-account limits key on what was typed (the e-mail address) or the user, so
they hold whatever address the guesses come from, and read the same whether or not the
account exists; per-client limits key on the client's address.
"""

import datetime
from typing import Any

from asgiref.sync import sync_to_async
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from tremplin.accounts.models import User
from tremplin.core.ratelimit import (
    client_address,
    limit_attempt,
    limit_clear,
    limit_reached,
    limit_undo,
)

LOGIN_ACCOUNT = "login.account"
LOGIN_IP = "login.ip"
TOTP_ACCOUNT = "totp.account"
TOTP_IP = "totp.ip"
RESET_EMAIL = "password_reset.email"
RESET_IP = "password_reset.ip"

# %(until)s is ``retry_until_display``: "until 14:30" today, "until 1 December 2027, 14:30"
# otherwise (two phrases, as French needs "jusqu’à 14:30" and "jusqu’au 1 décembre").
LOGIN_LOCKED = _("Too many failed attempts: logging in is paused %(until)s. Try again then.")
TOTP_LOCKED = _("This account is locked %(until)s after too many wrong codes. Try again then.")
RESET_LOCKED = _(
    "Too many requests from your connection: requests are refused %(until)s. Try again then."
)


def _checks(*pairs: tuple[str, str | None, str]) -> list[tuple[str, str, str]]:
    return [(scope, value, rate) for scope, value, rate in pairs if value]


def _attempt(checks: list[tuple[str, str, str]]) -> datetime.datetime | None:
    """Count one attempt on each counter; when one is over its limit, the latest time a
    refusing counter starts again."""
    refused = [
        attempt.until
        for scope, value, rate in checks
        if not (attempt := limit_attempt(scope=scope, value=value, rate=rate)).allowed
        and attempt.until is not None
    ]
    return max(refused) if refused else None


def _reached(checks: list[tuple[str, str, str]]) -> datetime.datetime | None:
    """When no attempt is left on some counter: the latest time such a counter starts again."""
    reached = [
        until
        for scope, value, rate in checks
        if (until := limit_reached(scope=scope, value=value, rate=rate)) is not None
    ]
    return max(reached) if reached else None


def _login_checks(*, email: str, address: str | None) -> list[tuple[str, str, str]]:
    return _checks(
        (LOGIN_ACCOUNT, email.strip().lower(), settings.TREMPLIN_LOGIN_RATE_PER_ACCOUNT),
        (LOGIN_IP, address, settings.TREMPLIN_LOGIN_RATE_PER_IP),
    )


def login_guess(*, email: str, address: str | None) -> datetime.datetime | None:
    """Count one password attempt; when it is refused, the time to try again."""
    return _attempt(_login_checks(email=email, address=address))


def login_locked_until(*, email: str, address: str | None) -> datetime.datetime | None:
    """When this address (or this client) has no password attempt left: until when."""
    return _reached(_login_checks(email=email, address=address))


def login_succeeded(*, email: str, address: str | None) -> None:
    """The account's failures are forgiven; the client's attempt is taken back."""
    limit_clear(scope=LOGIN_ACCOUNT, value=email.strip().lower())
    if address:
        limit_undo(scope=LOGIN_IP, value=address)


def _totp_checks(*, user_id: int, address: str | None) -> list[tuple[str, str, str]]:
    return _checks(
        (TOTP_ACCOUNT, str(user_id), settings.TREMPLIN_TOTP_RATE_PER_ACCOUNT),
        (TOTP_IP, address, settings.TREMPLIN_TOTP_RATE_PER_IP),
    )


def totp_guess(*, user_id: int, address: str | None) -> datetime.datetime | None:
    """Count one code attempt; when it is refused, the time to try again."""
    return _attempt(_totp_checks(user_id=user_id, address=address))


def totp_locked_until(*, user_id: int, address: str | None) -> datetime.datetime | None:
    return _reached(_totp_checks(user_id=user_id, address=address))


def totp_succeeded(*, user_id: int, address: str | None) -> None:
    limit_clear(scope=TOTP_ACCOUNT, value=str(user_id))
    if address:
        limit_undo(scope=TOTP_IP, value=address)


def password_reset_client_refused(*, address: str) -> datetime.datetime | None:
    """Count one reset request from this client; when refused, the time to try again."""
    return _attempt(_checks((RESET_IP, address, settings.TREMPLIN_PASSWORD_RESET_RATE_PER_IP)))


def password_reset_mail_allowed(*, email: str) -> bool:
    """Count one reset request for this e-mail address, known or not: whether a mail may go."""
    rate = settings.TREMPLIN_PASSWORD_RESET_RATE_PER_EMAIL
    return _attempt(_checks((RESET_EMAIL, email.strip().lower(), rate))) is None


def retry_until_display(until: datetime.datetime) -> str:
    """ "until" ``until`` for a person, in the active language and time zone, rounded up to
    the minute (trying at the minute shown works): a time today, a date and time otherwise."""
    local = timezone.localtime(until)
    if local.second or local.microsecond:
        local = local.replace(second=0, microsecond=0) + datetime.timedelta(minutes=1)
    if local.date() == timezone.localdate():
        time = formats.time_format(local, "TIME_FORMAT")
        return pgettext("until a time of today", "until %(time)s") % {"time": time}
    moment = formats.date_format(local, "DATETIME_FORMAT")
    return pgettext("until a date and time", "until %(moment)s") % {"moment": moment}


class RateLimitedModelBackend(ModelBackend):
    """Django's backend, behind the login limits: past a limit the password is not even
    checked. Every login form (the staff one, the admin's) goes through here."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        if username is None:
            username = kwargs.get(User.USERNAME_FIELD)
        if username is None or password is None:
            return None
        address = client_address(request) if request is not None else None
        if login_guess(email=username, address=address) is not None:
            return None
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is not None:
            login_succeeded(email=username, address=address)
        return user

    async def aauthenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        """The same limits for an asynchronous login (Django's own would skip them)."""
        return await sync_to_async(self.authenticate)(
            request, username=username, password=password, **kwargs
        )
