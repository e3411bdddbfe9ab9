"""Rate limits on the application form (counters in tremplin/core/ratelimit.py).

Per client address, every submission counts; per e-mail address, accepted ones count (so
nobody can flood a person's inbox with acknowledgements, and a candidate who fixes a
refused file is not blocked). Settings: TREMPLIN_APPLY_RATE_PER_IP, _PER_EMAIL, and
RATELIMIT_ENABLE (false switches both off).
"""

from django.conf import settings
from django.http import HttpRequest

from tremplin.core.ratelimit import client_address, client_ip, limit_attempt, limit_reached

__all__ = ["apply_email_at_limit", "apply_over_ip_limit", "client_ip"]

GROUP_IP = "applications.apply.ip"
GROUP_EMAIL = "applications.apply.email"


def _email(request: HttpRequest) -> str:
    return request.POST.get("email", "").strip().lower()


def apply_over_ip_limit(request: HttpRequest) -> bool:
    """Count this submission against the client's address; True once over the limit."""
    attempt = limit_attempt(
        scope=GROUP_IP, value=client_address(request), rate=settings.TREMPLIN_APPLY_RATE_PER_IP
    )
    return not attempt.allowed


def apply_email_at_limit(request: HttpRequest, *, count: bool = False) -> bool:
    """True when this e-mail address has used up its accepted submissions; with ``count``,
    record one more accepted submission first."""
    email = _email(request)
    if not email:
        return False
    rate = settings.TREMPLIN_APPLY_RATE_PER_EMAIL
    if count:
        limit_attempt(scope=GROUP_EMAIL, value=email, rate=rate)
    return limit_reached(scope=GROUP_EMAIL, value=email, rate=rate) is not None
