"""Typed readers for environment variables, used only by ``settings.py``.

Each reader fails loudly on a value it cannot understand, and each accepts
``NAME_FILE`` instead of ``NAME``: the value is then read from that file, which
is how container secrets are usually handed over.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _raw(name: str) -> str | None:
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        try:
            return Path(file_name).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"{name}_FILE={file_name}: {exc.strerror}") from exc
    return os.environ.get(name)


def env_str(name: str, default: str) -> str:
    value = _raw(name)
    return default if value is None else value


def env_bool(name: str, default: bool) -> bool:
    value = _raw(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean (use true or false)")


def env_int(name: str, default: int) -> int:
    value = _raw(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number") from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = _raw(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


_RATE_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(text: str) -> tuple[int, int]:
    """``"5/15m"`` is 5 per 900 seconds: (5, 900). Units s, m, h, d; the number before the
    unit is optional (``"30/h"``). ValueError on anything else."""
    count, _, period = text.strip().partition("/")
    period = period.strip().lower()
    multiplier = period[:-1] or "1"
    if not (count.strip().isdigit() and multiplier.isdigit() and period[-1:] in _RATE_UNITS):
        raise ValueError(f"{text!r} is not a rate such as 5/15m or 30/h")
    window = int(multiplier) * _RATE_UNITS[period[-1]]
    if int(count) < 1 or window < 1:
        raise ValueError(f"{text!r}: both the count and the period must be above zero")
    return int(count), window


def env_rate(name: str, default: str) -> str:
    """A rate limit such as ``5/15m`` (5 per 15 minutes) or ``30/h``, checked here."""
    value = env_str(name, default).strip()
    try:
        parse_rate(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name}: {exc}") from None
    return value
