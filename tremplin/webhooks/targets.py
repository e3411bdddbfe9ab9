"""Where a webhook may be sent: http(s) addresses without credentials, and no private or
loopback address unless ``TREMPLIN_WEBHOOK_ALLOW_PRIVATE`` allows them (on by default when
DEBUG is, so that a local demo can deliver to http://127.0.0.1:PORT).

The address is checked when the endpoint is saved and again, resolved, before every
delivery: a name that pointed outside may point inside later."""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def private_allowed() -> bool:
    return bool(getattr(settings, "TREMPLIN_WEBHOOK_ALLOW_PRIVATE", settings.DEBUG))


def _is_private(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def _addresses(host: str, port: int) -> list[str]:
    try:
        return [str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]
    except (socket.gaierror, UnicodeError) as exc:
        raise ValidationError(
            _("The address’s host name %(host)s cannot be found."),
            code="unresolved",
            params={"host": host},
        ) from exc


def target_check(url: str, *, resolve: bool = True) -> str:
    """``url`` if a webhook may be sent there; else ValidationError saying why."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise ValidationError(_("Enter a valid web address."), code="invalid") from exc
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValidationError(
            _("A webhook address must start with http:// or https:// and name a host."),
            code="scheme",
        )
    if parts.username is not None or parts.password is not None:
        raise ValidationError(
            _(
                "A webhook address cannot hold a user name or password: the signature proves "
                "who sends."
            ),
            code="credentials",
        )
    if len(url) > 2000:
        raise ValidationError(_("This address is too long."), code="too_long")
    if resolve and not private_allowed():
        addresses = _addresses(parts.hostname, port or (443 if parts.scheme == "https" else 80))
        if any(_is_private(address) for address in addresses):
            raise ValidationError(
                _("Webhooks cannot be sent to a private or loopback address (%(host)s)."),
                code="private",
                params={"host": parts.hostname},
            )
    return url
