"""Who calls the API: ``Authorization: Bearer <token>``, checked on every request.

401 for a missing, unknown, revoked or expired token, or one whose user left the
organization; 403 for a reviewer's token (the API is for owners and recruiters: blind
review stays in the workspace) and for a token without the operation's scope; 429 with
Retry-After past the token's rate (TREMPLIN_API_RATE, counted by core.ratelimit)."""

import math
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from tremplin.accounts.models import Membership
from tremplin.accounts.policy import MANAGERS
from tremplin.api.models import ApiToken
from tremplin.api.tokens import token_authenticate
from tremplin.core.ratelimit import limit_attempt


class ApiError(Exception):
    """An answer other than success: its status, a stable code and a sentence."""

    def __init__(
        self,
        status: int,
        code: str,
        detail: str,
        *,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status, self.code, self.detail = status, code, detail
        self.headers = headers or {}
        self.extra = extra or {}


class ApiRequest(HttpRequest):
    api_token: ApiToken
    membership: Membership


def api_rate() -> str:
    return str(getattr(settings, "TREMPLIN_API_RATE", "600/1m"))


class TokenAuth(HttpBearer):
    """A bearer token that carries ``scope``."""

    def __init__(self, scope: str) -> None:
        super().__init__()
        self.scope = scope

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = token_authenticate(raw=token.strip())
        if found is None or not found.user.is_active:
            return None
        membership = Membership.objects.filter(
            organization=found.organization, user=found.user
        ).first()
        if membership is None:
            return None
        if membership.role not in MANAGERS:
            raise ApiError(
                403,
                "role",
                _("The API is for owners and recruiters; this token’s user is neither."),
            )
        attempt = limit_attempt(scope="api-token", value=str(found.pk), rate=api_rate())
        if not attempt.allowed:
            wait = 1
            if attempt.until is not None:
                wait = max(1, math.ceil((attempt.until - timezone.now()).total_seconds()))
            raise ApiError(
                429,
                "rate_limited",
                _("Too many requests with this token: try again in %(seconds)s seconds.")
                % {"seconds": wait},
                headers={"Retry-After": str(wait)},
            )
        if self.scope not in found.scopes:
            raise ApiError(
                403,
                "scope",
                _("This token lacks the scope %(scope)s.") % {"scope": self.scope},
                extra={"scope": self.scope},
            )
        request_any: Any = request
        request_any.api_token = found
        request_any.membership = membership
        return found
