"""Rate limits on the application form (django-ratelimit over the default cache).

Per client address, every submission counts; per e-mail address, accepted ones count (so
nobody can flood a person's inbox with acknowledgements, and a candidate who fixes a
refused file is not blocked). Settings: TREMPLIN_APPLY_RATE_PER_IP, _PER_EMAIL, and
RATELIMIT_ENABLE (false switches both off).
"""

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import get_usage

GROUP_IP = "applications.apply.ip"
GROUP_EMAIL = "applications.apply.email"


def client_ip(request: HttpRequest) -> str:
    """The client's address behind one reverse proxy: the last X-Forwarded-For entry, the
    one our proxy added (earlier entries come from the client and may be made up).

    Used as RATELIMIT_IP_META_KEY when BEHIND_TLS_PROXY is set.
    """
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
    return addresses[-1] if addresses else str(request.META.get("REMOTE_ADDR", ""))


def _email_key(group: str, request: HttpRequest) -> str:
    return request.POST.get("email", "").strip().lower()


def apply_over_ip_limit(request: HttpRequest) -> bool:
    """Count this submission against the client's address; True once over the limit."""
    usage = get_usage(
        request,
        group=GROUP_IP,
        key="ip",
        rate=settings.TREMPLIN_APPLY_RATE_PER_IP,
        method="POST",
        increment=True,
    )
    return bool(usage and usage["should_limit"])


def apply_email_at_limit(request: HttpRequest, *, count: bool = False) -> bool:
    """True when this e-mail address has used up its accepted submissions; with ``count``,
    record one more accepted submission first."""
    if not _email_key(GROUP_EMAIL, request):
        return False
    usage = get_usage(
        request,
        group=GROUP_EMAIL,
        key=_email_key,
        rate=settings.TREMPLIN_APPLY_RATE_PER_EMAIL,
        method="POST",
        increment=count,
    )
    return bool(usage and usage["count"] >= usage["limit"])
