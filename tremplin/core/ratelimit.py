"""Rate limits: atomic counters in a window, keyed by a string, for every limit we keep
(guesses at a password or a code, password-reset mails, applications).

A counter starts at its first hit and lasts ``window`` seconds; the hit that finds it
expired starts a new one. Counting is atomic, so parallel requests cannot slip past a
limit: the database increments with one ``INSERT … ON CONFLICT … DO UPDATE … RETURNING``
statement (SQLite and PostgreSQL), Redis with ``INCR`` in a ``MULTI`` block when the
default cache is Redis (``CACHE_URL=redis://…``).

What is counted (an e-mail address, a client's address) is never stored in clear: keys
hold a keyed hash of it. ``RATELIMIT_ENABLE = False`` (TREMPLIN_RATE_LIMIT=false) lets
everything through, for benchmarks.
"""

import datetime
import hashlib
import hmac
import ipaddress
import time
from dataclasses import dataclass
from functools import cache
from typing import Any

import redis
from django.conf import settings
from django.db import connection
from django.db.models import F
from django.http import HttpRequest

from tremplin.core.models import RateCounter
from tremplin.env import parse_rate

REDIS_PREFIX = "tremplin:rate:"


@dataclass(frozen=True)
class Count:
    count: int
    expires_at: int  # seconds since the epoch

    @property
    def until(self) -> datetime.datetime:
        return datetime.datetime.fromtimestamp(self.expires_at, tz=datetime.UTC)


@dataclass(frozen=True)
class Attempt:
    """One counted attempt: ``allowed`` while the count stays within the limit; ``until``
    is when the counter starts again."""

    allowed: bool
    until: datetime.datetime | None = None


def _now() -> int:
    return int(time.time())


def _redis_url() -> str | None:
    cache_settings: dict[str, Any] = settings.CACHES.get("default", {})
    if cache_settings.get("BACKEND") == "django.core.cache.backends.redis.RedisCache":
        location = cache_settings["LOCATION"]
        return location[0] if isinstance(location, list | tuple) else str(location)
    return None


@cache
def _redis_client(url: str) -> redis.Redis:
    return redis.Redis.from_url(url)


_REDIS_UNDO = """
local value = tonumber(redis.call('GET', KEYS[1]) or '0')
if value > 0 then return redis.call('DECR', KEYS[1]) end
return 0
"""


def counter_hit(*, key: str, window: int) -> Count:
    """Add one to counter ``key`` (a new one lasting ``window`` seconds when it is missing
    or expired) and return its count, atomically."""
    url = _redis_url()
    if url is not None:
        client = _redis_client(url)
        name = REDIS_PREFIX + key
        pipe = client.pipeline(transaction=True)
        pipe.set(name, 0, ex=window, nx=True)
        pipe.incr(name)
        pipe.ttl(name)
        _created, count, ttl = pipe.execute()
        if ttl < 0:  # a counter left without expiry: give it one
            client.expire(name, window)
            ttl = window
        return Count(count=int(count), expires_at=_now() + int(ttl))
    now = _now()
    qn = connection.ops.quote_name
    table, k, n, e = qn(RateCounter._meta.db_table), qn("key"), qn("count"), qn("expires_at")
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({k}, {n}, {e}) VALUES (%s, 1, %s) "  # noqa: S608
            f"ON CONFLICT ({k}) DO UPDATE SET "
            f"{n} = CASE WHEN {table}.{e} <= %s THEN 1 ELSE {table}.{n} + 1 END, "
            f"{e} = CASE WHEN {table}.{e} <= %s THEN excluded.{e} ELSE {table}.{e} END "
            f"RETURNING {n}, {e}",
            [key, now + window, now, now],
        )
        count, expires_at = cursor.fetchone()
    return Count(count=int(count), expires_at=int(expires_at))


def counters_cull(*, now: int | None = None) -> int:
    """Delete the database's counters whose window has ended, and say how many: the daily
    retention run calls it, so that a request costs the same queries every time (Redis
    expires its own)."""
    deleted, _per_model = RateCounter.objects.filter(expires_at__lte=now or _now()).delete()
    return deleted


def counter_get(*, key: str) -> Count | None:
    """Counter ``key`` as it stands, or None when it is missing or expired. Writes nothing."""
    url = _redis_url()
    if url is not None:
        client = _redis_client(url)
        pipe = client.pipeline(transaction=True)
        pipe.get(REDIS_PREFIX + key)
        pipe.ttl(REDIS_PREFIX + key)
        value, ttl = pipe.execute()
        if value is None or ttl == -2:
            return None
        return Count(count=int(value), expires_at=_now() + max(int(ttl), 0))
    row = (
        RateCounter.objects.filter(key=key, expires_at__gt=_now())
        .values_list("count", "expires_at")
        .first()
    )
    return None if row is None else Count(count=row[0], expires_at=row[1])


def counter_undo(*, key: str) -> None:
    """Take back one hit (an attempt that turned out fine), atomically."""
    url = _redis_url()
    if url is not None:
        _redis_client(url).eval(_REDIS_UNDO, 1, REDIS_PREFIX + key)
        return
    RateCounter.objects.filter(key=key, count__gt=0).update(count=F("count") - 1)


def counter_clear(*, key: str) -> None:
    url = _redis_url()
    if url is not None:
        _redis_client(url).delete(REDIS_PREFIX + key)
        return
    RateCounter.objects.filter(key=key).delete()


def rate_key(*, scope: str, value: str) -> str:
    """The counter's key for ``value`` (an e-mail address, a client's address) in ``scope``:
    a keyed hash, so the store never holds the value itself."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"{scope}\0{value}".encode(), hashlib.sha256
    ).hexdigest()
    return f"{scope}:{digest[:40]}"


def limits_enabled() -> bool:
    return bool(getattr(settings, "RATELIMIT_ENABLE", True))


def limit_attempt(*, scope: str, value: str, rate: str) -> Attempt:
    """Count one attempt for ``value`` against ``rate`` (``"5/15m"``)."""
    if not limits_enabled():
        return Attempt(allowed=True)
    limit, window = parse_rate(rate)
    hit = counter_hit(key=rate_key(scope=scope, value=value), window=window)
    return Attempt(allowed=hit.count <= limit, until=hit.until)


def limit_reached(*, scope: str, value: str, rate: str) -> datetime.datetime | None:
    """When ``value`` has used up ``rate``: the time its counter starts again; else None.
    Counts nothing."""
    if not limits_enabled():
        return None
    limit, _window = parse_rate(rate)
    found = counter_get(key=rate_key(scope=scope, value=value))
    return found.until if found is not None and found.count >= limit else None


def limit_undo(*, scope: str, value: str) -> None:
    if limits_enabled():
        counter_undo(key=rate_key(scope=scope, value=value))


def limit_clear(*, scope: str, value: str) -> None:
    if limits_enabled():
        counter_clear(key=rate_key(scope=scope, value=value))


def client_ip(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or behind one reverse proxy (BEHIND_TLS_PROXY) the
    last X-Forwarded-For entry, the one our proxy added (earlier entries come from the
    client and may be made up)."""
    remote = str(request.META.get("REMOTE_ADDR", ""))
    if not getattr(settings, "BEHIND_TLS_PROXY", False):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
    return addresses[-1] if addresses else remote


def client_address(request: HttpRequest) -> str:
    """What a per-client limit counts by: the client's IPv4 address, or its IPv6 /64
    network (one machine usually holds a whole /64)."""
    address = client_ip(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)
